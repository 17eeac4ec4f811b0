// The fonts of a PDF: each face embedded once, as a CID font whose codes are
// its subset's glyph numbers (Identity-H), with the widths and the ToUnicode
// map that let a reader copy the text back. pdfkit writes the objects; the
// glyphs, subsets and dictionaries are ours. A CFF face is subset by
// src/font-subset/cff (only the charstrings and subroutines used are read); a
// TrueType face, or a CFF the subsetter declines, by fontkit, which numbers
// the glyphs in the same order.
//
// Glyphs are gathered for the whole document before any page is drawn, so
// each subset is known early and compressed in zlib's thread pool while the
// pages are drawn.

import fs from 'node:fs';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { FontTables } from '../../fonts/font-tables.js';
import type { FontkitFont } from '../../fonts/fontkit.js';
import { subsetCff, type ByteSource } from '../../font-subset/cff/subset.js';
import { RenderCache } from './reuse.js';
import type { ContentStreams, Ref, RefMaker } from './streams.js';

const deflate = promisify(zlib.deflate);

/** A face's font program as embedded: compressed, with its length before compression. */
export interface FontProgram {
  bytes: Uint8Array;
  length: number;
  truetype: boolean;
}

/**
 * Font programs made by earlier renders (watch mode): the same face and the same glyphs in the same order
 * give the same program, so an edit that brings no new character re-uses it instead of subsetting and
 * compressing again.
 */
export class FontProgramCache extends RenderCache<Promise<FontProgram>> {}

/** What the renderer knows of a face. */
export interface EmbeddableFace {
  path: string;
  collectionName?: string;
  postscriptName?: string;
  tables: FontTables;
  /** fontkit's parse of the face, asked for only when our subsetter cannot do it. */
  fontkitFont: object;
}

/** Glyph codes of the document's runs, one after another; a run's are found by where they start. */
export class CodeList {
  codes = new Uint16Array(1 << 14);
  length = 0;

  /** Room for `n` more codes. */
  reserve(n: number): void {
    if (this.length + n <= this.codes.length) return;
    const grown = new Uint16Array(Math.max(this.codes.length * 2, this.length + n));
    grown.set(this.codes.subarray(0, this.length));
    this.codes = grown;
  }
}

/** One embedded face: its resource name, its Type0 font object, and the glyphs the document uses. */
export class EmbeddedFont {
  /** Written when the document is finished; pages refer to it before. Made by attach(). */
  ref!: Ref;
  private readonly codeOf = new Map<number, number>();
  private readonly gids: number[] = [0];
  private readonly unicode: number[] = [0];
  /** The code of each BMP character met, plus one (0: not met yet). */
  private readonly bmpCode = new Uint16Array(0x10000);
  private readonly astralCode = new Map<number, number>();
  private program?: Promise<FontProgram>;

  constructor(
    /** The resource name pages use (F1, F2…). */
    readonly name: string,
    /** The PostScript name in the PDF, unique in the document. */
    readonly baseName: string,
    private readonly face: EmbeddableFace,
  ) {}

  /** Makes the font's object in `doc`: glyphs can be encoded and the program made before the document exists. */
  attach(doc: RefMaker): void {
    this.ref = doc.ref();
  }

  /** How many glyphs the subset holds so far (.notdef included). */
  get glyphCount(): number {
    return this.gids.length;
  }

  /**
   * Appends the codes of `text`'s characters to `out`, glyphs numbered in the order first met.
   * A character above U+FFFF is one code; a lone surrogate is a character of its own.
   */
  encode(text: string, out: CodeList): void {
    out.reserve(text.length);
    const codes = out.codes;
    const bmp = this.bmpCode;
    let n = out.length;
    for (let i = 0; i < text.length; i++) {
      let cp = text.charCodeAt(i);
      if (cp >= 0xd800 && cp < 0xdc00 && i + 1 < text.length) {
        const lo = text.charCodeAt(i + 1);
        if (lo >= 0xdc00 && lo < 0xe000) {
          cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
          i++;
        }
      }
      const known = cp < 0x10000 ? bmp[cp]! - 1 : (this.astralCode.get(cp) ?? -1);
      codes[n++] = known >= 0 ? known : this.newCode(cp);
    }
    out.length = n;
  }

