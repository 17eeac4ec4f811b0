// Once per run: build the CLI that the CLI tests run as a subprocess (type-check
// and compile, then bundle, as `npm install` does), and give the run a
// temporary folder of its own (TMPDIR, inherited by the test files and every
// program they start: LibreOffice, Chromium, the CLI), removed at the end, so a
// run leaves /tmp as it found it. Each test file also removes its own folders
// (test/helpers/setup.ts).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { missing, PACKAGES, type Package } from './helpers/system.js';

export default function setup(): () => void {
  // One line per system package that is missing: the tests that need it are skipped (under CI=true they fail).
  for (const p of PACKAGES) {
    const reason = missing(p as Package);
    if (reason) process.stderr.write(`skipping the tests that need it: ${reason}\n`);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulletin-run-'));
  const before = process.env.TMPDIR;
  process.env.TMPDIR = dir;
  // (npm and tsc keep Node's compile cache in TMPDIR on Node 22.1 and later: here, in the run's folder)
  execFileSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });
  return () => {
    fs.rmSync(dir, { recursive: true, force: true });
    if (before === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = before;
  };
}
