// The words an issue prints and the role each is set in, made once from the
// Issue and the template. Every output (the PDF layout, the Word file) reads
// them from here, so none of them decides the content again.

import type { CellAlign, DistributionLine, Figure, ImageFile, Inline, Issue, Item, Table } from '../issue/model.js';
import { attributed } from '../issue/attribution.js';
import { joinLines } from '../issue/line-breaks.js';
import type { Role, Template } from '../template/model.js';

/** `第{number}期` with `{number}` filled in. */
export function fill(format: string, values: Record<string, string | number | undefined>): string {
  return format.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ''));
}

/** The lead (头条) is the first item when it is not a brief. */
export function isLead(issue: Issue, index: number): boolean {
  return index === 0 && issue.items[0]?.kind === 'item';
}

/** `第7期` and, when a total is given, `（总第312期）`. */
export function numberLine(issue: Issue, t: Template): string {
  const m = t.masthead.number;
  return fill(issue.supplement ? m.supplement : m.format, { number: issue.number }) + (issue.total ? fill(m.total, { total: issue.total }) : '');
}

/** The number line named with its series where it has one (防汛专刊第3期): for lists that mix the numberings. */
export function numberWithSeries(issue: Issue, t: Template): string {
  return (issue.series?.value ?? '') + numberLine(issue, t);
}

export function dateLine(issue: Issue, t: Template): string {
  return fill(t.masthead.date.format, { ...issue.date });
}

/** `本期送：` and `区县处级领导`: the label with its separator, and the recipients joined with 、. */
export function distributionParts(d: DistributionLine, t: Template): { label: string; recipients: string } {
  return { label: d.label + t.footer.separator, recipients: d.recipients.join('、') };
}

/** The 报尾's recipient lines in print order: 报/送/发 as written, then 本期增发 (a list takes the template's label). */
export function footerDistribution(issue: Issue, t: Template): Array<{ label: string; recipients: string }> {
  const extra = (issue.extraDistribution ?? []).map((d) => ({ ...d, label: d.label || t.footer.extraDistribution }));
  return [...issue.distribution, ...extra].map((d) => distributionParts(d, t));
}

/** `签发：张三　审核：李四　校对：王五`, or undefined without `signOff`. */
export function signOffLine(issue: Issue, t: Template): string | undefined {
  const s = t.signOff;
  return issue.signOff?.map((e) => `${e.label}${s.separator}${e.name}`).join(s.gap);
}

/** The series line under the masthead name (`防汛专刊`), or undefined for a regular issue. */
export function seriesLine(issue: Issue, t: Template): string | undefined {
  return issue.series ? fill(t.masthead.series.format, { series: issue.series.value }) : undefined;
}

/** The brief marker with its space, the issue's own character (`briefMarker: ◆`) in place of the template's. */
export function briefMarker(t: Template, issueMarker?: string): string {
  return issueMarker ? t.brief.marker.replace(/^\S+/u, issueMarker) : t.brief.marker;
}

export function editorLine(issue: Issue, t: Template): string | undefined {
  return issue.editor ? fill(t.footer.editor, { editor: issue.editor.value }) : undefined;
}

export function copiesLine(issue: Issue, t: Template): string | undefined {
  return issue.copies ? fill(t.footer.copies, { copies: issue.copies }) : undefined;
}

/** The page number format split around `{n}`: `— ` and ` —`. */
export function pageNumberParts(t: Template): { before: string; after: string } {
  const [before = '', ...rest] = t.pageNumber.format.split('{n}');
  return { before, after: rest.join('') };
}

/** What a piece of an item is, so an output can style it by name (Word's character styles). */
export type PartKind = 'text' | 'strong' | 'emphasis' | 'title' | 'separator' | 'marker' | 'attribution' | 'caption' | 'note-label' | 'note';

export interface Part {
  text: string;
  role: Role;
  kind: PartKind;
}

/** An image set on its own, and the caption under it. */
export interface FigureParts {
  image: ImageFile;
  caption?: Part;
}

/** A cell's words and where they sit in it. */
export interface CellParts {
  parts: Part[];
  align: CellAlign;
}

/** A table: its header row first (set in the header face, repeated on each page it runs onto). */
export interface TableParts {
  rows: CellParts[][];
  /** Rows at the top that are the header (GFM has one). */
  header: number;
  table: Table;
}

export type BodyPart = Part[] | FigureParts | TableParts;

export interface ItemParts {
  /** A title set on its own: the lead's display title, or any title when the template says `block`. */
  title?: { text: string; role: Role; display: boolean };
  /** The item's 编者按 (noteParagraphs): after a title set on its own, else before the item's first paragraph. */
  note?: Part[][];
  /** Body paragraphs with the run-in title, the brief marker and the attribution in place, figures and tables. */
  paragraphs: BodyPart[];
}

export function isFigure(p: BodyPart): p is FigureParts {
  return 'image' in p;
}

export function isTable(p: BodyPart): p is TableParts {
  return 'rows' in p;
}

/**
 * A figure in a statistics table: digits with their sign, point, thousands commas and % or ‰, or a
 * dash for "none". Set flush right so that units line up, unless the delimiter row aligns the column.
 */
const NUMERIC = /^[+\-−±]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?\s*[%‰％]?$|^[—–\-－]+$/;

export function isNumeric(text: string): boolean {
  return NUMERIC.test(text.trim());
}

