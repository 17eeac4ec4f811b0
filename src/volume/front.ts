// The volume's own pages: title page, contents by issue, index by department.
// Set on the issue template's grid, one entry a grid line or more, its page
// number at the right. The width kept for page numbers is fixed, so the pages
// come out the same with placeholder numbers (to count them) and with the real ones.

import { dateLine, fill, numberWithSeries } from '../content/printed-words.js';
import type { Issue, Item } from '../issue/model.js';
import { pageNumber, type DisplayItem, type GlyphRun, type Page } from '../layout/index.js';
import { baselineOf, gridOf, type Grid } from '../layout/grid.js';
import type { FaceChooser } from '../layout/metrics.js';
import { composeParagraph, inkWidth, place, setSingleLine } from '../layout/text.js';
import type { Role, Template, TextStyle } from '../template/model.js';
import type { VolumeSettings } from './settings.js';

export interface VolumeIssue {
  issue: Issue;
  /** Volume page of the masthead; undefined while the pages are counted. */
  start?: number;
  /** Volume page where each item starts, in issue.items order. */
  itemPages?: number[];
}

interface Entry {
  text: string;
  style: TextStyle;
  indent: number;
  page?: number;
  /** Kept on the page of the entry after it (an issue's or department's heading). */
  heading?: boolean;
}

/** The title for an item in the contents and index: its title, or a brief's first characters. */
export function itemLabel(item: Item, v: VolumeSettings): string {
  if (item.title) return item.title.text;
  const text = item.paragraphs.flatMap((p) => p.inlines.map((i) => i.text)).join('');
  return text.length > v.briefChars ? `${text.slice(0, v.briefChars)}…` : text;
}

export function titlePage(issues: Issue[], t: Template, fonts: FaceChooser, v: VolumeSettings): Page {
  const grid = gridOf(t);
  // The range counts regular issues (supplements, 增刊, and named series, 专刊, are numbered apart and bound after them).
  const regular = issues.filter((i) => !i.supplement && !i.series);
  const first = regular[0] ?? issues[0]!;
  const last = regular[regular.length - 1] ?? first;
  const items: DisplayItem[] = [];
  const centred = (text: string, s: TextStyle, line: number, tracking = 0) => {
    const l = setSingleLine([{ text, role: s.font, size: s.size, color: s.color }], fonts, tracking);
    items.push(...place(l, grid.left + (grid.measure - inkWidth(l, tracking)) / 2, baselineOf(grid, line, s.size)));
  };
  const m = t.masthead;
  centred(first.masthead.value, m.name, v.titlePage.nameLine, m.name.letterSpacing);
  centred(fill(v.titlePage.title, { year: first.date.year }), t.lead.title, v.titlePage.titleLine);
  centred(fill(v.titlePage.range, { first: first.number, last: last.number }), m.number, v.titlePage.rangeLine);
  centred(first.publisher.value, m.publisher, v.titlePage.publisherLine);
  return { width: t.page.width, height: t.page.height, items };
}

export function contentsEntries(issues: VolumeIssue[], t: Template, v: VolumeSettings): Entry[] {
  const heading: TextStyle = { font: t.item.title.font, size: t.body.size, color: t.body.color };
  const body: TextStyle = { font: t.body.font, size: t.body.size, color: t.body.color };
  return issues.flatMap(({ issue, start, itemPages }) => [
    { text: fill(v.issueEntry, { number: numberWithSeries(issue, t), date: dateLine(issue, t) }), style: heading, indent: 0, page: start, heading: true },
    ...issue.items.filter((i) => i.title).map((item) => ({ text: itemLabel(item, v), style: body, indent: v.itemIndent, page: itemPages?.[issue.items.indexOf(item)] })),
  ]);
}

/** Departments in order of first appearance; under each, its items in issue order. */
export function indexEntries(issues: VolumeIssue[], t: Template, v: VolumeSettings): Entry[] {
  const heading: TextStyle = { font: t.item.title.font, size: t.body.size, color: t.body.color };
  const body: TextStyle = { font: t.body.font, size: t.body.size, color: t.body.color };
  const byDept = new Map<string, Entry[]>();
  for (const { issue, itemPages } of issues) {
    issue.items.forEach((item, k) => {
      // An unattributed piece without a department has no place in an index by department.
      if (!item.department) return;
      const list = byDept.get(item.department.text) ?? [];
      list.push({ text: fill(v.indexEntry, { number: numberWithSeries(issue, t), title: itemLabel(item, v) }), style: body, indent: v.itemIndent, page: itemPages?.[k] });
      byDept.set(item.department.text, list);
    });
  }
  return [...byDept].flatMap(([dept, list]) => [{ text: dept, style: heading, indent: 0, heading: true }, ...list]);
}

/** Entries under a centred heading, on as many pages as they take, numbered from `firstPage`. */
export function listPages(title: string, entries: Entry[], firstPage: number, t: Template, fonts: FaceChooser): Page[] {
  const grid = gridOf(t);
  type Line = { runs: GlyphRun[]; size: number };
  const titleLine = setSingleLine([{ text: title, role: t.lead.title.font, size: t.lead.title.size, color: t.body.color }], fonts);
  // An entry's lines stay on one page, and a heading stays with the entry after it.
  const blocks: Array<{ lines: Line[]; heading?: boolean }> = [
    { lines: [{ runs: place(titleLine, (grid.measure - titleLine.width) / 2, 0), size: t.lead.title.size }, { runs: [], size: t.body.size }] },
    ...entries.map((e) => ({ lines: entryLines(e, grid, fonts), ...(e.heading ? { heading: true } : {}) })),
  ];
  const pages: Line[][] = [[]];
  blocks.forEach((b, i) => {
    const need = b.lines.length + (b.heading ? (blocks[i + 1]?.lines.length ?? 0) : 0);
    let page = pages[pages.length - 1]!;
    if (page.length > 0 && page.length + need > grid.lines) pages.push((page = []));
    page.push(...b.lines);
  });
  return pages.map((page, p) => {
    const items: DisplayItem[] = [];
    page.forEach((l, i) => items.push(...l.runs.map((r) => ({ ...r, x: grid.left + r.x, y: baselineOf(grid, i, l.size) }))));
    items.push(...pageNumber(firstPage + p, t, grid, fonts));
    return { width: t.page.width, height: t.page.height, items };
  });
}

function entryLines(e: Entry, grid: Grid, fonts: FaceChooser): Array<{ runs: GlyphRun[]; size: number }> {
  const piece = (text: string, role: Role = e.style.font) => ({ text, role, size: e.style.size, color: e.style.color });
  const indent = e.indent * e.style.size;
  // Room for four digits and a space, whatever the number: the line breaks do not depend on it.
  const reserved = setSingleLine([piece('　0000', 'body')], fonts).width;
  const text = composeParagraph([piece(e.text)], fonts, { measure: grid.measure - indent - reserved, indent: 0, tracking: 0, justify: false });
  const out = text.map((line) => ({ runs: place(line, indent, 0), size: e.style.size }));
  if (e.page !== undefined) {
    const n = setSingleLine([piece(String(e.page), 'body')], fonts);
    out[out.length - 1]!.runs.push(...place(n, grid.measure - n.width, 0));
  }
  return out;
}
