// Where a cold build's time goes, by source file: one build to settle the code
// cache, then one under `node --cpu-prof`, read through the bundle's source map.
// usage: npm run bench:profile [-- ISSUE_DIR]   (default examples/issue-07)
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { SourceMap } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const dir = path.resolve(process.argv[2] ?? path.join(root, 'examples/issue-07'));
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bulletin-profile-'));
const run = (flags) => execFileSync(process.execPath, [...flags, path.join(root, 'bin/bulletin.js'), 'build', dir, '-o', path.join(tmp, 'out.pdf')], { stdio: 'ignore' });
run([]);
run(['--cpu-prof', `--cpu-prof-dir=${tmp}`, '--cpu-prof-interval=100']);
const profile = JSON.parse(fs.readFileSync(path.join(tmp, fs.readdirSync(tmp).find((f) => f.endsWith('.cpuprofile'))), 'utf8'));
fs.rmSync(tmp, { recursive: true, force: true });

const bundle = path.join(root, 'dist/bulletin.cjs');
const map = new SourceMap(JSON.parse(fs.readFileSync(`${bundle}.map`, 'utf8')));
const fileOf = (frame) => {
  if (!frame.url.endsWith('bulletin.cjs')) return frame.url ? `node:${frame.url.replace(/^node:/, '').replace(/.*\//, '')}` : frame.functionName;
  const source = map.findEntry(frame.lineNumber, frame.columnNumber).originalSource ?? '?';
  return source.replace(/^.*?node_modules\/((?:@[^/]+\/)?[^/]+).*/, '$1 (dependency)').replace(/^.*?\/src\//, 'src/');
};
const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map();
profile.samples.forEach((id, i) => {
  const key = fileOf(nodes.get(id).callFrame);
  self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
});
const total = [...self.values()].reduce((a, b) => a + b, 0);
console.log(`${path.relative(process.cwd(), dir) || dir}: ${total.toFixed(0)} ms sampled (after Node's own start), self time by source file:`);
for (const [file, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`${ms.toFixed(1).padStart(8)} ms  ${file}`);
