// Our cmap/hmtx/metrics reader against fontkit as the oracle, on every bundled
// face and on the Debian collections; synthetic cmaps for the formats no real
// font here uses; and what it reads of the file.
import fs from 'node:fs';
import path from 'node:path';
import * as fontkit from 'fontkit';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readFontTables, type FontTables } from '../../src/fonts/font-tables.js';
import { charList } from '../../src/fonts/report.js';
import { readFontFile } from '../../src/fonts/sfnt.js';
import { tmpDir } from '../helpers/cli.js';
import { bundled, faceWithCmap, faceWithoutDigits, requireDebianFonts, UMING, WQY } from '../helpers/fonts.js';

const BUNDLED = ['FandolFang-Regular.otf', 'FandolHei-Regular.otf', 'FandolKai-Regular.otf', 'FandolSong-Bold.otf', 'FandolSong-Regular.otf', 'NotoSerifCJKsc-Regular.otf'];

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const TONGYONG = charList('tongyong-8105').map((c) => c.codePointAt(0)!);
/** The 8,105 通用规范汉字, ASCII, CJK punctuation, full-width forms, the start of CJK Extension B, and a sparse sweep of all of Unicode. */
const CODE_POINTS = [
  ...TONGYONG,
  ...range(0, 0x7f),
  ...range(0x3000, 0x303f),
  ...range(0xff00, 0xffef),
  ...range(0x20000, 0x2000f),
  ...range(0, 0x10ffff).filter((cp) => cp % 97 === 0),
];

/** A fontkit face of a file: its only face, or face `index` of a collection. */
function fontkitFace(file: string, index: number): fontkit.Font {
  const opened = fontkit.create(fs.readFileSync(file)) as fontkit.Font | { fonts: fontkit.Font[] };
  return 'fonts' in opened ? opened.fonts[index]! : opened;
}

/** Our glyph id and advance per code point next to fontkit's, only where they differ. */
function differences(ours: FontTables, theirs: fontkit.Font): { cp: string; ours: [number, number]; fontkit: [number, number] }[] {
  const out = [];
  for (const cp of CODE_POINTS) {
    const glyph = theirs.glyphForCodePoint(cp);
    const gid = ours.glyphForCodePoint(cp);
    const mine: [number, number] = [gid, ours.advanceWidth(gid)];
    const fk: [number, number] = [glyph.id, glyph.advanceWidth];
    if (mine[0] !== fk[0] || mine[1] !== fk[1]) out.push({ cp: cp.toString(16), ours: mine, fontkit: fk });
  }
  return out;
}

function metrics(t: FontTables) {
  return {
    unitsPerEm: t.unitsPerEm,
    numGlyphs: t.numGlyphs,
    ascent: t.ascent,
    descent: t.descent,
    lineGap: t.lineGap,
    capHeight: t.capHeight,
    xHeight: t.xHeight,
    familyClass: t.familyClass,
    bbox: t.bbox,
    italicAngle: t.italicAngle,
    isFixedPitch: t.isFixedPitch,
    macStyleItalic: t.macStyleItalic,
    outlines: t.outlines,
  };
}

function fontkitMetrics(f: fontkit.Font) {
  // fontkit's faces carry their raw tables; its types do not say so.
  const raw = f as unknown as { 'OS/2': { sFamilyClass: number }; post: { isFixedPitch: number }; head: { macStyle: { italic: boolean } }; directory: { tables: Record<string, unknown> } };
  const tables = raw.directory.tables;
  return {
    unitsPerEm: f.unitsPerEm,
    numGlyphs: f.numGlyphs,
    ascent: f.ascent,
    descent: f.descent,
    lineGap: f.lineGap,
    // undefined from fontkit when OS/2 is older than version 2 (the Debian collections' is version 1): ours says 0.
    capHeight: f.capHeight ?? 0,
    xHeight: f.xHeight ?? 0,
    familyClass: raw['OS/2'].sFamilyClass,
    bbox: { minX: f.bbox.minX, minY: f.bbox.minY, maxX: f.bbox.maxX, maxY: f.bbox.maxY },
    italicAngle: f.italicAngle,
    isFixedPitch: raw.post.isFixedPitch !== 0,
    macStyleItalic: raw.head.macStyle.italic,
    outlines: 'CFF2' in tables ? 'cff2' : 'CFF ' in tables ? 'cff' : 'glyf' in tables ? 'truetype' : 'none',
  };
}

