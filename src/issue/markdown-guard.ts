// A linear look at an item file before the Markdown parser sees it. The
// parser (micromark) is correct but not linear for every input: lists nested
// thousands deep, thousands of `*a` openers, 100,000 `[` or 20,000 link
// definitions take minutes. No bulletin item needs any of that (only plain
// paragraphs with **bold** and *emphasis* print), so past these limits the
// file gets one located error in milliseconds instead of a hang.

import type { Localized } from '../diagnostics/diagnostic.js';
import { MARKDOWN_LIMITS_SAID } from './messages.js';

export const MARKDOWN_LIMITS = {
  /** Lines in one item file (a long item has a hundred). */
  lines: 5000,
  /** Characters in one paragraph (about 30 pages of 三号 text). */
  paragraph: 20_000,
  /** List and block-quote levels on one line. */
  depth: 16,
  /** `*` and `_` in one paragraph. */
  emphasis: 300,
  /** `[ ] | < & \` and backquotes in one paragraph. */
  markup: 2000,
  /** Link definitions (`[x]: url`) in one file. */
  definitions: 100,
} as const;

type Limit = keyof typeof MARKDOWN_LIMITS;

export interface MarkdownProblem {
  /** Offset in the text where the limit was passed. */
  offset: number;
  /** What was too much, in both languages. */
  what: Localized;
}

const SPACE = 32;
const TAB = 9;

/** The first place where `text` passes a limit, or undefined. */
export function markdownProblem(text: string): MarkdownProblem | undefined {
  const over = (limit: Limit, offset: number): MarkdownProblem => {
    const said = MARKDOWN_LIMITS_SAID[limit];
    const n = String(MARKDOWN_LIMITS[limit]);
    return { offset, what: { en: said.en.replace('{limit}', n), zh: said.zh.replace('{limit}', n) } };
  };
  let lines = 0;
  let definitions = 0;
  let paragraph = 0;
  let emphasis = 0;
  let markup = 0;
  for (let start = 0; start <= text.length; ) {
    const nl = text.indexOf('\n', start);
    const end = nl === -1 ? text.length : nl;
    if (++lines > MARKDOWN_LIMITS.lines) return over('lines', start);

    // The line's container prefix: indentation, `>`, list markers.
    let i = start;
    let depth = 0;
    let spaces = 0;
    for (; i < end; ) {
      const c = text.charCodeAt(i);
      let next = i;
      if (c === SPACE || c === TAB) {
        // The indentation before the first marker (a list indented under another); spaces after markers separate them.
        if (depth === 0) spaces += c === TAB ? 4 : 1;
        i++;
        continue;
      }
      if (c === 62 /* > */) next = i + 1;
      else if ((c === 45 || c === 42 || c === 43) /* - * + */ && isBlankOrEnd(text.charCodeAt(i + 1))) next = i + 1;
      else if (c >= 48 && c <= 57) {
        let j = i;
        while (j < end && j - i < 9 && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) j++;
        const mark = text.charCodeAt(j);
        if ((mark === 46 || mark === 41) /* . ) */ && isBlankOrEnd(text.charCodeAt(j + 1))) next = j + 1;
      }
      if (next === i) break;
      // Indentation between markers nests too (a list item indented under another).
      if (++depth + Math.floor(spaces / 4) > MARKDOWN_LIMITS.depth) return over('depth', i);
      i = next;
    }

    if (i >= end) {
      // A blank line ends the paragraph.
      if (depth === 0) paragraph = emphasis = markup = 0;
    } else {
      if (text.charCodeAt(i) === 91 /* [ */ && /^\[[^\]\n]{1,999}\]:/.test(text.slice(i, Math.min(end, i + 1003)))) {
        if (++definitions > MARKDOWN_LIMITS.definitions) return over('definitions', i);
      }
      for (let k = i; k < end; k++) {
        const c = text.charCodeAt(k);
        if (c === 42 || c === 95) {
          if (++emphasis > MARKDOWN_LIMITS.emphasis) return over('emphasis', k);
        } else if (c === 91 || c === 93 || c === 124 || c === 60 || c === 38 || c === 92 || c === 96) {
          if (++markup > MARKDOWN_LIMITS.markup) return over('markup', k);
        }
      }
      paragraph += end - start;
      if (paragraph > MARKDOWN_LIMITS.paragraph) return over('paragraph', end - (paragraph - MARKDOWN_LIMITS.paragraph));
    }
    if (nl === -1) break;
    start = nl + 1;
  }
  return undefined;
}

function isBlankOrEnd(c: number): boolean {
  return c === SPACE || c === TAB || c === 10 || Number.isNaN(c);
}
