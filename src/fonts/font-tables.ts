// What layout asks of a face — which glyph draws a code point, how wide it
// is — and the metrics a PDF font descriptor needs, read straight from the
// face's head, hhea, maxp, OS/2, post, cmap and hmtx tables with positioned
// reads (table layouts from the OpenType spec,
// https://learn.microsoft.com/typography/opentype/spec/). Only those tables
// are read, never the outlines: for Noto Serif CJK about 450 KB of its 24 MB.
// The cmap subtable and hmtx stay as bytes and are looked up in place, so no
// object is made per glyph.

import fs from 'node:fs';
import { Reader, readTableDirectory, type TableRecord } from './sfnt.js';

export interface FontTables {
  unitsPerEm: number;
  numGlyphs: number;
  /** Glyph id for a code point, 0 when the face has none (or its cmap points past the last glyph). */
  glyphForCodePoint(cp: number): number;
  /** Advance width in font units from hmtx (glyphs past numberOfHMetrics take the last advance). */
  advanceWidth(gid: number): number;
  /** hhea ascender, descender (negative below the baseline) and line gap. */
  ascent: number;
  descent: number;
  lineGap: number;
  /** OS/2 sCapHeight and sxHeight (0 when there is no OS/2 table or it is older than version 2), sFamilyClass (0 without OS/2). */
  capHeight: number;
  xHeight: number;
  familyClass: number;
  /** head xMin, yMin, xMax, yMax. */
  bbox: { minX: number; minY: number; maxX: number; maxY: number };
  /** post italicAngle in degrees, and isFixedPitch (0 and false without a post table). */
  italicAngle: number;
  isFixedPitch: boolean;
  /** head macStyle bit 1. */
  macStyleItalic: boolean;
  /** Which table holds the outlines; 'none' for a face with bitmaps only. */
  outlines: 'cff' | 'cff2' | 'truetype' | 'none';
  /** Absolute offset and length in the file of a table, for the PDF subsetter. */
  table(tag: string): { offset: number; length: number } | undefined;
  /** Which cmap subtable answers glyphForCodePoint, e.g. "3/10 format 12"; "none" when the face has no Unicode cmap we read. */
  cmapSubtable: string;
  /** Bytes read from the file to make these tables. */
  bytesRead: number;
}

/**
 * Reads one face's tables: the only face of an OpenType/TrueType file, or
 * face `collectionIndex` of a .ttc/.otc collection. Throws on a file that is
 * not an sfnt font, or lacks head, hhea, maxp, cmap or hmtx.
 */
export function readFontTables(file: string, collectionIndex = 0): FontTables {
  const fd = fs.openSync(file, 'r');
  try {
    const r = new Reader(fd, fs.fstatSync(fd).size);
    return readFace(r, faceOffset(r, collectionIndex));
  } catch (e) {
    throw new Error(`${file}: ${(e as Error).message}`);
  } finally {
    fs.closeSync(fd);
  }
}

/** Where the chosen face's offset table starts. */
function faceOffset(r: Reader, index: number): number {
  if (r.size < 12) throw new Error('not a TrueType or OpenType font');
  const header = r.read(0, 12);
  const tag = header.toString('latin1', 0, 4);
  if (tag === 'ttcf') {
    const count = header.readUInt32BE(8);
    if (!Number.isInteger(index) || index < 0 || index >= count) throw new Error(`the collection has no face ${index} (it has ${count})`);
    return r.read(12 + 4 * index, 4).readUInt32BE(0);
  }
  if (tag !== '\x00\x01\x00\x00' && tag !== 'OTTO' && tag !== 'true') throw new Error('not a TrueType or OpenType font');
  if (index !== 0) throw new Error(`a single-face font has no face ${index}`);
  return 0;
}

const view = (b: Buffer) => new DataView(b.buffer, b.byteOffset, b.byteLength);

