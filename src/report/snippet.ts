// The source line under a diagnostic, with a caret under the column, as
// rustc and tsc print it:
//
//    5 | 一是实施高企三年倍增计划,持续完善培育体系;
//      |                         ^
//
// Terminals draw Chinese characters two columns wide, so the caret is placed
// by display width, not by character count.

import type { Diagnostic } from '../diagnostics/diagnostic.js';

/** Longest stretch shown before the caret and in all, in terminal columns. */
const BEFORE = 40;
const WIDTH = 100;

export function snippet(d: Diagnostic, source: string | undefined): string | undefined {
  if (source === undefined) return undefined;
  const whole = lineOf(source, d.start.line);
  if (whole === undefined) return undefined;
  // Only the stretch around the column can be shown: a 1 MB line is cut before it is looked at.
  const cut = Math.max(0, d.start.column - 1 - 4 * WIDTH);
  const from0 = cut > 0 && /[\udc00-\udfff]/.test(whole[cut] ?? '') ? cut + 1 : cut;
  const text = whole.slice(from0, d.start.column - 1 + 4 * WIDTH);
  const column = d.start.column - from0;
  const endColumn = (d.end?.column ?? d.start.column) - from0;

  const chars = [...text].map(printable);
  // Columns count UTF-16 units; find the character index where the column falls.
  const startIndex = charIndex(text, column - 1);
  // A span that goes on to later lines is underlined to the end of this one.
  const endIndex = !d.end || d.end.line < d.start.line ? startIndex + 1 : d.end.line > d.start.line ? chars.length : charIndex(text, endColumn - 1);

  // Long lines (a whole paragraph on one line) are cut around the caret.
  let from = 0;
  let to = chars.length;
  if (from0 > 0 || width(chars) > WIDTH) {
    from = startIndex;
    while (from > 0 && width(chars.slice(from - 1, startIndex)) <= BEFORE) from--;
    to = from;
    while (to < chars.length && width(chars.slice(from, to + 1)) <= WIDTH) to++;
    to = Math.max(to, Math.min(chars.length, startIndex + 1));
  }
  const head = from > 0 || from0 > 0 ? '…' : '';
  const tail = to < chars.length || from0 + text.length < whole.length ? '…' : '';

  const shown = head + chars.slice(from, to).join('') + tail;
  // Tabs are copied into the padding so the caret lines up whatever the tab width.
  const pad = head.replace(/./g, ' ') + chars.slice(from, startIndex).map((c) => (c === '\t' ? '\t' : ' '.repeat(charWidth(c)))).join('');
  const marks = Math.max(1, width(chars.slice(startIndex, Math.min(endIndex, to))));

  const number = String(d.start.line);
  const gutter = ' '.repeat(number.length);
  return `${number} | ${shown}\n${gutter} | ${pad}${'^'.repeat(marks)}`;
}

/** Index into [...text] of the character that holds UTF-16 unit `unit`. */
function charIndex(text: string, unit: number): number {
  let units = 0;
  let i = 0;
  for (const ch of text) {
    if (units + ch.length > unit) return i;
    units += ch.length;
    i++;
  }
  return i;
}

/** Line `line` (1-based) of `source`, without splitting the whole text. */
function lineOf(source: string, line: number): string | undefined {
  let start = 0;
  for (let n = 1; n < line; n++) {
    const i = source.indexOf('\n', start);
    if (i === -1) return undefined;
    start = i + 1;
  }
  const end = source.indexOf('\n', start);
  return source.slice(start, end === -1 ? undefined : end);
}

/** Control characters would move the cursor, separators break the line; show them as a replacement mark. */
function printable(ch: string): string {
  return ch !== '\t' && /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(ch) ? '\ufffd' : ch;
}

function width(chars: string[]): number {
  return chars.reduce((w, c) => w + charWidth(c), 0);
}

/** 2 for East Asian wide and full-width characters, 1 otherwise. */
export function charWidth(ch: string): number {
  const cp = ch.codePointAt(0)!;
  const wide =
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0x303e) ||
    (cp >= 0x3041 && cp <= 0x33ff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0xa000 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x20000 && cp <= 0x3fffd);
  return wide ? 2 : 1;
}
