// One font face, opened once with fontkit, answering the two questions layout
// asks per character: can you draw it, and how wide is it. Advances are cached
// per code point: measuring through fontkit's layout on every prefix is ~20x slower.

import fs from 'node:fs';
import * as fontkit from 'fontkit';
import type { FontMetrics } from '../layout/metrics.js';

export class Face implements FontMetrics {
  readonly id: string;
  readonly unitsPerEm: number;
  readonly postscriptName: string;
  private readonly font: fontkit.Font;
  private readonly advances = new Map<number, number>();
  private readonly covers = new Map<number, boolean>();

  /** Set when the face comes from a collection (.ttc/.otc): the PostScript name that picks it. */
  readonly collectionName?: string;

  constructor(readonly path: string, postscriptName?: string) {
    const buf = fs.readFileSync(path);
    const opened = fontkit.create(buf);
    if ('fonts' in opened) {
      const fonts = (opened as unknown as { fonts: fontkit.Font[] }).fonts;
      const chosen = fonts.find((f) => f.postscriptName === postscriptName);
      if (!chosen) {
        const names = fonts.map((f) => f.postscriptName).join(', ');
        throw new Error(`${path} is a font collection; name one of its faces: ${names}`);
      }
      this.font = chosen;
      this.collectionName = chosen.postscriptName;
    } else {
      this.font = opened as fontkit.Font;
    }
    this.unitsPerEm = this.font.unitsPerEm;
    this.postscriptName = this.font.postscriptName;
    this.id = this.postscriptName;
  }

  /** The fontkit face itself, for the PDF renderer: handing it to pdfkit saves re-reading and re-parsing the file on every render. */
  get fontkitFont(): fontkit.Font {
    return this.font;
  }

  has(cp: number): boolean {
    // Asked for every character of the issue on every build (coverage, face choice); fontkit's cmap lookup is slow.
    let has = this.covers.get(cp);
    if (has === undefined) {
      has = this.font.hasGlyphForCodePoint(cp);
      this.covers.set(cp, has);
    }
    return has;
  }

  /** Advance width in font units (0 for a character the face lacks). */
  advance(cp: number): number {
    let a = this.advances.get(cp);
    if (a === undefined) {
      a = this.font.hasGlyphForCodePoint(cp) ? this.font.glyphForCodePoint(cp).advanceWidth : 0;
      this.advances.set(cp, a);
    }
    return a;
  }
}
