// Punctuation and character-form checks on one piece of printed text (a
// paragraph or a title): what a proof-reader marks by eye.

import { charAt, charBefore, isChinese } from '../text/chars.js';
import {
  CLOSERS,
  DOUBLED_MARKS,
  FULLWIDTH_ALPHANUMERIC_RUNS,
  HALFWIDTH_TO_FULLWIDTH,
  PAIRS,
  SPACE_RUNS,
  toHalfwidth,
} from './chars.js';
import type { Findings } from './findings.js';
import { LINT_RULES } from './rules.js';
import type { MappedText } from './text-map.js';

// Each check finds the characters it is about with a regex made once (a scan
// in native code) and visits only those, not every character of the text:
// in a cold process per-character JavaScript runs in V8's interpreter.
// The keys of HALFWIDTH_TO_FULLWIDTH but the parentheses, which go by pairs.
const HALFWIDTH_MARKS = /[,;:?!]/g;
const PARENTHESES = /[()]/g;
const DOUBLED = new RegExp(`([${DOUBLED_MARKS}])\\1+`, 'g');
const PAIR_MARKS = new RegExp(`[${Object.keys(PAIRS).join('')}${Object.keys(CLOSERS).join('')}]`, 'g');

export function checkPunctuation(m: MappedText, f: Findings): void {
  // Marks this run converts count as Chinese for their neighbours, so that
  // 家(含复核),比 is fixed in one go and a second --fix finds nothing.
  const converted = new Set<number>();
  asciiQuotes(m, f, converted);
  halfwidthParentheses(m, f, converted);
  halfwidthMarks(m, f, converted);
  doubledPunctuation(m, f);
  fullwidthAlphanumeric(m, f);
  spaceBetweenChinese(m, f);
  unbalancedPairs(m, f);
}