function readFace(r: Reader, at: number): FontTables {
  const tables = readTableDirectory(r, at);
  const required = (tag: string, min: number): DataView => {
    const t = tables.get(tag);
    if (!t) throw new Error(`the font has no ${tag} table`);
    if (t.length < min) throw new Error(`the ${tag} table is too short`);
    return view(r.read(t.offset, min));
  };
  const optional = (tag: string, min: number, max: number): DataView | undefined => {
    const t = tables.get(tag);
    return t && t.length >= min ? view(r.read(t.offset, Math.min(t.length, max))) : undefined;
  };

  const head = required('head', 54);
  const hhea = required('hhea', 36);
  const maxp = required('maxp', 6);
  const os2 = optional('OS/2', 32, 96);
  const post = optional('post', 16, 16);
  const numGlyphs = maxp.getUint16(4);
  const cmap = readCmap(r, tables.get('cmap'), numGlyphs);
  const hmtx = readHmtx(r, tables.get('hmtx'), hhea.getUint16(34));

  const outlines = tables.has('CFF2') ? 'cff2' : tables.has('CFF ') ? 'cff' : tables.has('glyf') ? 'truetype' : 'none';
  const newOs2 = os2 && os2.getUint16(0) >= 2 && os2.byteLength >= 90;
  return {
    unitsPerEm: head.getUint16(18),
    numGlyphs,
    glyphForCodePoint: cmap.lookup,
    advanceWidth: hmtx,
    ascent: hhea.getInt16(4),
    descent: hhea.getInt16(6),
    lineGap: hhea.getInt16(8),
    capHeight: newOs2 ? os2.getInt16(88) : 0,
    xHeight: newOs2 ? os2.getInt16(86) : 0,
    familyClass: os2 ? os2.getInt16(30) : 0,
    bbox: { minX: head.getInt16(36), minY: head.getInt16(38), maxX: head.getInt16(40), maxY: head.getInt16(42) },
    italicAngle: post ? post.getInt32(4) / 65536 : 0,
    isFixedPitch: post ? post.getUint32(12) !== 0 : false,
    macStyleItalic: (head.getUint16(44) & 2) !== 0,
    outlines,
    table: (tag) => {
      const t = tables.get(tag);
      return t && { offset: t.offset, length: t.length };
    },
    cmapSubtable: cmap.name,
    bytesRead: r.bytesRead,
  };
}

/**
 * The cmap subtable to map Unicode with, in the order of preference: full
 * repertoire first (3/10, 0/6, 0/4: formats 12 and 13), then BMP only (3/1,
 * 0/3 and the older Unicode encodings: formats 4, 6 and 0). A subtable in a
 * format we do not read is passed over for the next.
 */
const PREFERRED: readonly [number, number][] = [[3, 10], [0, 6], [0, 4], [3, 1], [0, 3], [0, 2], [0, 1], [0, 0]];
const SUPPORTED_FORMATS = new Set([0, 4, 6, 12, 13]);

interface Cmap {
  name: string;
  lookup: (cp: number) => number;
}

function readCmap(r: Reader, t: TableRecord | undefined, numGlyphs: number): Cmap {
  if (!t) throw new Error('the font has no cmap table');
  if (t.length < 4) throw new Error('the cmap table is too short');
  const count = r.read(t.offset + 2, 2).readUInt16BE(0);
  if (4 + 8 * count > t.length) throw new Error('the cmap table is too short');
  const records = r.read(t.offset + 4, 8 * count);
  const candidates: { platform: number; encoding: number; offset: number }[] = [];
  for (let i = 0; i < count; i++) {
    const offset = records.readUInt32BE(8 * i + 4);
    if (offset + 4 <= t.length) candidates.push({ platform: records.readUInt16BE(8 * i), encoding: records.readUInt16BE(8 * i + 2), offset });
  }
  // Subtables often share bytes (3/1 and 0/3 point at one format 4): read each format header once.
  const formats = new Map<number, number>();
  const formatAt = (offset: number) => {
    let f = formats.get(offset);
    if (f === undefined) formats.set(offset, (f = r.read(t.offset + offset, 2).readUInt16BE(0)));
    return f;
  };
  for (const [platform, encoding] of PREFERRED) {
    for (const c of candidates) {
      if (c.platform !== platform || c.encoding !== encoding) continue;
      const format = formatAt(c.offset);
      if (!SUPPORTED_FORMATS.has(format)) continue;
      const bytes = readSubtable(r, t, c.offset, format);
      if (!bytes) continue;
      const lookup = subtableLookup(view(bytes), format);
      return { name: `${platform}/${encoding} format ${format}`, lookup: (cp) => {
        const gid = lookup(cp);
        return gid < numGlyphs ? gid : 0;
      } };
    }
  }
  return { name: 'none', lookup: () => 0 };
}