  /** The code of a character not met before: its glyph's code, or a new one for a new glyph. */
  private newCode(cp: number): number {
    const gid = this.face.tables.glyphForCodePoint(cp);
    let code = this.codeOf.get(gid);
    if (code === undefined) {
      code = this.gids.length;
      // Two bytes a code (Identity-H): a font has fewer than 65536 glyphs.
      if (code > 0xfffe) throw new RangeError(`${this.baseName}: more glyphs than two-byte codes can number`);
      this.codeOf.set(gid, code);
      this.gids.push(gid);
      this.unicode.push(cp);
    }
    if (cp < 0x10000) this.bmpCode[cp] = code + 1;
    else this.astralCode.set(cp, code);
    return code;
  }

  /** Subset now and compress off the main thread (or take the program from `cache`); call once every glyph is known. */
  startProgram(cache?: FontProgramCache): void {
    const make = () => this.makeProgram();
    this.program = cache ? cache.get(`${this.face.path}#${this.face.collectionName ?? ''}#${this.gids.join(',')}`, make) : make();
  }

  private makeProgram(): Promise<FontProgram> {
    // fontkit subsets a CFF face as CFF and any other as a TrueType file.
    const truetype = this.face.tables.outlines !== 'cff';
    const bytes = (truetype ? undefined : this.subsetCff()) ?? this.subsetWithFontkit();
    // One output buffer that holds it all: with the default 16 KB, the pool thread hands each 16 KB back
    // and waits for the main thread, busy drawing pages, to ask for the next (the same bytes either way).
    // A CFF program is Huffman-coded only: its charstrings hardly repeat, so LZ77's search for repeats costs
    // three times the time (8 ms for the 333 KB body face of examples/issue-07) for 5% of the size.
    const strategy = truetype ? zlib.constants.Z_DEFAULT_STRATEGY : zlib.constants.Z_HUFFMAN_ONLY;
    return deflate(bytes, { chunkSize: bytes.length + (bytes.length >> 8) + 64, strategy }).then((z) => ({ bytes: z, length: bytes.length, truetype }));
  }

  private subsetCff(): Uint8Array | undefined {
    const cff = this.face.tables.table('CFF ');
    if (!cff) return undefined;
    const file = this.face.path;
    const fd = fs.openSync(file, 'r');
    try {
      const src: ByteSource = {
        read(offset, length) {
          // A plain Uint8Array: the subsetter takes many views of it, and a Buffer's views cost a constructor call each.
          const buf = new Uint8Array(length);
          if (fs.readSync(fd, buf, 0, length, offset) !== length) throw new Error(`${file}: truncated font file`);
          return buf;
        },
      };
      return subsetCff(src, cff.offset, cff.length, this.gids);
    } finally {
      fs.closeSync(fd);
    }
  }

  private subsetWithFontkit(): Uint8Array {
    // fontkit's documented subsetting API (font.createSubset, includeGlyph, encode).
    const font = this.face.fontkitFont as FontkitFont;
    const subset = font.createSubset();
    for (const gid of this.gids) subset.includeGlyph(font.getGlyph(gid));
    return subset.encode();
  }

