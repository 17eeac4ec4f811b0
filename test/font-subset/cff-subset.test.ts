// The CID-keyed CFF subsetter, checked against fontkit (which parses the
// subsets on its own) and poppler (which renders them in a PDF beside
// fontkit's own subsets).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import * as fontkit from 'fontkit';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { subsetCff, type ByteSource } from '../../src/font-subset/cff/subset.js';
import { DictWriter, writeIndex } from '../../src/font-subset/cff/write.js';
import { pdfText, root, tmpDir } from '../helpers/cli.js';
import { bundled, requireDebianFonts, WQY } from '../helpers/fonts.js';

const FACES = ['FandolSong-Regular.otf', 'FandolSong-Bold.otf', 'FandolHei-Regular.otf', 'FandolFang-Regular.otf', 'FandolKai-Regular.otf', 'NotoSerifCJKsc-Regular.otf'];
const NOTO = 'NotoSerifCJKsc-Regular.otf';

const tongyong = fs.readFileSync(path.join(root, 'data/tongyong-8105.txt'), 'utf8').split('\n').filter(Boolean);
const ASCII = String.fromCharCode(...Array.from({ length: 95 }, (_, i) => 0x20 + i));
const PUNCTUATION = '，。、：；！？“”‘’（）《》〈〉【】—…·「」『』〔〕％';
/** Characters beyond the Fandol faces (Noto only): 䶮 is in CJK Extension A. */
const RARE = '䶮喆堃犇淼';

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

/** Where a table of an OpenType file (the first font of a collection) lies. */
function table(file: Buffer, tag: string): { offset: number; length: number } | undefined {
  const dir = file.toString('latin1', 0, 4) === 'ttcf' ? file.readUInt32BE(12) : 0;
  for (let i = 0; i < file.readUInt16BE(dir + 4); i++) {
    const p = dir + 12 + 16 * i;
    if (file.toString('latin1', p, p + 4) === tag) return { offset: file.readUInt32BE(p + 8), length: file.readUInt32BE(p + 12) };
  }
  return undefined;
}

/** A ByteSource over the file's bytes that records what is asked of it. */
function counting(file: Uint8Array) {
  const reads: { offset: number; length: number }[] = [];
  const src: ByteSource = {
    read(offset, length) {
      reads.push({ offset, length });
      return file.subarray(offset, offset + length);
    },
  };
  return { src, reads, bytes: () => reads.reduce((a, r) => a + r.length, 0) };
}

/** Subsets the 'CFF ' table of a font file. */
function subsetOf(file: Buffer, glyphIds: number[], src: ByteSource = counting(file).src): Uint8Array | undefined {
  const cff = table(file, 'CFF ')!;
  return subsetCff(src, cff.offset, cff.length, glyphIds);
}

/** A bare CFF in the smallest OpenType file fontkit opens: a table directory holding 'CFF ' alone. */
function otf(cff: Uint8Array): Buffer {
  const head = Buffer.alloc(28);
  head.write('OTTO', 0, 'latin1');
  head.writeUInt16BE(1, 4); // numTables
  head.writeUInt16BE(16, 6); // searchRange
  head.write('CFF ', 12, 'latin1');
  head.writeUInt32BE(28, 20); // offset
  head.writeUInt32BE(cff.length, 24);
  return Buffer.concat([head, cff]);
}

/** .notdef, then the glyphs of `text` in the order they first occur. */
function glyphsFor(font: fontkit.Font, text: string): number[] {
  const ids = new Set<number>();
  for (const ch of text) {
    const id = font.glyphForCodePoint(ch.codePointAt(0)!).id;
    if (id) ids.add(id);
  }
  return [0, ...ids];
}

