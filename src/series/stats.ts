// `bulletin stats`: what each department contributed to a series (信息采用):
// lead items (头条), other items and briefs, per department, as a table or CSV.

import { isLead } from '../content/printed-words.js';
import type { IssueDate } from '../issue/model.js';
import type { SeriesIssue } from './load.js';

export interface DepartmentRow {
  department: string;
  lead: number;
  items: number;
  briefs: number;
  total: number;
}

export interface StatsHeader {
  department: string;
  lead: string;
  items: string;
  briefs: string;
  total: string;
}

/** Rows by total (most first), then by name; `from`/`to` bound the issue dates, both included. */
export function departmentStats(issues: SeriesIssue[], from?: IssueDate, to?: IssueDate): { rows: DepartmentRow[]; sum: DepartmentRow; issues: number } {
  const key = (d: IssueDate) => d.year * 10000 + d.month * 100 + d.day;
  const inRange = issues.filter((s) => (!from || key(s.issue.date) >= key(from)) && (!to || key(s.issue.date) <= key(to)));
  const byDept = new Map<string, DepartmentRow>();
  for (const { issue } of inRange) {
    issue.items.forEach((item, i) => {
      // An unattributed piece without a department counts for nobody.
      if (!item.department) return;
      const name = item.department.text;
      let row = byDept.get(name);
      if (!row) byDept.set(name, (row = { department: name, lead: 0, items: 0, briefs: 0, total: 0 }));
      if (isLead(issue, i)) row.lead++;
      else if (item.kind === 'brief') row.briefs++;
      else row.items++;
      row.total++;
    });
  }
  const rows = [...byDept.values()].sort((a, b) => b.total - a.total || a.department.localeCompare(b.department, 'zh'));
  const sum = rows.reduce((s, r) => ({ ...s, lead: s.lead + r.lead, items: s.items + r.items, briefs: s.briefs + r.briefs, total: s.total + r.total }), { department: '', lead: 0, items: 0, briefs: 0, total: 0 });
  return { rows, sum, issues: inRange.length };
}

const COLUMNS = ['department', 'lead', 'items', 'briefs', 'total'] as const;

/** CSV that WPS and Excel open as UTF-8: a BOM, CRLF line ends, fields quoted where needed. */
export function statsCsv(rows: DepartmentRow[], sum: DepartmentRow, header: StatsHeader, sumLabel: string): string {
  const field = (v: string | number) => (/[",\r\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));
  const line = (r: Record<(typeof COLUMNS)[number], string | number>) => COLUMNS.map((c) => field(r[c])).join(',');
  return '\uFEFF' + [line(header), ...rows.map(line), line({ ...sum, department: sumLabel })].map((l) => l + '\r\n').join('');
}

/** A terminal table; a CJK character takes two columns. */
export function statsTable(rows: DepartmentRow[], sum: DepartmentRow, header: StatsHeader, sumLabel: string): string {
  const all = [header, ...rows, { ...sum, department: sumLabel }].map((r) => COLUMNS.map((c) => String(r[c])));
  const widths = COLUMNS.map((_, i) => Math.max(...all.map((r) => displayWidth(r[i]!))));
  const pad = (s: string, w: number, right: boolean) => (right ? ' '.repeat(w - displayWidth(s)) + s : s + ' '.repeat(w - displayWidth(s)));
  const text = all.map((r) => r.map((c, i) => pad(c, widths[i]!, i > 0)).join('  ').trimEnd());
  const rule = '-'.repeat(widths.reduce((a, b) => a + b + 2, -2));
  return [text[0], rule, ...text.slice(1, -1), rule, text[text.length - 1]].join('\n') + '\n';
}

function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]/u.test(ch) ? 2 : 1;
  return w;
}