function checkAgainstFontkit(file: string, index: number, expected: { postscriptName: string; cmap: string; outlines: string }) {
  const ours = readFontTables(file, index);
  const theirs = fontkitFace(file, index);
  expect(theirs.postscriptName).toBe(expected.postscriptName);
  expect(readFontFile(file).faces[index]!.postscriptName).toBe(expected.postscriptName);
  expect(ours.cmapSubtable).toBe(expected.cmap);
  expect(ours.outlines).toBe(expected.outlines);
  expect(differences(ours, theirs)).toEqual([]);
  expect(metrics(ours)).toEqual(fontkitMetrics(theirs));
  // The oracle is not empty: fontkit draws most of the 8,105 with this face.
  expect(TONGYONG.filter((cp) => theirs.hasGlyphForCodePoint(cp)).length).toBeGreaterThan(6000);
  // Where the tables are, as fontkit's table directory says.
  const dir = (theirs as unknown as { directory: { tables: Record<string, { offset: number; length: number }> } }).directory.tables;
  for (const tag of ['cmap', 'hmtx', 'head', 'CFF ', 'glyf', 'name']) {
    expect(ours.table(tag), tag).toEqual(dir[tag] ? { offset: dir[tag].offset, length: dir[tag].length } : undefined);
  }
}

describe('glyph ids, advances and metrics equal fontkit’s', () => {
  for (const name of BUNDLED) {
    it(`${name}`, () => {
      const noto = name.startsWith('Noto');
      checkAgainstFontkit(bundled(name), 0, { postscriptName: name.replace('.otf', ''), cmap: noto ? '3/10 format 12' : '3/1 format 4', outlines: 'cff' });
    });
  }

  it('Noto Serif CJK SC maps 𠀋 (U+2000B) and the 通用规范汉字 past the BMP through its format 12 subtable; it has no 𠀀 (U+20000)', () => {
    const file = bundled('NotoSerifCJKsc-Regular.otf');
    const t = readFontTables(file);
    const f = fontkitFace(file, 0);
    const supplementary = TONGYONG.filter((c) => c > 0xffff);
    expect(supplementary.length).toBeGreaterThan(100);
    expect(supplementary.filter((c) => t.glyphForCodePoint(c) === 0)).toEqual([]);
    expect(t.glyphForCodePoint(0x2000b)).toBe(f.glyphForCodePoint(0x2000b).id);
    expect(t.glyphForCodePoint(0x2000b)).toBeGreaterThan(0);
    expect(t.glyphForCodePoint(0x20000)).toBe(0);
    expect(f.hasGlyphForCodePoint(0x20000)).toBe(false);
  });

  describe('the Debian collections, every face', () => {
    beforeEach(requireDebianFonts);
    const faces: [string, number, string][] = [
      [WQY, 0, 'WenQuanYiZenHei'],
      [WQY, 1, 'WenQuanYiZenHeiMono'],
      [WQY, 2, 'WenQuanYiZenHeiSharp'],
      [UMING, 0, 'UMingCN'],
      [UMING, 1, 'UMingHK'],
      [UMING, 2, 'UMingTW'],
      [UMING, 3, 'UMingTWMBE'],
    ];
    for (const [file, index, postscriptName] of faces) {
      it(`${path.basename(file)} #${index} ${postscriptName}`, () => {
        checkAgainstFontkit(file, index, { postscriptName, cmap: '3/10 format 12', outlines: 'truetype' });
      });
    }
  });
});

// Subtables for synthetic cmaps, laid out as the OpenType spec's cmap chapter gives them.
function format0(map: Record<number, number>): Buffer {
  const b = Buffer.alloc(6 + 256);
  b.writeUInt16BE(0, 0);
  b.writeUInt16BE(b.length, 2);
  for (const [cp, gid] of Object.entries(map)) b.writeUInt8(gid, 6 + Number(cp));
  return b;
}

function format6(first: number, gids: number[]): Buffer {
  const b = Buffer.alloc(10 + 2 * gids.length);
  b.writeUInt16BE(6, 0);
  b.writeUInt16BE(b.length, 2);
  b.writeUInt16BE(first, 6);
  b.writeUInt16BE(gids.length, 8);
  gids.forEach((g, i) => b.writeUInt16BE(g, 10 + 2 * i));
  return b;
}

