// Faster subsetting for the CFF faces fontkit subsets (those src/render/cff
// declines; see pdf-fonts.ts). To subset a CFF font, fontkit builds
// the whole outline of every glyph it keeps, only to learn which subroutines
// the glyph's charstring calls (CFFSubset.subsetCharstrings reads glyph.path,
// then glyph._usedGsubrs and _usedSubrs). For a Chinese issue that is some
// hundreds of glyphs per face and most of the cost of writing the PDF.
// Here the charstrings are scanned for their subroutine calls alone, on the
// raw bytes (cff/charstring.ts), and the answers are handed to fontkit as if
// it had built the outlines. A glyph the scanner cannot follow (arithmetic operators, CFF2)
// is left to fontkit. The PDF bytes are the same either way (tested).

import type * as fontkit from 'fontkit';
import { scanCharstring, type SubrTable } from './cff/charstring.js';

interface Index {
  offset: number;
  length: number;
}

interface Cff {
  version: number;
  stream: { buffer: Uint8Array };
  topDict: { CharStrings: Index[] };
  globalSubrIndex?: Index[];
  privateDictForGlyph(gid: number): { Subrs?: Index[] } | null;
}

interface PrimedGlyph {
  _usedGsubrs?: Record<number, boolean>;
  _usedSubrs?: Record<number, boolean>;
}

/** A fontkit subroutine INDEX as the scanner reads it: each entry a view into the font's bytes. */
function table(bytes: Uint8Array, index: Index[]): SubrTable {
  return {
    count: index.length,
    get: (i) => {
      const e = index[i];
      return e && bytes.subarray(e.offset, e.offset + e.length);
    },
  };
}

/** The subroutines a glyph's charstring calls, as fontkit's outline builder would record them; undefined when it cannot tell. */
export function scanSubrs(cff: Cff, gid: number): { gsubrs: Record<number, boolean>; subrs: Record<number, boolean> } | undefined {
  const cs = cff.topDict.CharStrings[gid];
  if (!cs || cff.version >= 2) return undefined;
  const bytes = cff.stream.buffer;
  const calls = scanCharstring(
    bytes.subarray(cs.offset, cs.offset + cs.length),
    table(bytes, cff.globalSubrIndex ?? []),
    table(bytes, cff.privateDictForGlyph(gid)?.Subrs ?? []),
  );
  // Every subroutine is at hand here, so nothing is ever missing.
  if (!calls || calls.missing) return undefined;
  const record = (set: Set<number>) => Object.fromEntries([...set].map((i) => [i, true])) as Record<number, boolean>;
  return { gsubrs: record(calls.global), subrs: record(calls.local) };
}

/** True while a primed subset encodes: then glyph.path is not needed (see prime). */
let encoding = false;

/**
 * The fontkit face to hand pdfkit: the same face, whose subsets learn each kept
 * glyph's subroutines from scanSubrs before encoding.
 */
export function withFastSubset(font: fontkit.Font): fontkit.Font {
  const cff = (font as unknown as { 'CFF '?: Cff })['CFF '];
  if (!cff || cff.version >= 2) return font;
  return new Proxy(font, {
    get(target, key) {
      if (key === 'createSubset') {
        return () => {
          const subset = target.createSubset() as unknown as { glyphs: number[]; encode(): Uint8Array };
          const encode = subset.encode.bind(subset);
          subset.encode = () => {
            for (const gid of subset.glyphs) prime(target, cff, gid);
            encoding = true;
            try {
              return encode();
            } finally {
              encoding = false;
            }
          };
          return subset;
        };
      }
      const value = Reflect.get(target, key, target) as unknown;
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** fontkit's own (caching) getter of glyph.path. */
function pathGetter(glyph: object): (() => unknown) | undefined {
  for (let p = Object.getPrototypeOf(glyph); p; p = Object.getPrototypeOf(p)) {
    const d = Object.getOwnPropertyDescriptor(p, 'path');
    if (d?.get) return d.get;
  }
  return undefined;
}

function prime(font: fontkit.Font, cff: Cff, gid: number): void {
  const glyph = font.getGlyph(gid) as unknown as PrimedGlyph;
  if (Object.prototype.hasOwnProperty.call(glyph, 'path') || glyph._usedGsubrs) return; // fontkit built it, or primed before
  const real = pathGetter(glyph);
  const used = real && scanSubrs(cff, gid);
  if (!real || !used) return;
  glyph._usedGsubrs = used.gsubrs;
  glyph._usedSubrs = used.subrs;
  // While the subset encodes, glyph.path is read only for the side effect above; any other reader gets the real outline.
  Object.defineProperty(glyph, 'path', {
    configurable: true,
    get(this: object) {
      return encoding ? null : real.call(this);
    },
  });
}