  /** Write the font program and the font dictionaries; the ToUnicode map goes with the pages' streams. */
  async finish(doc: RefMaker, streams: ContentStreams): Promise<void> {
    if (!this.program) this.startProgram();
    const { bytes, length, truetype } = await this.program!;
    const t = this.face.tables;
    const scale = 1000 / t.unitsPerEm;
    const name = `${subsetTag(this.baseName, this.gids)}+${this.baseName.replaceAll(' ', '_')}`;

    // Length1: a TrueType program's length before compression (PDF 32000, 9.9).
    const program = doc.ref(truetype ? { Length1: length, Filter: 'FlateDecode' } : { Subtype: 'CIDFontType0C', Filter: 'FlateDecode' });
    program.end(bytes);

    const descriptor = doc.ref({
      Type: 'FontDescriptor',
      FontName: name,
      Flags: flags(t),
      FontBBox: [t.bbox.minX, t.bbox.minY, t.bbox.maxX, t.bbox.maxY].map((v) => round(v * scale)),
      ItalicAngle: t.italicAngle,
      Ascent: round(t.ascent * scale),
      Descent: round(t.descent * scale),
      CapHeight: round((t.capHeight || t.ascent) * scale),
      XHeight: round(t.xHeight * scale),
      StemV: 0,
      [truetype ? 'FontFile2' : 'FontFile3']: program,
    });
    descriptor.end();

    const cidFont = doc.ref({
      Type: 'Font',
      Subtype: truetype ? 'CIDFontType2' : 'CIDFontType0',
      BaseFont: name,
      CIDSystemInfo: { Registry: new String('Adobe'), Ordering: new String('Identity'), Supplement: 0 },
      FontDescriptor: descriptor,
      W: [0, this.gids.map((gid) => round(t.advanceWidth(gid) * scale))],
      ...(truetype ? { CIDToGIDMap: 'Identity' } : {}),
    });
    cidFont.end();

    const toUnicode = streams.add(Buffer.from(toUnicodeCmap(this.unicode), 'latin1'));

    Object.assign(this.ref.data, {
      Type: 'Font',
      Subtype: 'Type0',
      BaseFont: name,
      Encoding: 'Identity-H',
      DescendantFonts: [cidFont],
      ToUnicode: toUnicode,
    });
    this.ref.end();
  }
}

/** PDF FontDescriptor flags (PDF 32000, 9.8.2): fixed pitch, serif, symbolic (not the standard Latin set), script, italic. */
function flags(t: FontTables): number {
  const familyClass = t.familyClass >> 8;
  let f = 1 << 2;
  if (t.isFixedPitch) f |= 1 << 0;
  if (familyClass >= 1 && familyClass <= 7) f |= 1 << 1;
  if (familyClass === 10) f |= 1 << 3;
  if (t.macStyleItalic) f |= 1 << 6;
  return f;
}

/** Six capitals naming this subset (PDF 32000, 9.6.4): from the face and its glyphs, so the same subset gets the same tag. */
function subsetTag(name: string, gids: readonly number[]): string {
  let h = 2166136261;
  const mix = (n: number) => {
    h ^= n;
    h = Math.imul(h, 16777619) >>> 0;
  };
  for (let i = 0; i < name.length; i++) mix(name.charCodeAt(i));
  for (const g of gids) mix(g);
  let tag = '';
  for (let i = 0; i < 6; i++) {
    tag += String.fromCharCode(65 + (h % 26));
    h = Math.floor(h / 26) + Math.imul(i + 1, 7919);
  }
  return tag;
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

/** A ToUnicode CMap: code i is the character unicode[i] (UTF-16BE, surrogate pairs for the planes above). */
function toUnicodeCmap(unicode: readonly number[]): string {
  const hex = (cp: number) => {
    if (cp < 0x10000) return cp.toString(16).padStart(4, '0');
    const v = cp - 0x10000;
    return ((v >> 10) + 0xd800).toString(16) + ((v & 0x3ff) + 0xdc00).toString(16);
  };
  // A range may not cross a change of the code's first byte: 256 codes at most, from a multiple of 256.
  const ranges: string[] = [];
  for (let start = 0; start < unicode.length; start += 256) {
    const end = Math.min(start + 256, unicode.length);
    const entries = unicode.slice(start, end).map((cp) => `<${hex(cp)}>`);
    ranges.push(`<${hex(start)}> <${hex(end - 1)}> [${entries.join(' ')}]`);
  }
  // And a section holds at most 100 ranges.
  const sections: string[] = [];
  for (let i = 0; i < ranges.length; i += 100) {
    const part = ranges.slice(i, i + 100);
    sections.push(`${part.length} beginbfrange`, ...part, 'endbfrange');
  }
  return [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def',
    '/CMapType 2 def',
    '1 begincodespacerange',
    '<0000> <ffff>',
    'endcodespacerange',
    ...sections,
    'endcmap',
    'CMapName currentdict /CMap defineresource pop',
    'end',
    'end',
  ].join('\n');
}
