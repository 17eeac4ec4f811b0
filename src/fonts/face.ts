// One font face, opened once with fontkit, answering the two questions layout
// asks per character: can you draw it, and how wide is it. Advances are cached
// per code point: measuring through fontkit's layout on every prefix is ~20x slower.

import fs from 'node:fs';
import * as fontkit from 'fontkit';
import type { FontMetrics } from '../layout/metrics.js';
import { readFontFile, type FaceNames } from './sfnt.js';

export class Face implements FontMetrics {
  readonly id: string;
  readonly unitsPerEm: number;
  readonly postscriptName: string;
  /** The face is a bold weight itself (OS/2 or head says so), so a bold role needs no synthetic bold. */
  readonly bold: boolean;
  private readonly font: fontkit.Font;
  private readonly advances = new Map<number, number>();
  private info?: FaceNames;
  private readonly covers = new Map<number, boolean>();

  /** Set when the face comes from a collection (.ttc/.otc): the PostScript name that picks it. */
  readonly collectionName?: string;

  /** `makeId` turns the PostScript name into the id layout and the renderer use. */
  constructor(
    readonly path: string,
    postscriptName?: string,
    makeId: (postscriptName: string) => string = (ps) => ps,
  ) {
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
    this.id = makeId(this.postscriptName);
    const os2 = (this.font as unknown as { 'OS/2'?: { usWeightClass?: number; fsSelection?: { bold?: boolean } } })['OS/2'];
    const head = (this.font as unknown as { head?: { macStyle?: { bold?: boolean } } }).head;
    this.bold = !!(os2?.fsSelection?.bold || head?.macStyle?.bold || (os2?.usWeightClass ?? 400) >= 600);
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

  /** All of 0–9: page numbers, issue numbers and dates need them. */
  hasDigits(): boolean {
    for (let cp = 0x30; cp <= 0x39; cp++) if (!this.has(cp)) return false;
    return true;
  }

  /** Version, licence and names from the name table (read when a report asks). */
  names(): FaceNames {
    this.info ??= readFontFile(this.path).faces.find((f) => !this.collectionName || f.postscriptName === this.collectionName)!;
    return this.info;
  }
}

/**
 * A regular face drawn bold for a role that asks for bold: the renderer fills
 * and strokes its outlines. Metrics are the face's own (a stroke adds ink, not
 * advance). Never an italic: slanting Chinese is not a style of Chinese type.
 */
export class SyntheticBold implements FontMetrics {
  readonly id: string;
  readonly unitsPerEm: number;
  readonly syntheticBold = true;

  constructor(readonly face: Face) {
    this.id = `${face.id}+bold`;
    this.unitsPerEm = face.unitsPerEm;
  }

  get path(): string {
    return this.face.path;
  }

  get collectionName(): string | undefined {
    return this.face.collectionName;
  }

  get fontkitFont(): fontkit.Font {
    return this.face.fontkitFont;
  }

  has(cp: number): boolean {
    return this.face.has(cp);
  }

  advance(cp: number): number {
    return this.face.advance(cp);
  }
}

const opened = new Map<string, Face>();
const idsInUse = new Set<string>();

/** Forget the faces opened from `file` (watch mode, after the file changed): the next build opens it again. */
export function forgetFace(file: string): void {
  for (const [key, face] of opened) {
    if (key.startsWith(`${file}#`)) {
      opened.delete(key);
      idsInUse.delete(face.id);
    }
  }
}

/**
 * Open a face once per process (watch-mode rebuilds reuse it). Its id is its
 * PostScript name, made unique if another file has a face of the same name.
 */
export function openFace(file: string, postscriptName?: string): Face {
  const key = `${file}#${postscriptName ?? ''}`;
  let face = opened.get(key);
  if (!face) {
    face = new Face(file, postscriptName, (ps) => {
      let id = ps || 'face';
      for (let n = 2; idsInUse.has(id); n++) id = `${ps}~${n}`;
      return id;
    });
    idsInUse.add(face.id);
    opened.set(key, face);
  }
  return face;
}
