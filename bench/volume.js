// npm run bench:volume: a year of 50 issues (8–10 items each) bound by one
// `bulletin volume` call, against the same 50 issues built one `bulletin build`
// process each. Whole processes, wall time and peak RSS (aim: < 10 s, < 500 MiB).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateSeries } from './generate-series.js';
import { mib } from './stats.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const cli = path.join(here, '..', 'bin/bulletin.js');
const rss = path.join(here, 'report-rss.cjs');

function timed(args) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--require', rss, cli, ...args], { encoding: 'utf8', env: { ...process.env, SOURCE_DATE_EPOCH: '1737331200' } });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`bulletin ${args.join(' ')} failed:\n${r.stderr}`);
  return { ms, rss: Number(/@@maxrss (\d+)/.exec(r.stderr)?.[1] ?? 0) * 1024, stderr: r.stderr };
}

export function benchVolume({ issues = 50 } = {}) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bulletin-volume-'));
  try {
    const series = generateSeries(path.join(tmp, '2025'), { issues });
    const volume = timed(['volume', series, '-o', path.join(tmp, 'volume.pdf')]);
    const pages = /(\d+) pages/.exec(volume.stderr)?.[1] ?? '?';
    const singles = fs.readdirSync(series).sort().map((f) => timed(['build', path.join(series, f), '-o', path.join(tmp, `${f}.pdf`)]));
    const total = singles.reduce((s, x) => s + x.ms, 0);
    console.log(`volume of ${issues} issues (${pages} pages), whole processes (wall; peak RSS):`);
    console.log(`  bulletin volume, one process      ${(volume.ms / 1000).toFixed(2).padStart(6)} s   ${mib(volume.rss)}`);
    console.log(`  bulletin build × ${issues}, one each   ${(total / 1000).toFixed(2).padStart(6)} s   ${mib(Math.max(...singles.map((x) => x.rss)))} (largest)`);
    console.log(`  volume / singles: ${(volume.ms / total).toFixed(2)}`);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) benchVolume();
