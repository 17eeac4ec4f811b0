// `bulletin volume`: a year's issues bound as one PDF (合订本). Every issue is
// checked as `build` checks it, then laid out once, numbered on from the
// volume's page before it; its masthead keeps its own 第N期. Fonts are opened
// once per process (src/fonts/face.ts), so fifty issues share them.

import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { sortDiagnostics } from '../diagnostics/sort.js';
import { checkIssue } from '../pipeline/check.js';
import type { FontSet } from '../fonts/fontset.js';
import { layoutIssue, type Page } from '../layout/index.js';
import type { Template } from '../template/model.js';
import { writeOutput } from '../pipeline/build.js';
import { compareIssues, issueFolders } from '../series/load.js';
import { contentsEntries, indexEntries, itemLabel, listPages, titlePage, type VolumeIssue } from './front.js';
import { volumeSettings } from './settings.js';

export interface VolumeOptions {
  dir: string;
  output: string;
  /** Only issues dated in this year; default: the year of the latest issue. */
  year?: number;
  date: Date;
}

export interface VolumeResult {
  diagnostics: Diagnostic[];
  sources: Record<string, string>;
  written?: string;
  pages?: number;
  issues?: number;
  /** Volume page of each issue's masthead, in order. */
  starts?: number[];
}

export async function buildVolume(o: VolumeOptions): Promise<VolumeResult> {
  const diagnostics: Diagnostic[] = [];
  const sources: Record<string, string> = {};
  const ready: Array<{ dir: string; issue: VolumeIssue['issue']; template: Template; fonts: FontSet }> = [];
  for (const folder of issueFolders(o.dir)) {
    const r = await checkIssue(folder);
    diagnostics.push(...r.diagnostics);
    Object.assign(sources, r.sources);
    if (r.ready) ready.push({ dir: folder, ...r.ready });
  }
  const sorted = sortDiagnostics(diagnostics, Object.keys(sources));
  if (sorted.some((d) => d.severity === 'error')) return { diagnostics: sorted, sources };
  const year = o.year ?? Math.max(...ready.map((r) => r.issue.date.year));
  const chosen = ready.filter((r) => r.issue.date.year === year).sort((a, b) => compareIssues(a, b));
  if (chosen.length === 0) {
    return { diagnostics: [...sorted, { file: o.dir, start: { line: 1, column: 1 }, severity: 'error', rule: 'series/no-issues', args: { path: o.dir } }], sources };
  }

  // The volume's pages are set in the first issue's template and fonts.
  const { template: t, fonts } = chosen[0]!;
  const v = volumeSettings();
  const odd = (n: number) => (n % 2 === 1 ? n : n + 1);
  const blank = (): Page => ({ width: t.page.width, height: t.page.height, items: [] });
  const entries: VolumeIssue[] = chosen.map((c) => ({ issue: c.issue }));

  // Count the contents and index pages with placeholder numbers: they take the same room as the real ones.
  const contentsStart = 3;
  const contentsCount = listPages(v.contents, contentsEntries(entries, t, v), contentsStart, t, fonts).length;
  const indexStart = odd(contentsStart + contentsCount);
  const indexCount = listPages(v.index, indexEntries(entries, t, v), indexStart, t, fonts).length;

  // Each issue laid out once, starting on a right-hand page.
  let next = odd(indexStart + indexCount);
  const issuePages: Page[][] = [];
  chosen.forEach((c, k) => {
    const pages = layoutIssue(c.issue, c.template, c.fonts, undefined, next);
    entries[k]!.start = next;
    entries[k]!.itemPages = itemPagesOf(c.issue, pages, next, v);
    issuePages.push(pages);
    next = odd(next + pages.length);
  });

  const all: Page[] = [titlePage(chosen.map((c) => c.issue), t, fonts, v), blank()];
  const push = (pages: Page[], upTo: number) => {
    all.push(...pages);
    while (all.length < upTo - 1) all.push(blank());
  };
  push(listPages(v.contents, contentsEntries(entries, t, v), contentsStart, t, fonts), indexStart);
  push(listPages(v.index, indexEntries(entries, t, v), indexStart, t, fonts), entries[0]!.start!);
  issuePages.forEach((pages, k) => push(pages, entries[k + 1]?.start ?? all.length + pages.length + 1));

  const faces: FontSet['faces'] = new Map();
  for (const c of chosen) for (const [id, f] of c.fonts.faces) if (!faces.has(id)) faces.set(id, f);
  const colors = Object.assign({}, ...chosen.map((c) => c.template.colors).reverse()) as Template['colors'];
  const first = chosen[0]!.issue;
  const { renderPdf } = await import('../render/pdf/index.js');
  const bytes = await renderPdf(all, faces, colors, {
    title: `${first.masthead.value} ${year}年合订本`,
    author: first.publisher.value,
    creationDate: o.date,
  });
  const failed = writeOutput(o.output, bytes);
  if (failed) return { diagnostics: [...sorted, failed], sources };
  return { diagnostics: sorted, sources, written: o.output, pages: all.length, issues: chosen.length, starts: entries.map((e) => e.start!) };
}

/**
 * The volume page each item starts on: found by its first characters in the
 * laid-out pages' text, searching on from the previous item's page (the
 * display list knows runs, not items). Not found: the issue's first page.
 */
function itemPagesOf(issue: VolumeIssue['issue'], pages: Page[], start: number, v: ReturnType<typeof volumeSettings>): number[] {
  const texts = pages.map((p) => p.items.map((i) => (i.kind === 'glyphs' ? i.text : '')).join('').replace(/\s+/g, ''));
  let at = 0;
  return issue.items.map((item) => {
    const needle = itemLabel(item, v).replace(/…$/, '').replace(/\s+/g, '').slice(0, 8);
    const found = texts.findIndex((t, i) => i >= at && t.includes(needle));
    if (found >= 0) at = found;
    return start + (found >= 0 ? found : at);
  });
}