/** Segments mapped by delta, or (with `gids`) through glyphIdArray; the closing 0xFFFF segment is added. */
function format4(segments: { start: number; end: number; delta?: number; gids?: number[] }[]): Buffer {
  const segs = [...segments, { start: 0xffff, end: 0xffff, delta: 1 }];
  const n = segs.length;
  const arrays = segs.flatMap((s) => ('gids' in s && s.gids ? s.gids : []));
  const b = Buffer.alloc(16 + 8 * n + 2 * arrays.length);
  b.writeUInt16BE(4, 0);
  b.writeUInt16BE(b.length, 2);
  b.writeUInt16BE(2 * n, 6);
  const ends = 14;
  const starts = 16 + 2 * n;
  const deltas = starts + 2 * n;
  const rangeOffsets = deltas + 2 * n;
  let glyphAt = rangeOffsets + 2 * n;
  segs.forEach((s, i) => {
    b.writeUInt16BE(s.end, ends + 2 * i);
    b.writeUInt16BE(s.start, starts + 2 * i);
    b.writeUInt16BE((s.delta ?? 0) & 0xffff, deltas + 2 * i);
    if ('gids' in s && s.gids) {
      b.writeUInt16BE(glyphAt - (rangeOffsets + 2 * i), rangeOffsets + 2 * i);
      for (const g of s.gids) (b.writeUInt16BE(g, glyphAt), (glyphAt += 2));
    }
  });
  return b;
}

function format12or13(format: 12 | 13, groups: [number, number, number][]): Buffer {
  const b = Buffer.alloc(16 + 12 * groups.length);
  b.writeUInt16BE(format, 0);
  b.writeUInt32BE(b.length, 4);
  b.writeUInt32BE(groups.length, 12);
  groups.forEach(([start, end, gid], i) => {
    b.writeUInt32BE(start, 16 + 12 * i);
    b.writeUInt32BE(end, 20 + 12 * i);
    b.writeUInt32BE(gid, 24 + 12 * i);
  });
  return b;
}

const cp = (ch: string) => ch.codePointAt(0)!;

