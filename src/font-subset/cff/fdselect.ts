// FDSelect: which Font DICT (and so which Private DICT and local
// subroutines) each glyph of a CID-keyed CFF uses.

import { type CffFile, Unsupported, uint } from './read.js';

/** The Font DICT number of each of `gids`, read from the FDSelect at `offset` of a font with `nGlyphs` glyphs. */
export function readFdSelect(file: CffFile, offset: number, nGlyphs: number, gids: readonly number[]): Map<number, number> {
  const format = file.bytes(offset, 1)[0];
  const fds = new Map<number, number>();
  if (format === 0) {
    // One byte per glyph: read just the kept glyphs' bytes.
    const bytes = file.ranges(gids.map((g) => ({ offset: offset + 1 + g, length: 1 })));
    gids.forEach((g, i) => fds.set(g, bytes[i]![0]!));
  } else if (format === 3) {
    // Ranges of glyphs sharing a Font DICT: first glyph (2 bytes), fd (1 byte); then the sentinel.
    const nRanges = uint(file.bytes(offset + 1, 2), 0, 2);
    const ranges = file.bytes(offset + 3, nRanges * 3 + 2);
    const first = (r: number) => uint(ranges, r * 3, 2);
    if (nRanges === 0 || first(0) !== 0 || first(nRanges) !== nGlyphs) throw new Unsupported('bad FDSelect');
    for (const g of gids) {
      let lo = 0;
      let hi = nRanges - 1;
      while (lo < hi) {
        // The last range starting at or before g.
        const mid = (lo + hi + 1) >> 1;
        if (first(mid) <= g) lo = mid;
        else hi = mid - 1;
      }
      fds.set(g, ranges[lo * 3 + 2]!);
    }
  } else throw new Unsupported(`FDSelect format ${format}`);
  return fds;
}

/** FDSelect format 3 for glyphs 0..fds.length-1, glyph i using Font DICT fds[i]. */
export function writeFdSelect(fds: readonly number[]): Uint8Array {
  const starts: number[] = [];
  fds.forEach((fd, i) => {
    if (i === 0 || fd !== fds[i - 1]) starts.push(i);
  });
  const out = new Uint8Array(3 + starts.length * 3 + 2);
  const view = new DataView(out.buffer);
  out[0] = 3;
  view.setUint16(1, starts.length);
  starts.forEach((g, r) => {
    view.setUint16(3 + r * 3, g);
    out[3 + r * 3 + 2] = fds[g]!;
  });
  view.setUint16(3 + starts.length * 3, fds.length);
  return out;
}
