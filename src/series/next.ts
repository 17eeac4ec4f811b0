// What `init --from PREV` proposes when PREV's folder sits among the other
// issues of its series: the number after the latest issue of the year (1 in a
// new year) and the 总第 number after the highest, whichever folder PREV is.
// The latest issue counted is one of PREV's own numbering (regular, 增刊, or the same 专刊).

import path from 'node:path';
import type { IsoDate } from '../scaffold/init.js';
import { numberingOf } from '../content/printed-words.js';
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
  const all = (await loadSeries(parent)).issues;
  // PREV's own numbering decides: after a 防汛专刊 comes the next 防汛专刊, after a regular issue the next regular one.
  const prev = all.find((s) => path.resolve(s.dir) === path.resolve(prevDir));
  const numbering = prev ? numberingOf(prev.issue) : '';
  const regular = all.filter((s) => numberingOf(s.issue) === numbering);
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
