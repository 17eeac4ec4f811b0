// Edit-to-PDF and edit-to-preview latency, as a user meets it: a real
// `bulletin build --watch` and `bulletin preview` in their own processes, a
// one-character edit written to an item, and the clock stopped when the new
// PDF is renamed into place (seen by fs.watch on its folder) or when the
// preview's Server-Sent Event with the new version arrives. Each figure
// includes the watcher's quiet spell (DEBOUNCE_MS), which since December 2026 runs beside the build. Medians over 20 edits, after
// 5 warm-up edits, for examples/issue-07 and a generated 60-item issue.
// Beside them, Typst's side: the same edits to the same content as Typst
// markup (bench/typst/issue-to-typ.js), recompiled by one long-lived
// in-process compiler (typst-ts-node-compiler, Typst's incremental engine,
// its caches evicted as `typst watch` does), timed from the new source to the
// PDF written to disk. No file watching and no debounce on that side.
//
//   npm run bench:watch        (needs a build: it runs tsc first)

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { NodeCompiler } from '@myriaddreamin/typst-ts-node-compiler';
import { DEBOUNCE_MS } from '../dist/watch/rebuilder.js';
import { generateIssue } from './generate-issue.js';
import { ms, summary } from './stats.js';
import { issueToTyp } from './typst/issue-to-typ.js';

const here = path.dirname(fileURLToPath(import.meta.url));
// BENCH_CLI=/other/checkout/bin/bulletin.js measures another build of bulletin (a before/after).
const cli = path.resolve(process.env.BENCH_CLI ?? path.join(here, '../bin/bulletin.js'));
const EDITS = 20;
const WARMUP = 5;
const PAUSE = 150; // between edits: an editor saves at most a few times a second

const sleep = (t) => new Promise((r) => setTimeout(r, t));
/** Every scratch folder made, removed at the end. */
const scratch = [];

/** A copy of the issue and the item the edits go to (the middle one, so later pages move too). */
function prepare(name, source) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `bulletin-bench-${name}-`));
  scratch.push(dir);
  const folder = path.join(dir, 'issue');
  fs.cpSync(source, folder, { recursive: true });
  const items = fs.readdirSync(folder).filter((f) => f.endsWith('.md')).sort();
  const file = path.join(folder, items[Math.floor(items.length / 2)]);
  const text = fs.readFileSync(file, 'utf8');
  const at = text.indexOf('，', text.indexOf('\n---\n') + 5);
  if (at < 0) throw new Error(`no ， in ${file}`);
  // One character, toggled so every save changes the content: ， ↔ 、
  const edit = (i) => fs.writeFileSync(file, text.slice(0, at) + (i % 2 ? '、' : '，') + text.slice(at + 1));
  return { dir, folder, edit };
}

function start(args) {
  const child = spawn(process.execPath, [cli, ...args], { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, LANG: 'C' } });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (s) => (stderr += s));
  const until = async (re) => {
    for (let i = 0; i < 600; i++) {
      const m = re.exec(stderr);
      if (m) return m;
      await sleep(50);
    }
    throw new Error(`timed out waiting for ${re}\n${stderr}`);
  };
  const stop = () => new Promise((r) => {
    child.on('exit', r);
    child.kill('SIGINT');
  });
  return { child, until, stop, stderr: () => stderr };
}

async function editToPdf(name, source) {
  const { dir, folder, edit } = prepare(name, source);
  const out = path.join(dir, 'out.pdf');
  const p = start(['build', folder, '--watch', '-o', out]);
  await p.until(/watching/);
  let resolveWrite;
  const watcher = fs.watch(dir, (_e, f) => {
    if (f === 'out.pdf' && resolveWrite) resolveWrite(performance.now());
  });
  // Typst's edit after each of ours, so both sides meet the same load (the machine may be shared).
  const typst = typstEditor(name, source);
  const times = [];
  const typstTimes = [];
  for (let i = 1; i <= WARMUP + EDITS; i++) {
    const written = new Promise((r) => (resolveWrite = r));
    const t0 = performance.now();
    edit(i);
    const t1 = await written;
    resolveWrite = undefined;
    await sleep(PAUSE);
    const t = typst.step(i);
    if (i > WARMUP) {
      times.push(t1 - t0);
      typstTimes.push(t);
    }
    await sleep(PAUSE);
  }
  typst.close();
  watcher.close();
  await p.stop();
  // The CLI's own status lines: compile + render + write, from the compile's start.
  const work = [...p.stderr().matchAll(/built .* \((\d+) ms\)/g)].map((m) => Number(m[1])).slice(-EDITS);
  const ratios = times.map((x, i) => x / typstTimes[i]);
  return { name, pages: Number(/(\d+) pages/.exec(p.stderr())[1]), ...summary(times), work: summary(work).median, typst: summary(typstTimes), ratio: summary(ratios).median };
}

