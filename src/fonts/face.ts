// One font face, answering the two questions layout asks per character: can
// you draw it, and how wide is it. Both come from the face's cmap and hmtx,
// read with the few small tables around them (font-tables.ts) when a
// character is first asked about: the outlines are never read for layout, and
// a role or fallback face that the issue never needs (often the 24 MB Noto
// Serif CJK) is not read at all — its names, units per em and weight come from
// a few small reads of the table directory. fontkit parses the whole file
// only when the PDF renderer asks for `fontkitFont` (a TrueType face, or a
// CFF our subsetter declines).

import fs from 'node:fs';
import path from 'node:path';
import type { FontMetrics } from '../layout/metrics.js';
import { fontsDir } from '../paths.js';
import { readFontTables, type FontTables } from './font-tables.js';
import { loadFontkit, type FontkitFont } from './fontkit.js';
import { forgetFontFile, readFontFile, type FaceNames } from './sfnt.js';

export class Face implements FontMetrics {
  readonly id: string;
  readonly unitsPerEm: number;
  readonly postscriptName: string;
  /** The face is a bold weight itself (OS/2 or head says so), so a bold role needs no synthetic bold. */
  readonly bold: boolean;
  private read?: FontTables;
  private opened?: FontkitFont;
  /** Glyph id per code point asked about (a Map lookup is a few times faster than the cmap's binary search). */
  private readonly glyphs = new Map<number, number>();
  private readonly advances = new Map<number, number>();
  private readonly info: FaceNames;

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

  /** Whether the face's tables have been read (only once a character was asked about, or the renderer asked for them). */
  get parsed(): boolean {
    return this.read !== undefined || this.opened !== undefined;
  }

  /** Whether fontkit has parsed the file (only when the renderer asked for `fontkitFont`). */
  get fontkitOpened(): boolean {
    return this.opened !== undefined;
  }

  /** cmap, hmtx and the face's metrics, read from the file on first use. */
  get tables(): FontTables {
    return (this.read ??= readFontTables(this.path, this.info.index));
  }

  /**
   * The face parsed by fontkit, for the PDF renderer's faces that
   * src/font-subset/cff cannot subset. Reads the whole file; kept, so watch-mode
   * renders parse it once.
   */
  get fontkitFont(): FontkitFont {
    if (!this.opened) {
      const opened = loadFontkit().create(fs.readFileSync(this.path));
      this.opened = 'fonts' in opened
        ? (opened as unknown as { fonts: FontkitFont[] }).fonts.find((f) => f.postscriptName === this.collectionName)!
        : (opened as FontkitFont);
    }
    return this.opened;
  }

  /** Glyph id of a code point, 0 when the face has none. */
  glyph(cp: number): number {
    // Asked for every character of the issue on every build (coverage, face choice, measuring).
    let gid = this.glyphs.get(cp);
    if (gid === undefined) {
      gid = this.tables.glyphForCodePoint(cp);
      this.glyphs.set(cp, gid);
    }
    return gid;
  }

  has(cp: number): boolean {
    return this.glyph(cp) !== 0;
  }

  /** Advance width in font units (0 for a character the face lacks). */
  advance(cp: number): number {
    // Asked once per character of the issue: one Map lookup, not two plus an hmtx read.
    let a = this.advances.get(cp);
    if (a === undefined) {
      const gid = this.glyph(cp);
      a = gid === 0 ? 0 : this.tables.advanceWidth(gid);
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

  get tables(): FontTables {
    return this.face.tables;
  }

  get postscriptName(): string {
    return this.face.postscriptName;
  }

  get fontkitFont(): FontkitFont {
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

/** Forget the faces opened from `file` (watch mode, after the file changed): the next build opens it again. */
export function forgetFace(file: string): void {
  for (const key of opened.keys()) if (key.startsWith(`${file}#`)) opened.delete(key);
  forgetFontFile(file);
}

/**
 * Open a face once per process (watch-mode rebuilds reuse it). Its id comes
 * from the face itself, never from what was opened before: a bundled face is
 * known by its PostScript name; any other by its PostScript name and a short
 * hash of its file's path, so that two files with a face of the same name
 * (a copy of FandolFang beside the issue) are two faces.
 */
export function openFace(file: string, postscriptName?: string): Face {
  const key = `${file}#${postscriptName ?? ''}`;
  let face = opened.get(key);
  if (!face) {
    face = new Face(file, postscriptName, (ps) => faceId(file, ps));
    opened.set(key, face);
  }
  return face;
}

/** The id of the face `ps` in `file`, from those two alone. */
export function faceId(file: string, ps: string): string {
  const name = ps || 'face';
  const abs = path.resolve(file);
  if (path.dirname(abs) === fontsDir) return name;
  return `${name}@${fnv1a(`${abs}#${ps}`)}`;
}

/** A face's id as its reader knows it, for messages: the PostScript name, without the hash of its path. */
export function faceName(id: string): string {
  return id.replace(/@[0-9a-f]{8}$/, '');
}

/** FNV-1a, 32 bits, as 8 hex digits: enough to tell a few files apart, and no crypto module to load at start-up. */
function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}
