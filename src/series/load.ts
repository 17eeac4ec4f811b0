// A series: the issue folders inside one folder (any names), each read with the
// issue loader, in the order of their numbering.

import fs from 'node:fs';
import path from 'node:path';
import { Diagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import { loadIssue } from '../issue/load.js';
import type { Issue } from '../issue/model.js';
import { compareNames } from '../issue/order.js';
import { numberingOf } from '../content/printed-words.js';

export interface SeriesIssue {
  /** The issue folder as shown (DIR joined with its name). */
  dir: string;
  /** The issue, or the issue without its broken items: its number, date and distribution still count. */
  issue: Issue;
  /** True when the issue loaded without errors. */
  complete: boolean;
}

export interface Series {
  /** Regular issues, then supplements, then each named series, each in numbering order (year, number, total, folder). */
  issues: SeriesIssue[];
  /** The loaders' own diagnostics, and series/no-issues. */
  diagnostics: Diagnostic[];
  sources: Record<string, string>;
}

/** Sub-folders that hold an issue.yaml or a .md file; `_x` and `.x` folders are drafts, as files are. */
export function issueFolders(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && !/^[_.]/.test(e.name))
    .filter((e) => fs.readdirSync(path.join(dir, e.name)).some((f) => f === 'issue.yaml' || f.endsWith('.md')))
    .map((e) => e.name)
    .sort(compareNames)
    .map((name) => path.join(dir, name));
}

export async function loadSeries(dir: string): Promise<Series> {
  const diags = new Diagnostics();
  const sources: Record<string, string> = {};
  const issues: SeriesIssue[] = [];
  const folders = issueFolders(dir);
  if (folders.length === 0) diags.error(dir, { line: 1, column: 1 }, 'series/no-issues', { path: dir });
  for (const folder of folders) {
    const loaded = await loadIssue(folder);
    diags.merge(loaded.diagnostics);
    Object.assign(sources, loaded.sources);
    const issue = loaded.issue ?? loaded.partial;
    if (issue) issues.push({ dir: folder, issue, complete: !!loaded.issue });
  }
  issues.sort(compareIssues);
  return { issues, diagnostics: diags.list, sources };
}


/** Regular issues first, then supplements, then named series by name; then by year, number, total, folder name. */
export function compareIssues(a: { dir: string; issue: Issue }, b: { dir: string; issue: Issue }): number {
  const x = a.issue;
  const y = b.issue;
  const rank = (i: Issue) => (i.series ? 2 : i.supplement ? 1 : 0);
  return (
    rank(x) - rank(y) ||
    compareNames(numberingOf(x), numberingOf(y)) ||
    x.date.year - y.date.year ||
    x.number - y.number ||
    (x.total ?? 0) - (y.total ?? 0) ||
    compareNames(a.dir, b.dir)
  );
}

/** `2025-01-20` */
export function isoOf(i: Issue): string {
  return `${i.date.year}-${String(i.date.month).padStart(2, '0')}-${String(i.date.day).padStart(2, '0')}`;
}