// fontkit's parsed CFF, as far as these tests look into it.
interface Entry {
  offset: number;
  length: number;
}
interface PrivateDict {
  Subrs: Entry[] | null;
  [key: string]: unknown;
}
interface Cff {
  stream: { buffer: Uint8Array };
  isCIDFont: boolean;
  postscriptName: string;
  globalSubrIndex: Entry[];
  topDict: {
    ROS: number[];
    CIDCount: number;
    FontBBox: number[];
    FontMatrix: number[];
    CharStrings: Entry[];
    FDArray: { Private: PrivateDict; FontName?: number }[];
    charset: { version: number; glyphs?: number[]; ranges?: { first: number; nLeft: number }[] };
  };
  string(sid: number): string;
  fdForGlyph(gid: number): number;
  privateDictForGlyph(gid: number): PrivateDict;
}
interface Glyph {
  path: { commands: unknown[] };
  _usedGsubrs: Record<number, boolean>;
  _usedSubrs: Record<number, boolean>;
}
const cffOf = (font: fontkit.Font) => (font as unknown as { 'CFF ': Cff })['CFF '];
const glyph = (font: fontkit.Font, gid: number) => font.getGlyph(gid) as unknown as Glyph;
const bytesOf = (cff: Cff, e: Entry) => Buffer.from(cff.stream.buffer.subarray(e.offset, e.offset + e.length));

/** The CID of each glyph, from a parsed charset. */
function charsetCids(charset: Cff['topDict']['charset'], n: number): number[] {
  const cids = [0];
  if (charset.version === 0) cids.push(...charset.glyphs!);
  else for (const r of charset.ranges!) for (let k = 0; k <= r.nLeft; k++) cids.push(r.first + k);
  return cids.slice(0, n);
}

/**
 * Checks a subset against the font it came from, both as fontkit reads them: the same outline for every
 * kept glyph; CID i for glyph i; the Font DICTs, Private DICTs and subroutine counts of the kept glyphs;
 * the subroutines the kept glyphs call (as fontkit's outline builder records them) byte for byte, and all
 * others empty.
 */
function expectFaithful(font: fontkit.Font, subset: Uint8Array, gids: number[]): void {
  const sub = fontkit.create(otf(subset)) as fontkit.Font;
  const o = cffOf(font);
  const s = cffOf(sub);
  expect(s, 'fontkit parses the subset').toBeDefined();
  const n = gids.length;
  expect(s.isCIDFont).toBe(true);
  expect(s.postscriptName).toBe(o.postscriptName);
  expect([s.string(s.topDict.ROS[0]!), s.string(s.topDict.ROS[1]!), s.topDict.ROS[2]]).toEqual(['Adobe', 'Identity', 0]);
  expect(s.topDict.CIDCount).toBe(n);
  expect(s.topDict.CharStrings).toHaveLength(n);
  expect(charsetCids(s.topDict.charset, n)).toEqual(range(n));
  expect(s.topDict.FontBBox).toEqual(o.topDict.FontBBox);
  expect(s.topDict.FontMatrix).toEqual(o.topDict.FontMatrix);

  const wrongOutlines: number[] = [];
  const fdMap = new Map<number, number>(); // new Font DICT → old
  const usedG = new Set<number>();
  const usedL = new Map<number, Set<number>>(); // by old Font DICT
  gids.forEach((g, i) => {
    const a = glyph(font, g);
    if (JSON.stringify(glyph(sub, i).path.commands) !== JSON.stringify(a.path.commands)) wrongOutlines.push(g);
    const oldFd = o.fdForGlyph(g);
    const newFd = s.fdForGlyph(i);
    expect(fdMap.get(newFd) ?? oldFd, `Font DICT of glyph ${g}`).toBe(oldFd);
    fdMap.set(newFd, oldFd);
    for (const k of Object.keys(a._usedGsubrs)) usedG.add(Number(k));
    const l = usedL.get(oldFd) ?? new Set<number>();
    for (const k of Object.keys(a._usedSubrs)) l.add(Number(k));
    usedL.set(oldFd, l);
  });
  expect(wrongOutlines, 'glyphs whose outline changed').toEqual([]);
  // Each kept Font DICT once, and no other.
  expect(s.topDict.FDArray).toHaveLength(new Set(fdMap.values()).size);
  expect(fdMap.size).toBe(s.topDict.FDArray.length);

  const expectSubrs = (what: string, got: Entry[], want: Entry[], used: Set<number>) => {
    expect(got.length, `${what}: count`).toBe(want.length);
    const wrong = range(want.length).filter((k) =>
      used.has(k) ? !bytesOf(s, got[k]!).equals(bytesOf(o, want[k]!)) : got[k]!.length !== 0,
    );
    expect(wrong, `${what}: entries not as called (kept) or not (empty)`).toEqual([]);
  };
  expectSubrs('global subroutines', s.globalSubrIndex, o.globalSubrIndex, usedG);
  for (const [newFd, oldFd] of fdMap) {
    const fd = s.topDict.FDArray[newFd]!;
    const old = o.topDict.FDArray[oldFd]!;
    const { Subrs: subrs, ...rest } = fd.Private;
    const { Subrs: oldSubrs, ...oldRest } = old.Private;
    expect(rest, `Private DICT ${oldFd}`).toEqual(oldRest);
    expect(s.string(fd.FontName!)).toBe(o.string(old.FontName!));
    expect(subrs === null, 'Subrs or none, as in the font').toBe(oldSubrs === null);
    expectSubrs(`local subroutines of Font DICT ${oldFd}`, subrs ?? [], oldSubrs ?? [], usedL.get(oldFd)!);
  }
}

