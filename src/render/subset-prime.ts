// Faster font subsetting for pdfkit. To subset a CFF font, fontkit builds
// the whole outline of every glyph it keeps, only to learn which subroutines
// the glyph's charstring calls (CFFSubset.subsetCharstrings reads glyph.path,
// then glyph._usedGsubrs and _usedSubrs). For a Chinese issue that is some
// hundreds of glyphs per face and most of the cost of writing the PDF.
// Here the charstrings are scanned for their subroutine calls alone, on the
// raw bytes, and the answers are handed to fontkit as if it had built the
// outlines. A glyph the scanner cannot follow (arithmetic operators, CFF2)
// is left to fontkit. The PDF bytes are the same either way (tested).

import type * as fontkit from 'fontkit';

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

/** The bias added to a subroutine number (Type 2 charstrings). */
function bias(subrs: Index[]): number {
  return subrs.length < 1240 ? 107 : subrs.length < 33900 ? 1131 : 32768;
}

/** The subroutines a glyph's charstring calls, as fontkit's outline builder would record them; undefined when it cannot tell. */
export function scanSubrs(cff: Cff, gid: number): { gsubrs: Record<number, boolean>; subrs: Record<number, boolean> } | undefined {
  const bytes = cff.stream.buffer;
  const gsubrs = cff.globalSubrIndex ?? [];
  const subrs = cff.privateDictForGlyph(gid)?.Subrs ?? [];
  const gBias = bias(gsubrs);
  const lBias = bias(subrs);
  const usedG: Record<number, boolean> = {};
  const usedL: Record<number, boolean> = {};
  const stack: number[] = [];
  let stems = 0;
  let ok = true;

  const stemHints = () => {
    // An odd count means the first number is the glyph's width.
    stems += stack.length >> 1;
    stack.length = 0;
  };
  const run = (start: number, end: number, depth: number): void => {
    let pos = start;
    while (pos < end && ok) {
      const op = bytes[pos++]!;
      if (op >= 32 && op <= 246) stack.push(op - 139);
      else if (op >= 247 && op <= 250) stack.push((op - 247) * 256 + bytes[pos++]! + 108);
      else if (op >= 251 && op <= 254) stack.push(-(op - 251) * 256 - bytes[pos++]! - 108);
      else if (op === 255) {
        stack.push((((bytes[pos]! << 24) | (bytes[pos + 1]! << 16) | (bytes[pos + 2]! << 8) | bytes[pos + 3]!) >> 0) / 65536);
        pos += 4;
      } else if (op === 28) {
        stack.push(((bytes[pos]! << 8) | bytes[pos + 1]!) << 16 >> 16);
        pos += 2;
      } else if (op === 1 || op === 3 || op === 18 || op === 23) stemHints();
      else if (op === 19 || op === 20) {
        stemHints();
        pos += (stems + 7) >> 3;
      } else if (op === 10 || op === 29) {
        const list = op === 10 ? subrs : gsubrs;
        const index = stack.pop()! + (op === 10 ? lBias : gBias);
        const subr = list[index];
        if (subr) {
          (op === 10 ? usedL : usedG)[index] = true;
          if (depth > 10) ok = false; // Type 2 allows 10 levels; deeper means a broken font
          else run(subr.offset, subr.offset + subr.length, depth + 1);
        }
      } else if (op === 11) return;
      else if (op === 12) {
        const op2 = bytes[pos++]!;
        // Flex operators draw curves; the arithmetic ones compute operands, which only fontkit follows.
        if (op2 >= 34 && op2 <= 37) stack.length = 0;
        else ok = false;
      } else if (op === 15 || op === 16) ok = false; // CFF2 blending
      else stack.length = 0; // a drawing operator (or endchar, after which fontkit reads on)
    }
  };
  const cs = cff.topDict.CharStrings[gid];
  if (!cs || cff.version >= 2) return undefined;
  run(cs.offset, cs.offset + cs.length, 0);
  return ok ? { gsubrs: usedG, subrs: usedL } : undefined;
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
