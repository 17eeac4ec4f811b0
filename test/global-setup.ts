// The CLI tests run the built CLI as a subprocess: build it once, fresh
// (type-check and compile, then bundle as `npm install` does).
import { execFileSync } from 'node:child_process';

export default function setup(): void {
  execFileSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });
}
