// `bulletin series DIR`: the issues of a folder checked as one series. Numbers
// run on within a year (第N期) and across years (总第N期), dates do not go back,
// supplements (增刊) keep their own numbering, and the distribution list does
// not change without a word. Supplements (增刊) and each named series (专刊)
// keep their own numbering. Reported at the issue.yaml line to fix.

import { Diagnostics, positionAt, type Diagnostic, type Position } from '../diagnostics/diagnostic.js';
import { sortDiagnostics } from '../diagnostics/sort.js';
import type { DistributionLine, Issue } from '../issue/model.js';
import { numberingOf } from '../content/printed-words.js';
import { isoOf, loadSeries, type SeriesIssue } from './load.js';

export interface SeriesResult {
  issues: SeriesIssue[];
  diagnostics: Diagnostic[];
  sources: Record<string, string>;
}

export async function checkSeries(dir: string): Promise<SeriesResult> {
  const series = await loadSeries(dir);
  const diags = new Diagnostics();
  diags.merge(series.diagnostics);
  const at = (s: SeriesIssue, key: string) => keyPosition(series.sources[s.issue.issueFile] ?? '', key);

  // Regular issues, 增刊 and each named series (防汛专刊) are numbered apart, each within its year.
  const regular = series.issues.filter((s) => numberingOf(s.issue) === '');
  for (const numbering of new Set(series.issues.map((s) => numberingOf(s.issue)))) {
    const list = series.issues.filter((s) => numberingOf(s.issue) === numbering);
    for (const year of new Set(list.map((s) => s.issue.date.year))) {
      runsOn(list.filter((s) => s.issue.date.year === year), (s) => s.issue.number, (s, fault, args) => {
        diags.error(s.issue.issueFile, at(s, 'number'), `series/number-${fault}`, { ...args, year, kind: numbering, number: s.issue.number });
      });
    }
  }
  runsOn(regular.filter((s) => s.issue.total !== undefined), (s) => s.issue.total!, (s, fault, args) => {
    diags.error(s.issue.issueFile, at(s, 'total'), `series/total-${fault}`, { ...args, total: s.issue.total! });
  });
  for (const s of series.issues) {
    if (s.issue.total === undefined || numberingOf(s.issue) === '') continue;
    if (s.issue.series) diags.error(s.issue.issueFile, at(s, 'total'), 'series/named-total', { series: s.issue.series.value });
    else diags.error(s.issue.issueFile, at(s, 'total'), 'series/supplement-total');
  }

  regular.forEach((s, i) => {
    const prev = regular[i - 1];
    if (!prev) return;
    if (isoOf(s.issue) < isoOf(prev.issue)) {
      diags.error(s.issue.issueFile, at(s, 'date'), 'series/date-backwards', { date: isoOf(s.issue), previous: isoOf(prev.issue), other: prev.dir });
    }
    const change = distributionChange(prev.issue, s.issue);
    if (change && !s.issue.note && !s.issue.extraDistribution) {
      diags.warning(s.issue.issueFile, change.at ?? at(s, 'distribution'), 'series/distribution-changed', { removed: change.removed, added: change.added, other: prev.dir });
    }
  });
  return { issues: series.issues, diagnostics: sortDiagnostics(diags.list, Object.keys(series.sources)), sources: series.sources };
}

type Fault = 'repeat' | 'gap';

/**
 * Walks numbers in order and reports repeats and gaps. A number used twice
 * where the next one should stand (…18, 19, 19, 21…) is one mistake, not a
 * repeat and a gap: after a repeat the walk expects the number after it.
 */
function runsOn(list: SeriesIssue[], numberOf: (s: SeriesIssue) => number, report: (s: SeriesIssue, fault: Fault, args: Record<string, string | number>) => void): void {
  const seen = new Map<number, SeriesIssue>();
  let last: number | undefined;
  let lastIssue: SeriesIssue | undefined;
  for (const s of list) {
    const n = numberOf(s);
    const first = seen.get(n);
    if (first) {
      report(s, 'repeat', { other: first.dir, expected: last! + 1 });
      last = last! + 1;
    } else {
      if (last !== undefined && n > last + 1) {
        report(s, 'gap', { previous: numberOf(lastIssue!), other: lastIssue!.dir, missing: n - last === 2 ? `${last + 1}` : `${last + 1}–${n - 1}` });
      }
      seen.set(n, s);
      last = Math.max(last ?? n, n);
    }
    lastIssue = s;
  }
}

/** What was removed and added, and the first line of `cur` that differs (none when a whole label went away). */
function distributionChange(prev: Issue, cur: Issue): { removed: string; added: string; at?: Position } | undefined {
  const names = (i: Issue) => i.distribution.flatMap((d) => d.recipients.map((r) => `${d.label}：${r}`));
  const before = names(prev);
  const after = names(cur);
  const removed = before.filter((r) => !after.includes(r));
  const added = after.filter((r) => !before.includes(r));
  if (removed.length === 0 && added.length === 0) return undefined;
  const same = (d: DistributionLine) => prev.distribution.find((p) => p.label === d.label)?.recipients.join('、') === d.recipients.join('、');
  const changed = cur.distribution.find((d) => !same(d));
  return { removed: removed.join('、') || '—', added: added.join('、') || '—', ...(changed ? { at: changed.at } : {}) };
}

/** Where a top-level key's value starts in issue.yaml (the key itself when it has no value; 1:1 when absent). */
export function keyPosition(text: string, key: string): Position {
  const m = new RegExp(`^${key}[ \\t]*:[ \\t]*`, 'm').exec(text.replace(/^\uFEFF/, ''));
  if (!m) return { line: 1, column: 1 };
  const valueAt = m.index + m[0].length;
  const eol = text.indexOf('\n', m.index);
  const hasValue = valueAt < (eol === -1 ? text.length : eol) && text[valueAt] !== '#';
  return positionAt(text.replace(/^\uFEFF/, ''), hasValue ? valueAt : m.index);
}