describe('subsetCff on the bundled faces, read back by fontkit', () => {
  for (const file of FACES) {
    it(`keeps every outline, CID i for glyph i, and only the subroutines used (${file})`, () => {
      const buf = fs.readFileSync(bundled(file));
      const font = fontkit.create(buf) as fontkit.Font;
      let text = tongyong.slice(0, 500).join('') + ASCII + PUNCTUATION;
      if (file === NOTO) {
        text += RARE;
        for (const ch of RARE) expect(font.glyphForCodePoint(ch.codePointAt(0)!).id, ch).toBeGreaterThan(0);
      }
      const gids = glyphsFor(font, text);
      expect(gids.length).toBeGreaterThan(550);
      const subset = subsetOf(buf, gids);
      expect(subset).toBeDefined();
      expectFaithful(font, subset!, gids);
      // Same input, same bytes.
      expect(Buffer.from(subsetOf(buf, gids)!).equals(Buffer.from(subset!))).toBe(true);
    });
  }

  it('subsetting a subset with all its glyphs gives it back byte for byte', () => {
    const buf = fs.readFileSync(bundled(NOTO));
    const font = fontkit.create(buf) as fontkit.Font;
    const gids = glyphsFor(font, tongyong.slice(2000, 2100).join('') + RARE + 'Aa1，');
    const subset = Buffer.from(subsetOf(buf, gids)!);
    const again = subsetCff(counting(subset).src, 0, subset.length, range(gids.length));
    expect(Buffer.from(again!).equals(subset)).toBe(true);
  });

  it('reads a small part of the font, and little of it twice', () => {
    const cases = [
      { file: NOTO, text: tongyong.slice(3000, 3018).join('') + '䶮喆', glyphs: 21, maxBytes: 2_000_000 },
      // 600 glyphs over a 4.9 MB file: ranges less than 8 KB apart are read as one (read.ts, GAP), about 1.3 MB in all.
      { file: 'FandolSong-Regular.otf', text: tongyong.slice(0, 600).join(''), glyphs: 601, maxBytes: 1_600_000 },
    ];
    for (const c of cases) {
      const buf = fs.readFileSync(bundled(c.file));
      const gids = glyphsFor(fontkit.create(buf) as fontkit.Font, c.text);
      expect(gids).toHaveLength(c.glyphs);
      const counter = counting(buf);
      expect(subsetOf(buf, gids, counter.src)).toBeDefined();
      expect(counter.bytes(), c.file).toBeLessThan(c.maxBytes);
      expect(counter.reads.length, c.file).toBeLessThan(500);
      // Bytes asked for twice: at most where a range straddles the end of a block read before.
      const seen = new Uint8Array(buf.length);
      let twice = 0;
      for (const r of counter.reads) {
        for (let k = r.offset; k < r.offset + r.length; k++) {
          if (seen[k]) twice++;
          seen[k] = 1;
        }
      }
      expect(twice, c.file).toBeLessThan(1024);
    }
  });
});