/**
 * Typst's incremental edit → PDF on disk, in process: the same edits to the same content as Typst markup.
 * step(i) makes edit i and returns the time from the new source to the PDF written.
 */
function typstEditor(name, source) {
  const { dir, folder, edit } = prepare(`typst-${name}`, source);
  const out = path.join(dir, 'out.pdf');
  const compiler = NodeCompiler.create({ workspace: dir, fontArgs: [{ fontPaths: [path.join(here, '../fonts')] }] });
  fs.writeFileSync(out, compiler.pdf({ mainFileContent: issueToTyp(folder) }));
  return {
    step(i) {
      edit(i);
      const typ = issueToTyp(folder); // the edit, made in Typst's source: not Typst's work
      const t0 = performance.now();
      fs.writeFileSync(out, compiler.pdf({ mainFileContent: typ }));
      const t1 = performance.now();
      compiler.evictCache(10); // as `typst watch` does after each compile
      return t1 - t0;
    },
    close: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

async function editToPreview(name, source) {
  const { folder, edit } = prepare(name, source);
  const p = start(['preview', folder, '--port', '0']);
  const [, url] = await p.until(/preview at (http:\S+)/);
  let onMessage;
  let last;
  const req = http.get(`${url}events`, (res) => {
    let buf = '';
    res.setEncoding('utf8').on('data', (s) => {
      buf += s;
      let i;
      while ((i = buf.indexOf('\n\n')) >= 0) {
        const event = buf.slice(0, i);
        buf = buf.slice(i + 2);
        if (!event.startsWith('data: ')) continue;
        last = JSON.parse(event.slice(6));
        onMessage?.(performance.now(), last);
      }
    });
  });
  while (!last) await sleep(20);
  const times = [];
  const work = [];
  for (let i = 1; i <= WARMUP + EDITS; i++) {
    const version = last.version;
    const arrived = new Promise((r) => (onMessage = (t, m) => m.version > version && r([t, m])));
    const t0 = performance.now();
    edit(i);
    const [t1, m] = await arrived;
    if (!m.ok) throw new Error(JSON.stringify(m.diagnostics));
    if (i > WARMUP) {
      times.push(t1 - t0);
      work.push(m.ms);
    }
    await sleep(PAUSE);
  }
  req.destroy();
  await p.stop();
  return { name, pages: last.pageCount, ...summary(times), work: summary(work).median };
}

export async function benchWatch() {
  const generated = fs.mkdtempSync(path.join(os.tmpdir(), 'bulletin-bench-watch-60-'));
  scratch.push(generated);
  const cases = [
    ['issue-07', path.join(here, '../examples/issue-07')],
    ['60 items', generateIssue(path.join(generated, 'issue'), 60, 1)],
  ];
  const rows = [];
  try {
    for (const [name, source] of cases) rows.push({ kind: 'edit → PDF on disk', ...(await editToPdf(name, source)) });
    for (const [name, source] of cases) rows.push({ kind: 'edit → preview event', ...(await editToPreview(name, source)) });
  } finally {
    for (const dir of scratch.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  }
  console.log(`watch latency after a one-character edit, medians of ${EDITS} edits after ${WARMUP} warm-up (the ${DEBOUNCE_MS} ms quiet spell included, run beside the build):`);
  for (const r of rows) {
    console.log(
      `  ${r.kind.padEnd(22)} ${r.name.padEnd(9)} ${String(r.pages).padStart(3)} pages  median ${ms(r.median)}  min ${ms(r.min)}  max ${ms(r.max)}` +
        `  (build work ${ms(r.work)})`,
    );
  }
  console.log(`edit → PDF on disk, side by side, edits alternating (medians of ${EDITS} edits after ${WARMUP} warm-up):`);
  console.log('  issue      bulletin --watch, end to end (min)       Typst in process (min)   bulletin / Typst, pair by pair');
  for (const r of rows.filter((x) => x.typst)) {
    console.log(`  ${r.name.padEnd(9)}  ${`${ms(r.median)} (${ms(r.min)})`.padStart(38)}   ${`${ms(r.typst.median)} (${ms(r.typst.min)})`.padStart(22)}   ${r.ratio.toFixed(2).padStart(30)}`);
  }
  return rows;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  console.log(`node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${os.platform()}`);
  await benchWatch();
}
