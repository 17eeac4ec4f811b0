// The face pdfkit embeds, made from our own font tables instead of fontkit.
// pdfkit takes any object with a layout() method as a font (PDFFontFactory.open)
// and asks it for metrics, glyphs and a subset; this answers from the tables
// the layout already read, and subsets CFF outlines with src/render/cff, which
// reads only the charstrings and subroutines the issue uses. So a build never
// reads a whole font file nor loads fontkit. A face it cannot subset (not
// CID-keyed) is subset by fontkit at the end, with the same glyph numbering.

import fs from 'node:fs';
import type * as fontkit from 'fontkit';
import type { FontTables } from '../fonts/font-tables.js';
import { subsetCff, type ByteSource } from './cff/subset.js';

interface Glyph {
  id: number;
  advanceWidth: number;
  codePoints: number[];
}

/** What pdfkit's EmbeddedFont reads of a font. */
export class PdfFace {
  readonly unitsPerEm: number;
  readonly ascent: number;
  readonly descent: number;
  readonly lineGap: number;
  readonly capHeight: number;
  readonly xHeight: number;
  readonly italicAngle: number;
  readonly bbox: FontTables['bbox'];
  readonly 'OS/2': { sFamilyClass: number };
  readonly post: { isFixedPitch: boolean };
  readonly head: { macStyle: { italic: boolean } };
  private readonly glyphs = new Map<number, Glyph>();

  /**
   * `postscriptName` is the face's id: unique in the document, which pdfkit needs
   * (it takes two fonts of one name for the same font).
   */
  constructor(
    readonly postscriptName: string,
    private readonly tables: FontTables,
    private readonly file: string,
    private readonly fallback: () => fontkit.Font,
  ) {
    this.unitsPerEm = tables.unitsPerEm;
    this.ascent = tables.ascent;
    this.descent = tables.descent;
    this.lineGap = tables.lineGap;
    this.capHeight = tables.capHeight;
    this.xHeight = tables.xHeight;
    this.italicAngle = tables.italicAngle;
    this.bbox = tables.bbox;
    this['OS/2'] = { sFamilyClass: tables.familyClass };
    this.post = { isFixedPitch: tables.isFixedPitch };
    this.head = { macStyle: { italic: tables.macStyleItalic } };
  }

  getGlyph(gid: number): { advanceWidth: number } {
    return { advanceWidth: this.tables.advanceWidth(gid) };
  }

  /** One glyph per character, no shaping: the layout measured the text that way, so it is drawn that way. */
  layout(text: string): { glyphs: Glyph[]; positions: { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number }[]; advanceWidth: number } {
    const glyphs: Glyph[] = [];
    const positions = [];
    let advanceWidth = 0;
    for (const ch of text) {
      const cp = ch.codePointAt(0)!;
      let g = this.glyphs.get(cp);
      if (!g) {
        const id = this.tables.glyphForCodePoint(cp);
        g = { id, advanceWidth: this.tables.advanceWidth(id), codePoints: [cp] };
        this.glyphs.set(cp, g);
      }
      glyphs.push(g);
      // pdfkit scales every key of a position in place: a fresh object each time.
      positions.push({ xAdvance: g.advanceWidth, yAdvance: 0, xOffset: 0, yOffset: 0 });
      advanceWidth += g.advanceWidth;
    }
    return { glyphs, positions, advanceWidth };
  }

  createSubset(): { cff: true; includeGlyph(gid: number): number; encode(): Uint8Array } {
    const kept = [0];
    const index = new Map([[0, 0]]);
    const cff = this.tables.table('CFF ')!;
    return {
      cff: true,
      includeGlyph(gid) {
        let n = index.get(gid);
        if (n === undefined) {
          n = kept.length;
          index.set(gid, n);
          kept.push(gid);
        }
        return n;
      },
      encode: () => {
        const file = this.file;
        const fd = fs.openSync(file, 'r');
        try {
          const src: ByteSource = {
            read(offset, length) {
              const buf = Buffer.alloc(length);
              if (fs.readSync(fd, buf, 0, length, offset) !== length) throw new Error(`${file}: truncated font file`);
              return buf;
            },
          };
          const bytes = subsetCff(src, cff.offset, cff.length, kept);
          if (bytes) return bytes;
        } finally {
          fs.closeSync(fd);
        }
        // Same order of inclusion, so fontkit numbers the glyphs as pdfkit already wrote them.
        const font = this.fallback();
        const subset = font.createSubset();
        for (const gid of kept) subset.includeGlyph(font.getGlyph(gid));
        return subset.encode();
      },
    };
  }
}
