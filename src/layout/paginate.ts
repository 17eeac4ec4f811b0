// Flow blocks of grid lines into pages. A title is never the last line of a
// page (it goes with the first two lines of what follows, or a whole figure),
// a figure (image and caption) is never split, a paragraph is not
// split to leave one line alone at the bottom (orphan) or top (widow) of a
// page when moving a line fixes it, and blank lines vanish at a page top.

import type { Block, PlacedImage } from './blocks.js';
import type { Line } from './compose.js';

export interface Slot {
  line: Line;
  offset: number;
  size: number;
  /** Index of the block it came from (tests use it). */
  block: number;
  /** On a figure's first line: its image, placed from the top of this line. */
  image?: PlacedImage;
}

export interface Flow {
  /** Per page, the lines by grid slot (undefined = empty slot). */
  pages: Array<Array<Slot | undefined>>;
  /** Slots used on the last page (index after the last filled slot). */
  lastUsed: number;
}

export interface Keep {
  /** Lines of a paragraph that must stay together at the foot of a page. */
  orphans: number;
  /** Lines of a paragraph that must stay together at the head of a page. */
  widows: number;
  /** A paragraph's last line at least this wide reads as a full line: it may open a page alone (points; 0: never). */
  fullLine?: number;
}

export function paginate(blocks: Block[], capacity: number, firstPageStart: number, keep: Keep): Flow {
  const pages: Array<Array<Slot | undefined>> = [[]];
  let slot = firstPageStart;
  const newPage = () => {
    pages.push([]);
    slot = 0;
  };
  const put = (b: Block, bi: number, i: number) => {
    pages[pages.length - 1]![slot++] = { line: b.lines[i]!, offset: b.offsets[i] ?? 0, size: b.size, block: bi, ...(i === 0 && b.image ? { image: b.image } : {}) };
  };

  blocks.forEach((b, bi) => {
    const room = capacity - slot;
    if (b.kind === 'space') {
      if (slot > 0 && room > 0) put(b, bi, 0);
      return;
    }
    if (b.kind === 'title') {
      // Keep the title with the first lines of the next text block.
      const next = blocks.slice(bi + 1).find((x) => x.kind !== 'space');
      const spaces = blocks.slice(bi + 1).findIndex((x) => x.kind !== 'space');
      const kept = next?.kind === 'figure' ? next.lines.length : Math.min(keep.orphans, next?.lines.length ?? 0);
      const need = b.lines.length + Math.max(0, spaces) + kept;
      if (need > room && slot > 0) newPage();
      for (let i = 0; i < b.lines.length; i++) {
        if (slot >= capacity) newPage();
        put(b, bi, i);
      }
      return;
    }
    if (b.kind === 'figure') {
      // Image and caption move to the next page together (figure.ts makes them fit one page).
      if (b.lines.length > room && slot > 0) newPage();
      for (let i = 0; i < b.lines.length; i++) {
        if (slot >= capacity) newPage();
        put(b, bi, i);
      }
      return;
    }
    let i = 0;
    while (i < b.lines.length) {
      const left = b.lines.length - i;
      const space = capacity - slot;
      if (left <= space) {
        while (i < b.lines.length) put(b, bi, i++);
        break;
      }
      let take = space;
      // No widow at the next page's top, unless the lines going over are full ones (a short page costs more).
      if (left - take < keep.widows && !(keep.fullLine && b.lines[b.lines.length - 1]!.width >= keep.fullLine)) take = left - keep.widows;
      if (take < keep.orphans && i === 0) take = 0; // no orphan at this page's bottom
      if (take <= 0 && slot === 0) take = space; // a page of nothing but this block: fill it
      for (let k = 0; k < take; k++) put(b, bi, i++);
      newPage();
    }
  });
  return { pages, lastUsed: slot };
}