// A hand-made CFF, to reach what the bundled faces do not: FDSelect format 0, subroutines calling
// subroutines, charstrings the scanner cannot follow, name-keyed fonts, CFF2.

/** Type 2 charstring from text: numbers (written as 16-bit integers) and operator names. */
function cs(text: string): Uint8Array {
  const ops: Record<string, number[]> = { rmoveto: [21], rlineto: [5], endchar: [14], callsubr: [10], callgsubr: [29], return: [11], add: [12, 10] };
  return Uint8Array.from(
    text.split(/\s+/).flatMap((t) => {
      if (ops[t]) return ops[t];
      const v = Number(t);
      if (!Number.isInteger(v)) throw new Error(`not a charstring token: ${t}`);
      return [28, (v >> 8) & 255, v & 255];
    }),
  );
}

/** The operand that calls subroutine k of an INDEX of fewer than 1240. */
const subr = (k: number) => k - 107;

interface Synthetic {
  /** Name-keyed (one Private DICT in the Top DICT, no ROS) rather than CID-keyed. */
  nameKeyed?: boolean;
  major?: number;
  glyphs: string[];
  gsubrs?: string[];
  /** Each Font DICT's local subroutines. */
  fds?: string[][];
  fdSelect?: number[];
}

const ascii = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));

function syntheticCff(s: Synthetic): Uint8Array {
  const glyphs = s.glyphs.map(cs);
  const fds = s.fds ?? [[]];
  // Private DICT: Subrs (right after it) and defaultWidthX.
  const privates = fds.map((subrs) => (subrs.length ? new DictWriter().fixed(9).op(19).int(500).op(20) : new DictWriter().int(500).op(20)).done());
  const localSubrs = fds.map((subrs) => (subrs.length ? writeIndex(subrs.map(cs)) : new Uint8Array(0)));
  const header = Uint8Array.of(s.major ?? 1, 0, 4, 4);
  const name = writeIndex([ascii('Synthetic')]);
  const strings = writeIndex(s.nameKeyed ? [] : [ascii('Adobe'), ascii('Identity')]);
  const gsubrs = writeIndex((s.gsubrs ?? []).map(cs));
  const charset = Uint8Array.of(0, ...glyphs.slice(1).flatMap((_, i) => [0, i + 1])); // format 0: CIDs 1, 2, …
  const fdSelect = s.nameKeyed ? new Uint8Array(0) : Uint8Array.of(0, ...(s.fdSelect ?? glyphs.map(() => 0))); // format 0
  const charStrings = writeIndex(glyphs);
  const fontDicts = (privateAt: number[]) => writeIndex(privates.map((p, i) => new DictWriter().fixed(p.length).fixed(privateAt[i]!).op(18).done()));
  const top = (at: number[]) => {
    const d = new DictWriter();
    if (!s.nameKeyed) d.int(391).int(392).int(0).op(1230).int(glyphs.length).op(1234);
    d.fixed(at[0]!).op(15).fixed(at[1]!).op(17);
    if (s.nameKeyed) d.fixed(privates[0]!.length).fixed(at[3]!).op(18);
    else d.fixed(at[2]!).op(1237).fixed(at[4]!).op(1236);
    return writeIndex([d.done()]);
  };
  let at = header.length + name.length + top([0, 0, 0, 0, 0]).length + strings.length + gsubrs.length;
  const charsetAt = at;
  const fdSelectAt = (at += charset.length);
  const charStringsAt = (at += fdSelect.length);
  const fdArrayAt = (at += charStrings.length);
  if (!s.nameKeyed) at += fontDicts(fds.map(() => 0)).length;
  const privateAt = privates.map((p, i) => {
    const here = at;
    at += p.length + localSubrs[i]!.length;
    return here;
  });
  const parts = [header, name, top([charsetAt, charStringsAt, fdSelectAt, privateAt[0]!, fdArrayAt]), strings, gsubrs, charset, fdSelect, charStrings];
  if (!s.nameKeyed) parts.push(fontDicts(privateAt));
  privates.forEach((p, i) => parts.push(p, localSubrs[i]!));
  return Buffer.concat(parts);
}

