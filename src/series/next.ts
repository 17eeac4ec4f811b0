// What `init --from PREV` proposes when PREV's folder sits among the other
// issues of its series: the number after the latest issue of the year (1 in a
// new year) and the 总第 number after the highest, whichever folder PREV is.

import path from 'node:path';
import type { IsoDate } from '../scaffold/init.js';
import { issueFolders, loadSeries } from './load.js';

export interface NextNumbers {
  number: number;
  total?: number;
  /** Set when PREV is not the latest regular issue of the series: that issue's folder and number. */
  latest?: { dir: string; number: number; year: number };
}

/** Undefined when PREV's parent holds no other issue folder (then PREV alone decides, as before). */
export async function nextFromSeries(prevDir: string, date: IsoDate): Promise<NextNumbers | undefined> {
  const parent = path.dirname(path.resolve(prevDir));
  if (issueFolders(parent).length < 2) return undefined;
  const regular = (await loadSeries(parent)).issues.filter((s) => !s.issue.supplement);
  const last = regular[regular.length - 1];
  if (!last) return undefined;
  const totals = regular.map((s) => s.issue.total).filter((t): t is number => t !== undefined);
  const number = date.year > last.issue.date.year ? 1 : last.issue.number + 1;
  const isPrev = path.resolve(last.dir) === path.resolve(prevDir);
  return {
    number,
    ...(totals.length ? { total: Math.max(...totals) + 1 } : {}),
    ...(isPrev ? {} : { latest: { dir: last.dir, number: last.issue.number, year: last.issue.date.year } }),
  };
}
