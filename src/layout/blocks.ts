// The body of an issue as blocks of grid lines: the lead's display title, item
// paragraphs with run-in titles and attributions, figures, and the △ briefs.

import { isFigure, isLead, issueNote, isTable, itemParts, type Part, type TableParts } from '../content/printed-words.js';
import type { Issue, Item } from '../issue/model.js';
import type { Role, Template } from '../template/model.js';
import type { Piece } from './compose.js';
import type { Block } from './block.js';
import type { StructTag } from './display-list.js';
import { figureBlock } from './figure.js';
import type { Grid } from './grid.js';
import type { FaceChooser } from './metrics.js';
import { layoutTable, type TableLayout } from './table.js';
import { composeLonger, composeParagraph } from './text.js';
import { titleLines } from './title.js';

export type { Block, PlacedImage } from './block.js';

/** A display title in balanced lines of whole words (title.ts), centred or flush left, each line its own grid line. */
export function titleBlock(
  text: string, t: Template, grid: Grid, fonts: FaceChooser,
  style: { font: Role; size: number; color: string } = t.lead.title, align: 'left' | 'center' = 'center',
): Block {
  // The lead title's `narrower`, in ems of whatever size this title is set in.
  const narrower = (t.lead.title.narrower / t.lead.title.size) * style.size;
  const lines = titleLines(text, style, grid.measure, { narrower, maxLines: t.lead.title.maxLines }, fonts);
  return { kind: 'title', lines, size: style.size, offsets: lines.map((l) => (align === 'center' ? (grid.measure - l.width) / 2 : 0)) };
}

function paragraphBlock(pieces: Piece[], t: Template, grid: Grid, fonts: FaceChooser, tag: StructTag): Block {
  const opt = { measure: grid.measure, indent: t.body.indent * grid.cell, tracking: grid.cell - t.body.size, justify: true, maxStretch: t.body.maxStretch, ellipsisClose: t.body.ellipsisClose };
  const lines = composeParagraph(pieces, fonts, opt);
  const longer = () => composeLonger(pieces, fonts, opt, lines.length, t.body.maxStretch * (t.grid.chars - 1));
  return { kind: 'paragraph', lines, size: t.body.size, offsets: lines.map(() => 0), tag, longer };
}

/** A 编者按's paragraphs (parts.ts) on the grid, composed like body text, then `space` blank lines. */
export function noteBlocks(note: Part[][], space: number, t: Template, grid: Grid, fonts: FaceChooser, parent: StructTag): Block[] {
  const blocks: Block[] = note.map((parts) => {
    const paragraph: StructTag = { type: 'P', parent };
    const pieces = parts.map((p): Piece => ({ text: p.text, role: p.role, size: t.body.size, color: t.body.color, ...(p.kind === 'note-label' ? { keep: 'whole' as const } : {}) }));
    return { ...paragraphBlock(pieces, t, grid, fonts, paragraph), keepWithNext: true };
  });
  for (let i = 0; i < space; i++) blocks.push(spaceBlock(t.body.size));
  return blocks;
}