describe('synthetic cmaps', () => {
  const dir = tmpDir();
  const font = (name: string, subtables: { platform: number; encoding: number; subtable: Buffer }[]) => faceWithCmap(path.join(dir, name), subtables);
  /** Glyph ids of `chars` from our reader and from fontkit. */
  const both = (file: string, chars: number[]) => ({
    ours: chars.map((c) => readFontTables(file).glyphForCodePoint(c)),
    fontkit: chars.map((c) => fontkitFace(file, 0).glyphForCodePoint(c).id),
  });

  it('a face whose only cmap is format 4 over A–Z has no digits', () => {
    const t = readFontTables(faceWithoutDigits(path.join(dir, 'nodigits.otf')));
    expect(t.cmapSubtable).toBe('3/1 format 4');
    expect(range(0x30, 0x39).map((c) => t.glyphForCodePoint(c))).toEqual(Array(10).fill(0));
    expect([cp('A'), cp('Z'), cp('a')].map((c) => t.glyphForCodePoint(c))).toEqual([1, 26, 0]);
    expect(range(0x30, 0x39).some((c) => readFontTables(bundled('FandolSong-Regular.otf')).glyphForCodePoint(c) === 0)).toBe(false);
  });

  it('format 4 through glyphIdArray (idRangeOffset), with idDelta added to what it finds', () => {
    const file = font('f4.otf', [{ platform: 3, encoding: 1, subtable: format4([{ start: 0x41, end: 0x43, gids: [7, 0, 9] }, { start: 0x4e00, end: 0x4e01, delta: 5, gids: [100, 200] }]) }]);
    const chars = [0x40, 0x41, 0x42, 0x43, 0x44, 0x4e00, 0x4e01, 0x4e02];
    expect(both(file, chars)).toEqual({ ours: [0, 7, 0, 9, 0, 105, 205, 0], fontkit: [0, 7, 0, 9, 0, 105, 205, 0] });
  });

  it('a full-repertoire format 12 is preferred to the BMP format 4, and reaches past the BMP', () => {
    const file = font('f12.otf', [
      { platform: 3, encoding: 1, subtable: format4([{ start: 0x41, end: 0x41, delta: 1 - 0x41 }]) },
      { platform: 3, encoding: 10, subtable: format12or13(12, [[0x41, 0x42, 2], [0x20000, 0x20002, 10]]) },
    ]);
    expect(readFontTables(file).cmapSubtable).toBe('3/10 format 12');
    const chars = [0x41, 0x42, 0x43, 0x1ffff, 0x20000, 0x20002, 0x20003];
    expect(both(file, chars)).toEqual({ ours: [2, 3, 0, 0, 10, 12, 0], fontkit: [2, 3, 0, 0, 10, 12, 0] });
  });

  it('format 13 maps a whole range to one glyph', () => {
    const file = font('f13.otf', [{ platform: 0, encoding: 6, subtable: format12or13(13, [[0x4e00, 0x4e0f, 42]]) }]);
    expect(both(file, [0x4dff, 0x4e00, 0x4e0f, 0x4e10])).toEqual({ ours: [0, 42, 42, 0], fontkit: [0, 42, 42, 0] });
  });

  it('format 6 (trimmed table) and format 0 (byte table)', () => {
    const six = font('f6.otf', [{ platform: 0, encoding: 3, subtable: format6(0x30, range(10, 19)) }]);
    expect(readFontTables(six).cmapSubtable).toBe('0/3 format 6');
    expect(both(six, [0x2f, 0x30, 0x39, 0x3a])).toEqual({ ours: [0, 10, 19, 0], fontkit: [0, 10, 19, 0] });
    const zero = font('f0.otf', [{ platform: 0, encoding: 0, subtable: format0({ 0x41: 3, 0xff: 4 }) }]);
    expect(readFontTables(zero).cmapSubtable).toBe('0/0 format 0');
    expect(both(zero, [0x40, 0x41, 0xff, 0x100])).toEqual({ ours: [0, 3, 4, 0], fontkit: [0, 3, 4, 0] });
  });

  it('a subtable in a format we do not read is passed over for the next preferred one', () => {
    const format2 = Buffer.alloc(6 + 512);
    format2.writeUInt16BE(2, 0);
    format2.writeUInt16BE(format2.length, 2);
    const file = font('f2.otf', [
      { platform: 3, encoding: 1, subtable: format2 },
      { platform: 0, encoding: 3, subtable: format4([{ start: 0x41, end: 0x41, delta: 5 - 0x41 }]) },
    ]);
    const t = readFontTables(file);
    expect(t.cmapSubtable).toBe('0/3 format 4');
    expect(t.glyphForCodePoint(0x41)).toBe(5);
  });

  it('a glyph id past the last glyph is no glyph; a face without a Unicode cmap has none', () => {
    const numGlyphs = readFontTables(bundled('FandolSong-Regular.otf')).numGlyphs;
    const past = font('past.otf', [{ platform: 3, encoding: 10, subtable: format12or13(12, [[0x41, 0x42, numGlyphs - 1]]) }]);
    expect([0x41, 0x42].map((c) => readFontTables(past).glyphForCodePoint(c))).toEqual([numGlyphs - 1, 0]);
    const mac = font('mac.otf', [{ platform: 1, encoding: 0, subtable: format0({ 0x41: 3 }) }]);
    expect(readFontTables(mac).cmapSubtable).toBe('none');
    expect(readFontTables(mac).glyphForCodePoint(0x41)).toBe(0);
  });
});

describe('hmtx', () => {
  it('glyphs past numberOfHMetrics take the last advance', () => {
    // FandolSong Regular has 9,214 long metrics for 10,379 glyphs, the last of them 750 wide.
    const file = bundled('FandolSong-Regular.otf');
    const t = readFontTables(file);
    const f = fontkitFace(file, 0);
    const tail = [9212, 9213, 9214, 9300, 10378];
    expect(tail.map((g) => t.advanceWidth(g))).toEqual(tail.map((g) => f.getGlyph(g).advanceWidth));
    expect(t.advanceWidth(10378)).toBe(750);
  });
});

