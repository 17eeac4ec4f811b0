// The body of an issue as blocks of grid lines: the lead's display title, item
// paragraphs with run-in titles and attributions, figures, and the △ briefs.

import { isFigure, isLead, itemParts, type Part } from '../content/parts.js';
import type { ImageFile, Issue, Item } from '../issue/model.js';
import type { Role, Template } from '../template/model.js';
import type { Line, Piece } from './compose.js';
import { figureBlock } from './figure.js';
import type { Grid } from './grid.js';
import type { FaceChooser } from './metrics.js';
import { composeLonger, composeParagraph } from './text.js';
import { titleLines } from './title.js';

export interface Block {
  kind: 'title' | 'paragraph' | 'space' | 'figure';
  /** Lines of the block; `size` is the text size the line's baseline is set for. */
  lines: Line[];
  size: number;
  /** Horizontal offset of each line from the text block's left edge. */
  offsets: number[];
  /** A figure's image, placed from the text block's left edge and the top of the block's first line. */
  image?: PlacedImage;
  /** The item's first paragraph (with its run-in title or △): pagination keeps more of it together. */
  opensItem?: boolean;
  /** A paragraph set one line longer, its lines looser but within body.maxStretch (pagination asks, to avoid a short page). */
  longer?: () => Line[] | undefined;
}

export interface PlacedImage {
  image: ImageFile;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A display title in balanced lines of whole words (title.ts), centred or flush left, each line its own grid line. */
export function titleBlock(
  text: string, t: Template, grid: Grid, fonts: FaceChooser,
  style: { font: Role; size: number; color: string } = t.lead.title, align: 'left' | 'center' = 'center',
): Block {
  // The lead title's `narrower`, in ems of whatever size this title is set in.
  const narrower = (t.lead.title.narrower / t.lead.title.size) * style.size;
  const lines = titleLines(text, style, grid.measure, narrower, fonts);
  return { kind: 'title', lines, size: style.size, offsets: lines.map((l) => (align === 'center' ? (grid.measure - l.width) / 2 : 0)) };
}

function paragraphBlock(pieces: Piece[], t: Template, grid: Grid, fonts: FaceChooser): Block {
  const opt = { measure: grid.measure, indent: t.body.indent * grid.cell, tracking: grid.cell - t.body.size, justify: true, maxStretch: t.body.maxStretch, ellipsisClose: t.body.ellipsisClose };
  const lines = composeParagraph(pieces, fonts, opt);
  const longer = () => composeLonger(pieces, fonts, opt, lines.length, t.body.maxStretch * (t.grid.chars - 1));
  return { kind: 'paragraph', lines, size: t.body.size, offsets: lines.map(() => 0), longer };
}

export function itemBlocks(item: Item, lead: boolean, t: Template, grid: Grid, fonts: FaceChooser): Block[] {
  // Pieces in the shape of every other piece (a spread made two more), so that code V8 optimised for them stays.
  const piece = (p: Part): Piece => {
    const made: Piece = { text: p.text, role: p.role, size: t.body.size, color: t.body.color };
    if (p.role === t.body.font) made.latin = t.body.latin;
    // An attribution is never broken; a run-in title only between words.
    if (p.kind === 'attribution') made.keep = 'whole';
    else if (p.kind === 'title') made.keep = 'words';
    return made;
  };
  const parts = itemParts(item, lead, t);
  const blocks: Block[] = [];
  if (parts.title?.display) {
    blocks.push(titleBlock(parts.title.text, t, grid, fonts));
    for (let i = 0; i < t.lead.title.spaceAfter; i++) blocks.push(spaceBlock(t.body.size));
  } else if (parts.title) {
    const style = { font: parts.title.role, size: t.body.size, color: t.body.color };
    blocks.push(titleBlock(parts.title.text, t, grid, fonts, style, t.item.title.align));
  }
  for (const [i, p] of parts.paragraphs.entries()) {
    if (!isFigure(p)) {
      blocks.push({ ...paragraphBlock(p.map(piece), t, grid, fonts), ...(i === 0 ? { opensItem: true } : {}) });
      continue;
    }
    for (let i = 0; i < t.figure.spaceBefore; i++) blocks.push(spaceBlock(t.body.size));
    const caption = p.caption ? titleBlock(p.caption.text, t, grid, fonts, t.figure.caption, 'center') : undefined;
    blocks.push(figureBlock(p, caption, t, grid));
    for (let i = 0; i < t.figure.spaceAfter; i++) blocks.push(spaceBlock(t.body.size));
  }
  return blocks;
}

/** Keeps an item's blocks between builds (watch mode). Its owner keys it by the item's content and
 *  lead flag, and drops it when the template or the fonts change: `make` lays the item out afresh. */
export interface BlockCache {
  blocks(item: Item, lead: boolean, make: () => Block[]): Block[];
}

export function bodyBlocks(issue: Issue, t: Template, grid: Grid, fonts: FaceChooser, cache?: BlockCache): Block[] {
  return issue.items.flatMap((item, i) => {
    const lead = isLead(issue, i);
    const make = () => itemBlocks(item, lead, t, grid, fonts);
    return cache ? cache.blocks(item, lead, make) : make();
  });
}

/** One empty grid line. */
export function spaceBlock(size: number): Block {
  return { kind: 'space', lines: [{ runs: [], width: 0, text: '' }], size, offsets: [0] };
}
