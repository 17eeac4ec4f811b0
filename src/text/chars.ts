// Character classes every stage shares: what is a Chinese character, a Chinese
// mark, a full-width form, and how to step through a string by whole
// characters. Each stage keeps its own rules built on them (line composition
// in layout/chars.ts, house style in lint/chars.ts, line breaks in
// issue/line-breaks.ts).

const HAN = /^\p{Script=Han}$/u;
// CJK punctuation (、。「」…), full-width forms (，：１Ａ), curly quotes, … and —.
const CJK_MARK = /^[\u3000-\u303f\uff01-\uff60\u2018\u2019\u201c\u201d\u2026\u2014\u00b7]$/;

/** A Chinese character (Han script, any CJK block). */
export function isHan(ch: string | undefined): boolean {
  return ch !== undefined && HAN.test(ch);
}

/** A Chinese character or a Chinese (full-width) mark. */
export function isChinese(ch: string | undefined): boolean {
  return ch !== undefined && (HAN.test(ch) || CJK_MARK.test(ch));
}

/** CJK marks, kana and the common ideographs (U+2E80–U+9FFF): never Latin text. */
export function inCjkBlocks(cp: number): boolean {
  return cp >= 0x2e80 && cp <= 0x9fff;
}

/** Full-width and half-width forms (U+FF00–U+FFEF: ，１Ａ…): Chinese text, not Latin. */
export function inWidthForms(cp: number): boolean {
  return cp >= 0xff00 && cp <= 0xffef;
}

/** The whole character (code point) starting at index `i`. */
export function charAt(s: string, i: number): string | undefined {
  const cp = s.codePointAt(i);
  return cp === undefined ? undefined : String.fromCodePoint(cp);
}

/** The whole character ending just before index `i`. */
export function charBefore(s: string, i: number): string | undefined {
  if (i <= 0) return undefined;
  const unit = s.charCodeAt(i - 1);
  // A low surrogate ends an astral character (e.g. a CJK Extension B ideograph).
  const start = unit >= 0xdc00 && unit <= 0xdfff && i >= 2 ? i - 2 : i - 1;
  return String.fromCodePoint(s.codePointAt(start)!);
}

export function firstChar(s: string): string | undefined {
  return charAt(s, 0);
}

export function lastChar(s: string): string | undefined {
  return charBefore(s, s.length);
}