describe('metrics no real face here sets', () => {
  it('an italic angle, fixed pitch, the macStyle italic bit, a family class, x-height and cap height', () => {
    const buf = fs.readFileSync(bundled('FandolSong-Regular.otf'));
    const dir = new Map<string, number>();
    for (let i = 0; i < buf.readUInt16BE(4); i++) dir.set(buf.toString('latin1', 12 + 16 * i, 16 + 16 * i), buf.readUInt32BE(20 + 16 * i));
    const post = dir.get('post')!;
    const head = dir.get('head')!;
    const os2 = dir.get('OS/2')!;
    buf.writeInt32BE(-12.5 * 65536, post + 4);
    buf.writeUInt32BE(1, post + 12);
    buf.writeUInt16BE(buf.readUInt16BE(head + 44) | 2, head + 44);
    buf.writeInt16BE(0x0105, os2 + 30);
    buf.writeInt16BE(456, os2 + 86);
    buf.writeInt16BE(678, os2 + 88);
    const file = path.join(tmpDir(), 'slanted.otf');
    fs.writeFileSync(file, buf);
    const t = readFontTables(file);
    expect(metrics(t)).toMatchObject({ italicAngle: -12.5, isFixedPitch: true, macStyleItalic: true, familyClass: 0x0105, xHeight: 456, capHeight: 678 });
    expect(metrics(t)).toEqual(fontkitMetrics(fontkitFace(file, 0)));
  });
});

describe('what is read', () => {
  afterEach(() => vi.restoreAllMocks());

  it('reads under 1 MB of Noto’s 24 MB, nothing of its CFF table, and closes the file', () => {
    const file = bundled('NotoSerifCJKsc-Regular.otf');
    const reads: { position: number; length: number }[] = [];
    const original = fs.readSync;
    const spy = vi.spyOn(fs, 'readSync').mockImplementation(((fd: number, buffer: NodeJS.ArrayBufferView, offset: number, length: number, position: number) => {
      const n = original(fd, buffer, offset, length, position);
      reads.push({ position, length: n });
      return n;
    }) as typeof fs.readSync);
    const opened = vi.spyOn(fs, 'openSync');
    const closed = vi.spyOn(fs, 'closeSync');

    const t = readFontTables(file);
    expect(spy).toHaveBeenCalled();
    const total = reads.reduce((sum, r) => sum + r.length, 0);
    expect(total).toBe(t.bytesRead);
    expect(total).toBeLessThan(1_000_000);
    expect(fs.statSync(file).size).toBeGreaterThan(24_000_000);
    const cff = t.table('CFF ')!;
    expect(reads.filter((r) => r.position < cff.offset + cff.length && r.position + r.length > cff.offset)).toEqual([]);
    expect(opened).toHaveBeenCalledTimes(1);
    expect(closed).toHaveBeenCalledWith(opened.mock.results[0]!.value);
  });

  it('reads no glyf of a TrueType collection face either', () => {
    requireDebianFonts();
    const reads: { position: number; length: number }[] = [];
    const original = fs.readSync;
    vi.spyOn(fs, 'readSync').mockImplementation(((fd: number, buffer: NodeJS.ArrayBufferView, offset: number, length: number, position: number) => {
      const n = original(fd, buffer, offset, length, position);
      reads.push({ position, length: n });
      return n;
    }) as typeof fs.readSync);
    const t = readFontTables(WQY, 1);
    const glyf = t.table('glyf')!;
    expect(reads.length).toBeGreaterThan(0);
    expect(reads.filter((r) => r.position < glyf.offset + glyf.length && r.position + r.length > glyf.offset)).toEqual([]);
    expect(t.bytesRead).toBeLessThan(300_000);
  });
});

describe('damaged and unsupported files', () => {
  it('a truncated file, a WOFF2 file and a face a collection does not have are errors naming the file', () => {
    const dir = tmpDir();
    const cut = path.join(dir, 'cut.otf');
    fs.writeFileSync(cut, fs.readFileSync(bundled('FandolKai-Regular.otf')).subarray(0, 4000));
    expect(() => readFontTables(cut)).toThrow(/cut\.otf: .*damaged/);
    const woff2 = path.join(dir, 'a.woff2');
    fs.writeFileSync(woff2, Buffer.concat([Buffer.from('wOF2'), Buffer.alloc(64)]));
    expect(() => readFontTables(woff2)).toThrow(/not a TrueType or OpenType font/);
    expect(() => readFontTables(bundled('FandolKai-Regular.otf'), 1)).toThrow(/no face 1/);
  });
});