const subsetSynthetic = (cff: Uint8Array, gids: number[]) => subsetCff(counting(cff).src, 0, cff.length, gids);

const SHAPE = '0 0 rmoveto 100 0 rlineto 0 100 rlineto';

describe('subsetCff on a hand-made CFF', () => {
  // Glyph 1 calls global 0, which calls local 1 of Font DICT 1, which calls global 2: three rounds of reading.
  const font: Synthetic = {
    glyphs: [`${SHAPE} endchar`, `${SHAPE} ${subr(0)} callgsubr endchar`, `${SHAPE} ${subr(1)} callgsubr endchar`, `${SHAPE} ${subr(0)} callsubr endchar`],
    gsubrs: [`5 5 rlineto ${subr(1)} callsubr return`, '7 7 rlineto return', '9 9 rlineto return'],
    fds: [['11 11 rlineto return'], ['13 13 rlineto return', `15 15 rlineto ${subr(2)} callgsubr return`], ['17 17 rlineto return']],
    fdSelect: [0, 1, 2, 0],
  };

  it('follows subroutines through subroutines, empties the others, and keeps only the Font DICTs in use (FDSelect format 0)', () => {
    const cff = syntheticCff(font);
    const original = fontkit.create(otf(cff)) as fontkit.Font;
    expect(cffOf(original).topDict.CharStrings).toHaveLength(4); // fontkit reads the hand-made font
    const gids = [0, 3, 1];
    const subset = subsetSynthetic(cff, gids);
    expect(subset).toBeDefined();
    expectFaithful(original, subset!, gids);
    const s = cffOf(fontkit.create(otf(subset!)) as fontkit.Font);
    expect(s.globalSubrIndex.map((e) => e.length)).toEqual([cs(font.gsubrs![0]!).length, 0, cs(font.gsubrs![2]!).length]);
    expect(s.topDict.FDArray).toHaveLength(2);
    expect([0, 1, 2].map((g) => s.fdForGlyph(g))).toEqual([0, 0, 1]);
  });

  it('answers undefined for a charstring it cannot follow, when the font has subroutines', () => {
    const odd = { ...font, glyphs: [...font.glyphs, `${SHAPE} 1 2 add rlineto endchar`] };
    const cff = syntheticCff({ ...odd, fdSelect: [0, 1, 2, 0, 0] });
    expect(subsetSynthetic(cff, [0, 1, 4])).toBeUndefined();
    expect(subsetSynthetic(cff, [0, 1, 3])).toBeDefined();
  });

  it('answers undefined for a name-keyed CFF, CFF2, and a TrueType font', () => {
    const plain: Synthetic = { glyphs: [`${SHAPE} endchar`, `${SHAPE} endchar`] };
    expect(subsetSynthetic(syntheticCff(plain), [0, 1])).toBeDefined();
    expect(subsetSynthetic(syntheticCff({ ...plain, nameKeyed: true }), [0, 1])).toBeUndefined();
    expect(subsetSynthetic(syntheticCff({ ...plain, major: 2 }), [0, 1])).toBeUndefined();

    requireDebianFonts();
    const ttc = fs.readFileSync(WQY);
    const glyf = table(ttc, 'glyf')!;
    expect(glyf).toBeDefined();
    expect(subsetCff(counting(ttc).src, glyf.offset, glyf.length, [0, 1])).toBeUndefined();
    expect(subsetCff(counting(ttc).src, 0, ttc.length, [0, 1])).toBeUndefined();
  });

  it('refuses glyph lists that do not start with .notdef or name glyphs the font lacks', () => {
    const cff = syntheticCff({ glyphs: [`${SHAPE} endchar`, `${SHAPE} endchar`] });
    expect(() => subsetSynthetic(cff, [1, 0])).toThrow(/glyphIds\[0\]/);
    expect(() => subsetSynthetic(cff, [0, 2])).toThrow(/no glyph 2/);
  });
});