export function itemBlocks(item: Item, lead: boolean, t: Template, grid: Grid, fonts: FaceChooser): Block[] {
  // Pieces in the shape of every other piece (a spread made two more), so that code V8 optimised for them stays.
  const piece = (p: Part, paragraph: StructTag): Piece => {
    const made: Piece = { text: p.text, role: p.role, size: t.body.size, color: t.body.color };
    if (p.role === t.body.font) made.latin = t.body.latin;
    if (p.kind === 'title') made.tag = { type: 'Span', parent: paragraph };
    // An attribution is never broken; a run-in title only between words.
    if (p.kind === 'attribution') made.keep = 'whole';
    else if (p.kind === 'title') made.keep = 'words';
    return made;
  };
  const parts = itemParts(item, lead, t);
  const blocks: Block[] = [];
  // Each item an article of the logical structure: its title a heading, its paragraphs, its figures.
  const article: StructTag = { type: 'Art' };
  if (parts.title?.display) {
    blocks.push({ ...titleBlock(parts.title.text, t, grid, fonts), tag: { type: 'H1', parent: article } });
    for (let i = 0; i < t.lead.title.spaceAfter; i++) blocks.push(spaceBlock(t.body.size));
  } else if (parts.title) {
    const style = { font: parts.title.role, size: t.body.size, color: t.body.color };
    blocks.push({ ...titleBlock(parts.title.text, t, grid, fonts, style, t.item.title.align), tag: { type: 'H2', parent: article } });
  }
  // 编者按 precedes the text it introduces: under a title of its own, else before the run-in title or △.
  if (parts.note) blocks.push(...noteBlocks(parts.note, t.note.spaceAfter, t, grid, fonts, article));
  for (const [i, p] of parts.paragraphs.entries()) {
    if (isTable(p)) {
      blocks.push(...tableBlocks(p, t, grid, fonts, article));
      continue;
    }
    if (!isFigure(p)) {
      const paragraph: StructTag = { type: 'P', parent: article };
      blocks.push({ ...paragraphBlock(p.map((part) => piece(part, paragraph)), t, grid, fonts, paragraph), ...(i === 0 ? { opensItem: true } : {}) });
      continue;
    }
    for (let i = 0; i < t.figure.spaceBefore; i++) blocks.push(spaceBlock(t.body.size));
    const caption = p.caption ? titleBlock(p.caption.text, t, grid, fonts, t.figure.caption, 'center') : undefined;
    const figure = figureBlock(p, caption, t, grid);
    // The caption is the figure's alternative text; without one, the image's file name is all there is.
    const alt = p.caption?.text ?? p.image.path.split(/[\\/]/).pop()!;
    figure.image = { ...figure.image!, tag: { type: 'Figure', parent: article, alt } };
    blocks.push({ ...figure, tag: { type: 'Caption', parent: article } });
    for (let i = 0; i < t.figure.spaceAfter; i++) blocks.push(spaceBlock(t.body.size));
  }
  return blocks;
}

function tableBlocks(p: TableParts, t: Template, grid: Grid, fonts: FaceChooser, article: StructTag): Block[] {
  const table = layoutTable(p, t, grid, fonts, article);
  const lines = table.rows.reduce((n, r) => n + r.lines, 0);
  const empty = { runs: [], width: 0, text: '' };
  const spaces = (n: number) => Array.from({ length: n }, () => spaceBlock(t.body.size));
  const block: Block = { kind: 'table', lines: Array.from({ length: lines }, () => empty), size: t.table.size, offsets: Array<number>(lines).fill(0), table };
  return [...spaces(t.table.spaceBefore), block, ...spaces(t.table.spaceAfter)];
}

/** Keeps an item's blocks between builds (watch mode). Its owner keys it by the item's content and
 *  lead flag, and drops it when the template or the fonts change: `make` lays the item out afresh. */
export interface BlockCache {
  blocks(item: Item, lead: boolean, make: () => Block[]): Block[];
}

export function bodyBlocks(issue: Issue, t: Template, grid: Grid, fonts: FaceChooser, cache?: BlockCache): Block[] {
  // The issue's 编者按 opens the body: after the masthead, before the lead item.
  const note = issueNote(issue, t);
  const head = note ? noteBlocks(note, t.note.issueSpaceAfter, t, grid, fonts, { type: 'Div' }) : [];
  return head.concat(issue.items.flatMap((item, i) => {
    const lead = isLead(issue, i);
    const make = () => itemBlocks(item, lead, t, grid, fonts);
    return cache ? cache.blocks(item, lead, make) : make();
  }));
}

/** One empty grid line. */
export function spaceBlock(size: number): Block {
  return { kind: 'space', lines: [{ runs: [], width: 0, text: '' }], size, offsets: [0] };
}
