// The lint stage: house-style checks on a loaded issue. Warnings only; each
// can be switched off in issue.yaml (`lint:`). Reads the Issue model and the
// source texts, never the file system.

import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Issue, Item } from '../issue/model.js';
import type { Template } from '../template/model.js';
import { checkEnumeration } from './enumeration.js';
import { Findings, type Fix } from './findings.js';
import { checkPunctuation } from './punctuation.js';
import { checkTitle, titleMeasure, type TitleMeasure } from './titles.js';
import { mapRuns, type MappedText } from './text-map.js';

export type { Fix } from './findings.js';

export interface LintResult {
  diagnostics: Diagnostic[];
  fixes: Fix[];
}

/**
 * Lints one item; a long-lived caller (watch mode) returns its earlier result while the Item
 * object (its file's text) and `key` (the item's place as lead, the title measure and the
 * rules switched off) are the same.
 */
export type ItemLintCache = (item: Item, key: string, lint: () => LintResult) => LintResult;

/** `template` gives the line lengths for the title check; without it that check is skipped. */
export function lintIssue(issue: Issue, template?: Template, cache?: ItemLintCache): LintResult {
  const off = new Set(issue.lintOff ?? []);
  const measure = template ? titleMeasure(template) : undefined;
  // Each item's findings are counted per file, so an item is linted on its own.
  const context = JSON.stringify([measure, issue.lintOff ?? []]);
  const items = issue.items.map((item, i) => {
    const lead = i === 0 && item.kind === 'item';
    const lint = () => lintItem(item, lead, measure, issue.sources, off);
    return cache ? cache(item, `${lead}${context}`, lint) : lint();
  });
  const f = new Findings(issue.sources, off);
  if (issue.note) {
    const note = mapRuns([{ text: issue.note.value, style: 'plain', at: issue.note.at }], issue.sources[issue.issueFile] ?? '', false);
    if (note) checkPunctuation(note, f);
  }
  f.finish();
  return { diagnostics: [...items.flatMap((r) => r.diagnostics), ...f.diags.list], fixes: [...items.flatMap((r) => r.fixes), ...f.fixes] };
}

function lintItem(item: Item, lead: boolean, measure: TitleMeasure | undefined, sources: Record<string, string>, off: ReadonlySet<string>): LintResult {
  const f = new Findings(sources, off);
  const source = sources[item.file] ?? '';
  if (item.title) {
    const title = mapRuns([item.title], source, false);
    if (title) {
      checkPunctuation(title, f);
      checkTitle(title, lead, measure, f);
    }
  }
  // A 编者按 is printed text too, written in the front matter (reported, not fixed, as a title is).
  const note = item.note && mapRuns([item.note], source, false);
  if (note) checkPunctuation(note, f);
  const paragraphs = item.paragraphs.map((p) => mapRuns(p.inlines, source, true)).filter((m): m is MappedText => m !== undefined);
  for (const p of paragraphs) checkPunctuation(p, f);
  checkEnumeration(paragraphs, f);
  // A caption is printed text too (no 一是/二是 in it to count).
  for (const p of item.paragraphs) {
    const caption = p.figure?.caption && mapRuns([p.figure.caption], source, true);
    if (caption) checkPunctuation(caption, f);
    // So is a table cell's.
    for (const cell of p.table?.rows.flat() ?? []) {
      const text = mapRuns(cell.inlines, source, true);
      if (text) checkPunctuation(text, f);
    }
  }
  f.finish();
  return { diagnostics: f.diags.list, fixes: f.fixes };
}

/** Diagnostics without the rules that issue.yaml switches off (for the loader's item/attribution-duplicated). */
export function withoutSwitchedOff(list: Diagnostic[], issue: Pick<Issue, 'lintOff'> | undefined): Diagnostic[] {
  const off = new Set(issue?.lintOff ?? []);
  return off.size === 0 ? list : list.filter((d) => !off.has(d.rule));
}
