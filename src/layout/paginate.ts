// Flow blocks of grid lines into pages. A title is never the last line of a
// page (it goes with the first two lines of what follows, or a whole figure),
// a figure (image and caption) is never split, a paragraph is not
// split to leave one line alone at the bottom (orphan) or top (widow) of a
// page when moving a line fixes it, and blank lines vanish at a page top.

import type { Block, PlacedImage } from './block.js';
import type { Line } from './compose.js';
import { headerLines, type TableSegment } from './table.js';

export interface Slot {
  line: Line;
  offset: number;
  size: number;
  /** Index of the block it came from (tests use it). */
  block: number;
  /** On a figure's first line: its image, placed from the top of this line. */
  image?: PlacedImage;
  /** On the first line of a table's part on a page: the rows drawn from this line down. */
  table?: TableSegment;
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
  /** Lines of a paragraph that does not open an item kept together at the foot of a page (default: orphans). */
  laterOrphans?: number;
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

  // The paragraph set last, when it lies whole on the current page and ends at `slot`: a version of it one
  // line longer can fill the page's last line when the next paragraph may not leave its first line there.
  let whole: { block: Block; bi: number; from: number } | undefined;
  const lengthen = (): boolean => {
    if (!whole || whole.from + whole.block.lines.length !== slot) return false;
    const longer = whole.block.longer?.();
    if (!longer || whole.from + longer.length > capacity) return false;
    const p = { ...whole.block, lines: longer, offsets: longer.map(() => 0) };
    slot = whole.from;
    for (let i = 0; i < longer.length; i++) put(p, whole.bi, i);
    whole = undefined;
    return true;
  };

  // A table breaks between rows only; its header rows open each page it runs onto, with at least one row under them.
  const putTable = (b: Block, bi: number) => {
    const layout = b.table!;
    let segment: TableSegment | undefined;
    const putRow = (r: number) => {
      const page = pages[pages.length - 1]!;
      for (let k = 0; k < layout.rows[r]!.lines; k++) {
        page[slot] = { line: b.lines[0]!, offset: 0, size: b.size, block: bi, ...(segment ? {} : { table: (segment = { layout, rows: [], continued: pages.length > firstPage }) }) };
        slot++;
      }
      segment!.rows.push(r);
    };
    if (tableOpening(b) > capacity - slot && slot > 0) newPage();
    const firstPage = pages.length;
    for (let r = 0; r < layout.header; r++) putRow(r);
    for (let r = layout.header; r < layout.rows.length; r++) {
      // A row taller than a page under the header is an error of `check` (checkTables): set here past the page's end.
      if (slot + layout.rows[r]!.lines > capacity && slot > headerLines(layout)) {
        newPage();
        segment = undefined;
        for (let h = 0; h < layout.header; h++) putRow(h);
      }
      putRow(r);
    }
  };

  blocks.forEach((b, bi) => {
    const room = capacity - slot;
    if (b.kind !== 'paragraph') whole = undefined;
    if (b.kind === 'space') {
      if (slot > 0 && room > 0) put(b, bi, 0);
      return;
    }
    if (b.kind === 'title') {
      // Keep the title with the first lines of the next text block.
      const next = blocks.slice(bi + 1).find((x) => x.kind !== 'space');
      const spaces = blocks.slice(bi + 1).findIndex((x) => x.kind !== 'space');
      const kept = next?.kind === 'figure' ? next.lines.length : next?.table ? tableOpening(next) : Math.min(keep.orphans, next?.lines.length ?? 0);
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
    if (b.keepWithNext && slot > 0) {
      // Whole, with the first lines of what follows, on this page or on the next (when they fit one page).
      const next = blocks.slice(bi + 1).find((x) => x.kind !== 'space');
      const spaces = Math.max(0, blocks.slice(bi + 1).findIndex((x) => x.kind !== 'space'));
      const need = b.lines.length + spaces + (next?.kind === 'figure' ? next.lines.length : next?.table ? tableOpening(next) : Math.min(keep.orphans, next?.lines.length ?? 0));
      if (need > room && need <= capacity) {
        newPage();
        whole = undefined;
      }
    }
    if (b.kind === 'table') {
      putTable(b, bi);
      return;
    }
    let p = b; // as set here: its version one line longer may stand in for it (a cached block stays as it was)
    let tried = false;
    let i = 0;
    while (i < p.lines.length) {
      const left = p.lines.length - i;
      const space = capacity - slot;
      if (left <= space) {
        whole = i === 0 ? { block: p, bi, from: slot } : undefined;
        while (i < p.lines.length) put(p, bi, i++);
        break;
      }
      let take = space;
      // No orphan at this page's bottom: an item's first page holds at least `orphans` of its lines (its title's).
      const orphans = p.opensItem ? keep.orphans : keep.laterOrphans ?? keep.orphans;
      // No widow at the next page's top, unless the line going over is a full one. Rather than end this page
      // short, the paragraph is set a line longer if it can be (its lines a little looser), so two lines go over.
      if (left - take < keep.widows && !(keep.fullLine && p.lines[p.lines.length - 1]!.width >= keep.fullLine)) {
        const longer = !tried && i === 0 && take >= orphans ? p.longer?.() : undefined;
        tried = true;
        if (longer) {
          p = { ...p, lines: longer, offsets: longer.map(() => 0) };
          continue;
        }
        take = left - keep.widows;
      }
      if (take < orphans && i === 0) {
        take = 0;
        // Rather than end this page short, the paragraph before is set a line longer, if it can be.
        if (space > 0 && slot > 0) lengthen();
      }
      if (take <= 0 && slot === 0) take = space; // a page of nothing but this block: fill it
      for (let k = 0; k < take; k++) put(p, bi, i++);
      newPage();
    }
  });
  return { pages, lastUsed: slot };
}

/** Grid lines a table needs on the page it starts on: its header and first row. */
function tableOpening(b: Block): number {
  const layout = b.table!;
  return headerLines(layout) + (layout.rows[layout.header]?.lines ?? 0);
}