/** The bytes of the subtable at `offset` in the cmap table (its declared length, kept inside the table); undefined when it is damaged. */
function readSubtable(r: Reader, t: TableRecord, offset: number, format: number): Buffer | undefined {
  const room = t.length - offset;
  const wide = format >= 8;
  if (room < (wide ? 16 : 6)) return undefined;
  const header = r.read(t.offset + offset, Math.min(wide ? 16 : 8, room));
  let length = wide ? header.readUInt32BE(4) : header.readUInt16BE(2);
  // A format 4 subtable over 64 KB cannot state its length (some CJK fonts wrap it): take the rest of the cmap table then.
  if (format === 4 && header.length >= 8 && length < 16 + 4 * header.readUInt16BE(6)) length = room;
  if (wide && length < 16 + 12 * header.readUInt32BE(12)) return undefined;
  return r.read(t.offset + offset, Math.min(length, room));
}

/** Glyph id lookup in a subtable's bytes; 0 for a code point it does not map. */
function subtableLookup(v: DataView, format: number): (cp: number) => number {
  const size = v.byteLength;
  switch (format) {
    case 0:
      // Byte encoding table: 256 one-byte glyph ids.
      return (cp) => (cp >= 0 && cp < 256 && 6 + cp < size ? v.getUint8(6 + cp) : 0);
    case 6: {
      // Trimmed table: entryCount two-byte glyph ids from firstCode.
      const first = v.getUint16(6);
      const entries = Math.min(v.getUint16(8), (size - 10) >> 1);
      return (cp) => {
        const i = cp - first;
        return i >= 0 && i < entries ? v.getUint16(10 + 2 * i) : 0;
      };
    }
    case 4: {
      // Segments of BMP code points: endCode[], pad, startCode[], idDelta[], idRangeOffset[], glyphIdArray[].
      const segX2 = v.getUint16(6);
      const ends = 14;
      const starts = ends + segX2 + 2;
      const deltas = starts + segX2;
      const rangeOffsets = deltas + segX2;
      if (rangeOffsets + segX2 > size) return () => 0;
      const segs = segX2 >> 1;
      return (cp) => {
        if (cp < 0 || cp > 0xffff) return 0;
        // The first segment whose endCode is at or past cp.
        let lo = 0;
        let hi = segs;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (v.getUint16(ends + 2 * mid) < cp) lo = mid + 1;
          else hi = mid;
        }
        if (lo === segs) return 0;
        const start = v.getUint16(starts + 2 * lo);
        if (cp < start) return 0;
        const delta = v.getUint16(deltas + 2 * lo);
        const at = rangeOffsets + 2 * lo;
        const rangeOffset = v.getUint16(at);
        if (rangeOffset === 0) return (cp + delta) & 0xffff;
        // idRangeOffset counts bytes from its own place to the segment's run of glyphIdArray.
        const p = at + rangeOffset + 2 * (cp - start);
        if (p + 2 > size) return 0;
        const g = v.getUint16(p);
        return g === 0 ? 0 : (g + delta) & 0xffff;
      };
    }
    case 12:
    case 13: {
      // Sorted groups of (startCharCode, endCharCode, glyph id): consecutive glyphs (12) or one glyph (13).
      const groups = v.getUint32(12);
      const many = format === 13;
      return (cp) => {
        let lo = 0;
        let hi = groups;
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if (v.getUint32(16 + 12 * mid + 4) < cp) lo = mid + 1;
          else hi = mid;
        }
        if (lo === groups) return 0;
        const g = 16 + 12 * lo;
        const start = v.getUint32(g);
        if (cp < start) return 0;
        const gid = v.getUint32(g + 8);
        return many ? gid : gid + (cp - start);
      };
    }
    default:
      return () => 0;
  }
}

/** Advance widths from hmtx: only its numberOfHMetrics long records are read (the rest are side bearings). */
function readHmtx(r: Reader, t: TableRecord | undefined, numberOfHMetrics: number): (gid: number) => number {
  if (!t) throw new Error('the font has no hmtx table');
  const n = Math.min(numberOfHMetrics, t.length >> 2);
  if (n === 0) return () => 0;
  const v = view(r.read(t.offset, 4 * n));
  const last = v.getUint16(4 * (n - 1));
  return (gid) => (gid >= 0 && gid < n ? v.getUint16(4 * gid) : last);
}
