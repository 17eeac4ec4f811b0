// The font programs a PDF could embed, side by side, for the glyphs a real
// build uses: our CID-keyed CFF subsetter (src/font-subset/cff), fontkit's
// subsetter (createSubset/includeGlyph/encode, its documented API) and
// HarfBuzz's hb-subset (harfbuzzjs's WebAssembly build, as the OFD writer uses
// it). Each subsets every face of a build in a fresh process, cold, as a build
// would; medians of interleaved runs, and the sizes of what each makes.
//
//   npm run build && node bench/subset-options.js [RUNS]
//
// The glyph lists are a real build's (examples/issue-07 and a generated 60-item
// issue): each face's glyphs in the order the laid-out pages first meet them,
// as src/render/pdf/fonts.ts numbers them.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateIssue } from './generate-issue.js';
import { summary } from './stats.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.join(here, '..');
const runs = Number(process.argv[2] ?? 9);
const OPTIONS = ['cff', 'fontkit', 'harfbuzz'];

/** The child: subset every face in `job` with `option`; prints { ms, sizes, deflated, glyphs }. */
async function child(option, jobFile) {
  const t0 = performance.now();
  const zlib = await import('node:zlib');
  const faces = fs.readFileSync(jobFile, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
  const out = [];
  if (option === 'cff') {
    const { subsetCff } = await import(path.join(root, 'dist/font-subset/cff/subset.js'));
    for (const f of faces) {
      const fd = fs.openSync(f.path, 'r');
      const src = { read: (offset, length) => { const b = new Uint8Array(length); fs.readSync(fd, b, 0, length, offset); return b; } };
      const { offset, length } = cffTable(fd);
      out.push(subsetCff(src, offset, length, f.gids));
      fs.closeSync(fd);
    }
  } else if (option === 'fontkit') {
    const fontkit = await import('fontkit');
    for (const f of faces) {
      const font = fontkit.openSync(f.path);
      const subset = font.createSubset();
      for (const g of f.gids) subset.includeGlyph(font.getGlyph(g));
      out.push(subset.encode());
    }
  } else {
    const hb = harfbuzz();
    for (const f of faces) out.push(hbSubset(hb, fs.readFileSync(f.path), f.gids));
  }
  const ms = performance.now() - t0;
  const deflated = out.map((b) => zlib.deflateSync(b).length);
  return { ms, sizes: out.map((b) => b.length), deflated, glyphs: faces.map((f) => f.gids.length) };
}

/** The CFF table's place in an OpenType file (its table directory). */
function cffTable(fd) {
  const head = Buffer.alloc(12);
  fs.readSync(fd, head, 0, 12, 0);
  const n = head.readUInt16BE(4);
  const dir = Buffer.alloc(16 * n);
  fs.readSync(fd, dir, 0, dir.length, 12);
  for (let i = 0; i < n; i++) {
    if (dir.toString('latin1', 16 * i, 16 * i + 4) === 'CFF ') return { offset: dir.readUInt32BE(16 * i + 8), length: dir.readUInt32BE(16 * i + 12) };
  }
  throw new Error('no CFF table');
}

function harfbuzz() {
  const file = path.join(root, 'node_modules/harfbuzzjs/dist/harfbuzz-subset.wasm');
  const hb = new WebAssembly.Instance(new WebAssembly.Module(fs.readFileSync(file)), {}).exports;
  hb._initialize();
  return hb;
}

/** hb-subset by glyph id; the CFF table of the font file it makes (what a PDF's FontFile3 would hold). */
function hbSubset(hb, bytes, gids) {
  const input = hb.hb_subset_input_create_or_fail();
  const data = hb.malloc(bytes.byteLength);
  new Uint8Array(hb.memory.buffer, data, bytes.byteLength).set(bytes);
  const blob = hb.hb_blob_create(data, bytes.byteLength, 2, 0, 0);
  const face = hb.hb_face_create(blob, 0);
  hb.hb_blob_destroy(blob);
  const set = hb.hb_subset_input_glyph_set(input);
  for (const g of gids) hb.hb_set_add(set, g);
  // No unicodes: only the glyphs asked for (and what they need).
  const subset = hb.hb_subset_or_fail(face, input);
  const blobOut = hb.hb_face_reference_blob(subset);
  const file = Buffer.from(new Uint8Array(hb.memory.buffer, hb.hb_blob_get_data(blobOut, 0), hb.hb_blob_get_length(blobOut)).slice());
  hb.hb_blob_destroy(blobOut);
  // The CFF table, found in the file's table directory.
  let cff;
  for (let i = 0, n = file.readUInt16BE(4); i < n; i++) {
    if (file.toString('latin1', 12 + 16 * i, 16 + 16 * i) === 'CFF ') cff = file.subarray(file.readUInt32BE(20 + 16 * i), file.readUInt32BE(20 + 16 * i) + file.readUInt32BE(24 + 16 * i));
  }
  hb.hb_face_destroy(subset);
  hb.hb_face_destroy(face);
  hb.hb_subset_input_destroy(input);
  hb.free(data);
  return cff;
}

/** Per face of the laid-out issue: its file and its glyph ids, .notdef first, in first-met order. */
async function glyphLists(dir) {
  const { compile } = await import('../dist/pipeline/build.js');
  const { layoutIssue } = await import('../dist/layout/index.js');
  const { compiled } = await compile(dir);
  const { issue, template, fonts } = compiled;
  const lists = new Map();
  for (const page of layoutIssue(issue, template, fonts)) {
    for (const item of page.items) {
      if (item.kind !== 'glyphs') continue;
      const face = fonts.faces.get(item.face);
      if (!lists.has(face.path)) lists.set(face.path, { path: face.path, gids: [0], seen: new Set([0]) });
      const l = lists.get(face.path);
      for (const ch of item.text) {
        const g = face.tables.glyphForCodePoint(ch.codePointAt(0));
        if (!l.seen.has(g)) l.seen.add(g), l.gids.push(g);
      }
    }
  }
  return [...lists.values()].map(({ path: p, gids }) => ({ path: p, gids }));
}

if (process.argv[2] === '--child') {
  console.log(JSON.stringify(await child(process.argv[3], process.argv[4])));
} else {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bulletin-subset-'));
  const cases = [
    ['examples/issue-07', path.join(root, 'examples/issue-07')],
    ['generated 60 items', generateIssue(path.join(tmp, 'issue-60'), 60, 2)],
  ];
  for (const [name, dir] of cases) {
    const job = path.join(tmp, `${path.basename(dir)}.jsonl`);
    fs.writeFileSync(job, (await glyphLists(dir)).map((f) => JSON.stringify(f)).join('\n'));
    const results = Object.fromEntries(OPTIONS.map((o) => [o, []]));
    for (let i = 0; i < runs; i++) {
      for (const o of OPTIONS) {
        const c = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', o, job], { encoding: 'utf8' });
        if (c.status !== 0) throw new Error(c.stderr);
        results[o].push(JSON.parse(c.stdout));
      }
    }
    const glyphs = results.cff[0].glyphs;
    console.log(`${name}: ${glyphs.length} faces, ${glyphs.join(' + ')} glyphs; median of ${runs} cold runs each, interleaved`);
    console.log('  option      time (ms)   program bytes   deflated bytes');
    for (const o of OPTIONS) {
      const s = summary(results[o].map((x) => x.ms));
      const sum = (a) => a.reduce((x, y) => x + y, 0);
      console.log(`  ${o.padEnd(10)} ${s.median.toFixed(1).padStart(9)}   ${String(sum(results[o][0].sizes)).padStart(13)}   ${String(sum(results[o][0].deflated)).padStart(14)}`);
    }
  }
  fs.rmSync(tmp, { recursive: true, force: true });
}
