// 一是……二是……三是……: the points of an item count up from 一 without a gap
// or a repeat. A marker counts only at the start of a paragraph or after a
// mark (。；：，！？ or its half-width form), so 统一是 or 唯一是 are not markers.

import type { Findings } from './findings.js';
import { LINT_RULES } from './rules.js';
import type { MappedText } from './text-map.js';

const DIGITS = '一二三四五六七八九';
// Half-width marks too (一是…;二是…): a marker after them was skipped and the next one misnamed.
const BOUNDARY = '。；：，！？”） \u3000;:,!?.)"';

/** 1–99 written in Chinese numerals (一, 十, 十二, 二十, 二十三); undefined otherwise. */
export function chineseNumber(s: string): number | undefined {
  const m = /^([一二三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(s);
  if (!m || s === '') return undefined;
  const [, a, ten, b] = m;
  if (!ten) return a && !b ? DIGITS.indexOf(a) + 1 : undefined;
  return (a ? DIGITS.indexOf(a) + 1 : 1) * 10 + (b ? DIGITS.indexOf(b) + 1 : 0);
}

export function chineseNumeral(n: number): string {
  if (n < 10) return DIGITS[n - 1]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens > 1 ? DIGITS[tens - 1] : ''}十${ones ? DIGITS[ones - 1] : ''}`;
}

/** Checks the markers across all paragraphs of one item. */
export function checkEnumeration(paragraphs: MappedText[], f: Findings): void {
  let expected = 1;
  for (const m of paragraphs) {
    for (const hit of m.text.matchAll(/[一二三四五六七八九十]{1,3}是/g)) {
      const before = m.text[hit.index - 1];
      if (before !== undefined && !BOUNDARY.includes(before)) continue;
      const n = chineseNumber(hit[0].slice(0, -1));
      if (n === undefined) continue;
      if (n !== expected) {
        f.warn(m, hit.index, hit.index + hit[0].length, LINT_RULES.enumeration, {
          found: hit[0],
          expected: `${chineseNumeral(expected)}是`,
        });
      }
      expected = n + 1;
    }
  }
}
