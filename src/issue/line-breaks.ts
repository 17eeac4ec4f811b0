// What a line break inside a paragraph becomes. In Chinese a line break is not
// a space: 中文\n中文 is 中文中文. Only between two Latin words (letters,
// digits, ASCII punctuation on both sides) does it become one space, as in
// English. Full-width forms (ＡＢ１２) count as Chinese, not Latin.

import { charAt, charBefore, firstChar, inCjkBlocks, inWidthForms, lastChar } from '../text/chars.js';

// Made on first use: building its character ranges costs ~0.6 ms, and
// ASCII and CJK text (nearly all of a bulletin) is decided without it.
let LATIN: RegExp | undefined;

function isLatin(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const cp = ch.codePointAt(0)!;
  if (cp < 0x80) return cp > 0x20 && cp < 0x7f; // letters, digits and marks; not space or control characters
  if (inCjkBlocks(cp) || inWidthForms(cp)) return false;
  LATIN ??= /^[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{Nd}!-/:-@[-`{-~]$/u;
  return LATIN.test(ch);
}

/** The text that replaces a line break between the characters `before` and `after`. */
export function lineBreakJoiner(before: string | undefined, after: string | undefined): string {
  return isLatin(before) && isLatin(after) ? ' ' : '';
}

/** Joins lines (already trimmed) by the rule above. */
export function joinLines(lines: string[]): string {
  let out = '';
  for (const line of lines) {
    if (line === '') continue;
    out = out === '' ? line : out + lineBreakJoiner(lastChar(out), firstChar(line)) + line;
  }
  return out;
}

/** Replaces every `\n` in `text` by its joiner; `before`/`after` are the characters just outside `text`. */
export function joinLineBreaks(text: string, before?: string, after?: string): string {
  // From line break to line break, not character by character (slow in a cold process).
  let out = '';
  let from = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    const prev = i > 0 ? charBefore(text, i) : before;
    const next = i + 1 < text.length ? charAt(text, i + 1) : after;
    out += text.slice(from, i) + lineBreakJoiner(prev, next);
    from = i + 1;
  }
  return from === 0 ? text : out + text.slice(from);
}
