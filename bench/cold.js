// Cold builds as whole processes, side by side with Typst, alternating A/B:
// examples/issue-07 and a generated 60-item issue, same fonts.
// BENCH_BASE=/other/checkout/bin/bulletin.js adds that build of bulletin as a
// third side (`before`), interleaved with the two others: before/after figures
// taken under the same load.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateIssue } from './generate-issue.js';
import { mib, summary } from './stats.js';
import { issueToTyp } from './typst/issue-to-typ.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.join(here, '..');
const fontDir = path.join(root, 'fonts');
const rss = path.join(here, 'report-rss.cjs');

function timed(args, env = {}) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--require', rss, ...args], { encoding: 'utf8', env: { ...process.env, SOURCE_DATE_EPOCH: '1737331200', ...env } });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed:\n${r.stderr}`);
  const kib = Number(/@@maxrss (\d+)/.exec(r.stderr)?.[1] ?? 0);
  return { ms, rss: kib * 1024 };
}

export function benchCold({ runs = 5, warmup = 1 } = {}) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bulletin-cold-'));
  const cases = [
    ['examples/issue-07', path.join(root, 'examples/issue-07')],
    ['generated 60 items', generateIssue(path.join(tmp, 'issue-60'), 60, 2)],
  ];
  const results = [];
  for (const [name, dir] of cases) {
    const typ = path.join(tmp, `${path.basename(dir)}.typ`);
    fs.writeFileSync(typ, issueToTyp(dir));
    const ours = ['bin/bulletin.js', 'build', dir, '-o', path.join(tmp, 'b.pdf')].map((a, i) => (i === 0 ? path.join(root, a) : a));
    const theirs = [path.join(here, 'typst/compile.js'), typ, path.join(tmp, 't.pdf'), fontDir];
    const base = process.env.BENCH_BASE ? [path.resolve(process.env.BENCH_BASE), ...ours.slice(1)] : undefined;
    // Each side its own code-cache folder, made by its warm-up build: one version's sweep may not read the
    // other's cache key (before December 2026 it removed such caches), and neither starts from a cache that
    // another command made.
    const oursEnv = { BULLETIN_CACHE_DIR: path.join(tmp, 'cache-ours') };
    const baseEnv = { BULLETIN_CACHE_DIR: path.join(tmp, 'cache-before') };
    for (let i = 0; i < warmup; i++) {
      timed(ours, oursEnv);
      timed(theirs);
      if (base) timed(base, baseEnv);
    }
    const a = [];
    const b = [];
    const c = [];
    for (let i = 0; i < runs; i++) {
      a.push(timed(ours, oursEnv));
      b.push(timed(theirs));
      if (base) c.push(timed(base, baseEnv));
    }
    results.push({ name, bulletin: a, typst: b, before: c });
  }
  console.log(`cold build, whole process, ${runs} runs after ${warmup} warm-up, alternating (wall ms; peak RSS):`);
  console.log('  issue                system     median     min     max   peak RSS');
  for (const r of results) {
    for (const [sys, xs] of [['bulletin', r.bulletin], ['typst', r.typst], ...(r.before.length ? [['before', r.before]] : [])]) {
      const s = summary(xs.map((x) => x.ms));
      console.log(`  ${r.name.padEnd(20)} ${sys.padEnd(8)} ${s.median.toFixed(0).padStart(7)} ${s.min.toFixed(0).padStart(7)} ${s.max.toFixed(0).padStart(7)}   ${mib(Math.max(...xs.map((x) => x.rss)))}`);
    }
    const ratios = r.bulletin.map((x, i) => x.ms / r.typst[i].ms);
    const q = summary(ratios);
    console.log(`  ${r.name.padEnd(20)} bulletin/typst, pair by pair: median ${q.median.toFixed(2)} (min ${q.min.toFixed(2)}, max ${q.max.toFixed(2)})`);
    if (r.before.length) {
      const p = summary(r.before.map((x, i) => x.ms / r.typst[i].ms));
      console.log(`  ${r.name.padEnd(20)} before/typst, pair by pair: median ${p.median.toFixed(2)} (min ${p.min.toFixed(2)}, max ${p.max.toFixed(2)})`);
    }
  }
  const [small, big] = results.map((r) => summary(r.bulletin.map((x) => x.ms)).median);
  console.log(`  bulletin: 60 items cost ${(big / small).toFixed(2)} × issue-07`);
  fs.rmSync(tmp, { recursive: true, force: true });
  return results;
}
