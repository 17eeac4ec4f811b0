// One font face, answering the two questions layout asks per character: can
// you draw it, and how wide is it. Answers are cached per code point (fontkit's
// cmap lookups are slow, and measuring through its layout ~20x slower). The
// file is parsed with fontkit only when a character is first asked about:
// its names, units per em and weight come from a few small reads of the
// table directory, so a role or fallback face that the issue never needs
// (often the 24 MB Noto Serif CJK) is never read whole.

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
  private opened?: fontkit.Font;
  private readonly advances = new Map<number, number>();
  private readonly info: FaceNames;
  private readonly covers = new Map<number, boolean>();

  /** Set when the face comes from a collection (.ttc/.otc): the PostScript name that picks it. */
  readonly collectionName?: string;

  /** `makeId` turns the PostScript name into the id layout and the renderer use. */
  constructor(
    readonly path: string,
    postscriptName?: string,
    makeId: (postscriptName: string) => string = (ps) => ps,
  ) {
    const file = readFontFile(path);
    if (file.kind === 'collection') {
      const chosen = file.faces.find((f) => f.postscriptName === postscriptName);
      if (!chosen) {
        const names = file.faces.map((f) => f.postscriptName).join(', ');
        throw new Error(`${path} is a font collection; name one of its faces: ${names}`);
      }
      this.info = chosen;
      this.collectionName = chosen.postscriptName;
    } else if (file.kind === 'sfnt' && file.faces[0]) {
      this.info = file.faces[0];
    } else {
      throw new Error(`${path} is not a TrueType or OpenType font`);
    }
    this.unitsPerEm = this.info.unitsPerEm;
    this.postscriptName = this.info.postscriptName;
    this.id = makeId(this.postscriptName);
    this.bold = this.info.bold;
  }

  /** Whether the file has been read and parsed (only once a character was asked about). */
  get parsed(): boolean {
    return this.opened !== undefined;
  }

  /** The parsed face, read from the file on first use. */
  private get font(): fontkit.Font {
    if (!this.opened) {
      const opened = fontkit.create(fs.readFileSync(this.path));
      this.opened = 'fonts' in opened
        ? (opened as unknown as { fonts: fontkit.Font[] }).fonts.find((f) => f.postscriptName === this.collectionName)!
        : (opened as fontkit.Font);
    }
    return this.opened;
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

  /** Version, licence and names from the name table. */
  names(): FaceNames {
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