// A PDF whose fonts are fontkit's faces, their subsets written by fontkit or by subsetCff.

/** The face, but for its subset's bytes: subsetCff's, counted in `calls`. */
function withCffSubset(font: fontkit.Font, file: Buffer, calls: { n: number }): fontkit.Font {
  return new Proxy(font, {
    get(target, key) {
      if (key === 'createSubset') {
        return () => {
          const subset = target.createSubset() as unknown as { glyphs: number[]; encode(): Uint8Array };
          subset.encode = () => {
            calls.n++;
            const bytes = subsetOf(file, subset.glyphs);
            if (!bytes) throw new Error('subsetCff gave up');
            return bytes;
          };
          return subset;
        };
      }
      const value = Reflect.get(target, key, target) as unknown;
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

const PAGE_TEXT: [string, string[]][] = [
  ['FandolSong-Regular.otf', ['各区县人民政府，市政府各委、办、局：', '现将《关于加强安全生产工作的通知》印发给你们，', 'GB/T 9704—2012 (2025) 第3期 100%']],
  [NOTO, ['䶮喆堃犇淼，政务信息“简报”。', 'Noto Serif CJK 0123456789']],
];

function pdf(faces: 'fontkit' | 'subsetCff' | 'none', calls = { n: 0 }): Promise<Buffer> {
  const doc = new PDFDocument({ autoFirstPage: false, margin: 0, font: null as unknown as string });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.on('data', (c: Buffer) => chunks.push(c));
  doc.addPage({ size: [420, 200], margin: 0 });
  let y = 10;
  for (const [file, lines] of PAGE_TEXT) {
    const buf = fs.readFileSync(bundled(file));
    const font = fontkit.create(buf) as fontkit.Font;
    if (faces !== 'none') {
      doc.registerFont(file, (faces === 'fontkit' ? font : withCffSubset(font, buf, calls)) as unknown as string);
      doc.font(file).fontSize(18);
    }
    for (const line of lines) {
      if (faces !== 'none') doc.text(line, 10, y, { lineBreak: false });
      y += 28;
    }
  }
  doc.end();
  return done;
}

/** Page 1 at 80 dpi, as PNG bytes (poppler must not complain). */
function render(file: string): Buffer {
  const out = path.join(path.dirname(file), 'page');
  const r = spawnSync('pdftoppm', ['-r', '80', '-png', '-f', '1', '-l', '1', file, out], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  expect(r.stderr).toBe('');
  const png = fs.readdirSync(path.dirname(file)).find((f) => f.startsWith('page') && f.endsWith('.png'))!;
  return fs.readFileSync(path.join(path.dirname(file), png));
}

describe('subsetCff in a PDF', () => {
  it("renders the same pixels as fontkit's subsets; poppler sees embedded CID Type 0C fonts and reads the text back", async () => {
    const calls = { n: 0 };
    const files: Record<string, string> = {};
    for (const [kind, bytes] of [
      ['fontkit', await pdf('fontkit')],
      ['subsetCff', await pdf('subsetCff', calls)],
      ['none', await pdf('none')],
    ] as const) {
      files[kind] = path.join(tmpDir(), `${kind}.pdf`);
      fs.writeFileSync(files[kind], bytes);
    }
    expect(calls.n).toBe(2);
    const ours = render(files.subsetCff!);
    expect(ours.equals(render(files.none!)), 'the text is drawn').toBe(false);
    expect(ours.equals(render(files.fontkit!)), 'the same pixels').toBe(true);

    const fonts = spawnSync('pdffonts', [files.subsetCff!], { encoding: 'utf8' }).stdout.split('\n').slice(2).filter(Boolean);
    expect(fonts).toHaveLength(2);
    for (const row of fonts) expect(row).toMatch(/^[A-Z]{6}\+\S+\s+CID Type 0C\s+Identity-H\s+yes\s+yes\s+yes\s/);
    const text = pdfText(files.subsetCff!).replace(/\s+/g, '');
    for (const [, lines] of PAGE_TEXT) for (const line of lines) expect(text).toContain(line.replace(/\s+/g, ''));
  });
});