export function tableParts(table: Table, t: Template): TableParts {
  const rows = table.rows.map((cells, r) =>
    cells.map((cell, c): CellParts => {
      const header = r === 0;
      const parts = cell.inlines.map((i) => (header ? { text: i.text, role: t.table.header.font, kind: 'text' as const } : inlinePart(i, t, t.table.font)));
      const text = parts.map((p) => p.text).join('');
      const align = header ? t.table.header.align : (table.align[c] ?? (isNumeric(text) ? 'right' : 'left'));
      return { parts: withoutLeadingSpace(parts), align };
    }),
  );
  return { rows, header: 1, table };
}

function inlinePart(inline: Inline, t: Template, plain: Role = t.body.font): Part {
  if (inline.style === 'strong') return { text: inline.text, role: t.item.title.font, kind: 'strong' };
  if (inline.style === 'emphasis') return { text: inline.text, role: 'emphasis', kind: 'emphasis' };
  return { text: inline.text, role: plain, kind: 'text' };
}

function figureParts(f: Figure, t: Template): FigureParts {
  if (!f.image) throw new Error(`the image ${f.src} was not read`);
  return { image: f.image, ...(f.caption ? { caption: { text: f.caption.text, role: t.figure.caption.font, kind: 'caption' } } : {}) };
}

/** `（区发改委）`, or nothing when the item prints no attribution (`attribution: false`, or a brief by the template's default). */
export function attribution(item: Item, t: Template): string | undefined {
  if (!item.department || !attributed(item, t.brief.attribution)) return undefined;
  return `${t.attribution.open}${item.department.text}${t.attribution.close}`;
}

/** Text pasted from Word often starts a paragraph with 　　 for the indent; the template indents every paragraph itself. */
function withoutLeadingSpace(parts: Part[]): Part[] {
  while (parts[0] && /^[\s\u3000]/.test(parts[0].text)) {
    const text = parts[0].text.replace(/^[\s\u3000]+/, '');
    if (text) parts[0] = { ...parts[0], text };
    else parts.shift();
  }
  return parts;
}

/**
 * A 编者按 in paragraphs: `编者按：` in the label's face (黑体) opens the first, the note runs on in the
 * note's face (楷体). A blank line in the note starts a new paragraph; a single line break joins as in
 * Markdown text (nothing between Chinese characters).
 */
export function noteParagraphs(text: string, t: Template): Part[][] {
  const paragraphs = text.split(/\n[ \t\u3000]*\n\s*/).map((p) => joinLines(p.split('\n').map((l) => l.trim()))).filter((p) => p !== '');
  return paragraphs.map((p, i) => [
    ...(i === 0 ? [{ text: t.note.label, role: t.note.labelFont, kind: 'note-label' as const }] : []),
    { text: p, role: t.note.font, kind: 'note' as const },
  ]);
}

/** The issue's own 编者按 (issue.yaml `note`), set after the masthead, before the lead item. */
export function issueNote(issue: Issue, t: Template): Part[][] | undefined {
  return issue.note ? noteParagraphs(issue.note.value, t) : undefined;
}

export function itemParts(item: Item, lead: boolean, t: Template): ItemParts {
  const parts = itemPartsWithoutNote(item, lead, t);
  return item.note ? { ...parts, note: noteParagraphs(item.note.text, t) } : parts;
}

function itemPartsWithoutNote(item: Item, lead: boolean, t: Template): ItemParts {
  const body = t.body.font;
  const paragraphs: BodyPart[] = item.paragraphs.map((p) =>
    p.figure ? figureParts(p.figure, t) : p.table ? tableParts(p.table, t) : withoutLeadingSpace(p.inlines.map((i) => inlinePart(i, t))),
  );
  // The attribution closes the last paragraph of text, also when figures follow it (a report ends
  // with its department, the photos are shown with it). A table is part of the text: after a closing
  // table the attribution stands alone on the next line, flush right; with no text at all, after the figures.
  const signed = attribution(item, t);
  const lastWords = paragraphs.findLastIndex((p) => Array.isArray(p) || isTable(p));
  let closing: Part[] = [];
  if (lastWords >= 0 && Array.isArray(paragraphs[lastWords])) closing = paragraphs[lastWords] as Part[];
  else if (signed && lastWords >= 0) paragraphs.splice(lastWords + 1, 0, closing);
  else if (signed) paragraphs.push(closing);
  if (signed) closing.push({ text: signed, role: body, kind: 'attribution' });
  // The marker and a run-in title start the first paragraph; before a figure they get one of their own.
  const opening = (): Part[] => {
    const first = paragraphs[0]!;
    if (Array.isArray(first)) return first;
    const own: Part[] = [];
    paragraphs.unshift(own);
    return own;
  };

  if (item.kind === 'brief') {
    opening().unshift({ text: t.brief.marker, role: body, kind: 'marker' });
    return { paragraphs };
  }
  if (item.title && lead) return { title: { text: item.title.text, role: t.lead.title.font, display: true }, paragraphs };
  if (item.title && t.item.title.style === 'run-in') {
    opening().unshift(
      // A run-in title runs on with its paragraph: a line break written in it joins, as in Markdown text.
      { text: item.title.text.replace(/\s*\n\s*/g, ''), role: t.item.title.font, kind: 'title' },
      { text: t.item.title.separator, role: body, kind: 'separator' },
    );
    return { paragraphs };
  }
  if (item.title) return { title: { text: item.title.text, role: t.item.title.font, display: false }, paragraphs };
  return { paragraphs };
}

/**
 * The numbering an issue belongs to: '' for the regular issues, 增刊 for supplements, the series'
 * own name (防汛专刊) for a named series. Each is numbered on its own.
 */
export function numberingOf(issue: Issue): string {
  return issue.series?.value ?? (issue.supplement ? '增刊' : '');
}