/** ASCII "…" around or next to Chinese: should be “…”. Paired in order; an odd one out is reported but not fixed. */
function asciiQuotes(m: MappedText, f: Findings, converted: Set<number>): void {
  const t = m.text;
  const quotes = [...t.matchAll(/"/g)].map((q) => q.index);
  const pairs = quotes.length % 2 === 0;
  for (let k = 0; k < quotes.length; k += pairs ? 2 : 1) {
    const open = quotes[k]!;
    const close = pairs ? quotes[k + 1]! : open;
    const around = [charBefore(t, open), ...t.slice(open + 1, close), charAt(t, close + 1)];
    if (!around.some(isChinese)) continue;
    if (!pairs) {
      f.warn(m, open, close + 1, LINT_RULES['ascii-quotes']);
      continue;
    }
    converted.add(open).add(close);
    f.warn(m, open, close + 1, LINT_RULES['ascii-quotes'], {}, new Map([[open, '“'], [close, '”']]));
  }
}

/** ASCII parentheses go by pairs: (街道) is flagged when what they hold is Chinese. */
function halfwidthParentheses(m: MappedText, f: Findings, converted: Set<number>): void {
  const t = m.text;
  const open: number[] = [];
  for (const p of t.matchAll(PARENTHESES)) {
    const i = p.index;
    if (p[0] === '(') {
      open.push(i);
      continue;
    }
    const o = open.pop();
    if (o === undefined || ![...t.slice(o + 1, i)].some(isChinese)) continue;
    converted.add(o).add(i);
    f.warn(m, o, i + 1, LINT_RULES['halfwidth-punctuation'], { mark: '( )', fixed: '（ ）' }, new Map([[o, '（'], [i, '）']]));
  }
}

/**
 * `,;:?!` with Chinese before it and Chinese (or the end) after it, e.g. 工作,推进; and a `,` or `;`
 * between Chinese and a number on either side: 增长6.8%,高于 and 安全,9月25日 (1,000 stays).
 */
function halfwidthMarks(m: MappedText, f: Findings, converted: Set<number>): void {
  const t = m.text;
  const chinese = (i: number, ch: string | undefined) => converted.has(i) || isChinese(ch);
  const numeric = (ch: string | undefined) => ch !== undefined && /[0-9%‰]/.test(ch);
  for (const mark of t.matchAll(HALFWIDTH_MARKS)) {
    const i = mark.index;
    const ch = mark[0];
    const before = charBefore(t, i);
    const after = charAt(t, i + 1);
    const beforeIndex = i - (before?.length ?? 1);
    const hanBefore = chinese(beforeIndex, before);
    const hanAfter = after === undefined || chinese(i + 1, after);
    const besideNumber = (ch === ',' || ch === ';') && ((hanBefore && numeric(after)) || (numeric(before) && after !== undefined && chinese(i + 1, after)));
    if ((hanBefore && hanAfter) || besideNumber) {
      const fixed = HALFWIDTH_TO_FULLWIDTH[ch]!;
      f.warn(m, i, i + 1, LINT_RULES['halfwidth-punctuation'], { mark: ch, fixed }, new Map([[i, fixed]]));
    }
  }
}

/** 。。 ，， and the like (…… and —— are marks of their own and are not checked). */
function doubledPunctuation(m: MappedText, f: Findings): void {
  for (const d of m.text.matchAll(DOUBLED)) {
    f.warn(m, d.index, d.index + d[0].length, LINT_RULES['doubled-punctuation'], { marks: d[0] });
  }
}

/** １２３ ＡＢＣ: digits and Latin letters are set in their ordinary (half-width) form. */
function fullwidthAlphanumeric(m: MappedText, f: Findings): void {
  for (const run of m.text.matchAll(FULLWIDTH_ALPHANUMERIC_RUNS)) {
    const i = run.index;
    const written = run[0];
    const fixes = new Map([...written].map((c, k) => [i + k, toHalfwidth(c)]));
    f.warn(m, i, i + written.length, LINT_RULES['fullwidth-alphanumeric'], { written, fixed: toHalfwidth(written) }, fixes);
  }
}

/**
 * 工作 推进: a space between Chinese characters prints as a gap. Not inside “…”: a quoted
 * slogan (“迎中秋 庆国庆 话发展”) is written with spaces between its phrases.
 */
function spaceBetweenChinese(m: MappedText, f: Findings): void {
  const t = m.text;
  const quoted = quotedSpans(t);
  for (const run of t.matchAll(SPACE_RUNS)) {
    const i = run.index;
    const j = i + run[0].length;
    if (quoted.some(([open, close]) => open < i && j <= close)) continue;
    if (isChinese(charBefore(t, i)) && isChinese(charAt(t, j))) f.warn(m, i, j, LINT_RULES['space-between-chinese']);
  }
}

/** [open, close] of each “…” pair (the nearest ” after a “). */
function quotedSpans(t: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (let open = t.indexOf('“'); open >= 0; open = t.indexOf('“', open + 1)) {
    const close = t.indexOf('”', open + 1);
    if (close < 0) break;
    spans.push([open, close]);
  }
  return spans;
}

/** “” ‘’ （） 《》 【】 must pair up within a paragraph; report the mark left alone. */
function unbalancedPairs(m: MappedText, f: Findings): void {
  const t = m.text;
  const stack: number[] = [];
  const lonely: number[] = [];
  for (const mark of t.matchAll(PAIR_MARKS)) {
    const i = mark.index;
    const opener = CLOSERS[mark[0]];
    if (opener === undefined) stack.push(i);
    else {
      // Close the nearest matching opener; openers above it were never closed.
      const k = stack.findLastIndex((o) => t[o] === opener);
      if (k === -1) lonely.push(i);
      else lonely.push(...stack.splice(k).slice(1));
    }
  }
  if (stack.length === 0 && lonely.length === 0) return;
  lonely.push(...stack);
  for (const i of lonely.sort((a, b) => a - b)) {
    const ch = t[i]!;
    const other = PAIRS[ch] ?? CLOSERS[ch]!;
    f.warn(m, i, i + 1, LINT_RULES['unbalanced-pair'], { mark: ch, other });
  }
}
