// Character classes for Chinese line composition (clreq, GB/T 15834).

/** Never at the start of a line: closing marks, pauses, and the marks that lean on what precedes them. */
export const NO_LINE_START = new Set([...'，。、．；：？！‼⁇⁈⁉）］｝〕〉》」』】〙〗〟”’»›)]}%％‰·・～ー々〻ゝゞヽヾ︰,.;:?!']);

/** Never at the end of a line: opening quotes and brackets. */
export const NO_LINE_END = new Set([...'（［｛〔〈《「『【〘〖〝“‘«‹([{']);

/** Full-width marks whose ink sits in the left half: their right half can be trimmed. */
export const CLOSING = new Set([...'，。、．；：？！）］｝〕〉》」』】〙〗”’']);

/** Full-width marks whose ink sits in the right half: their left half can be trimmed. */
export const OPENING = new Set([...'（［｛〔〈《「『【〘〖“‘']);

/** 2-em marks drawn as two 1-em halves that must stay together. */
export const DOUBLE_MARKS = new Set(['—', '…']);

/** Spaces: they separate, can stretch, and vanish at a line edge. */
export function isSpace(ch: string): boolean {
  return ch === ' ' || ch === '\u3000' || ch === '\t';
}

const LATIN_OR_DIGIT = /^[\p{Script=Latin}\p{Nd}]$/u;
const DIGIT_RE = /\p{Nd}/u;

/** Letters and digits that form unbreakable words (APP, 5G, 13.46, 30%). */
export function isWordChar(ch: string): boolean {
  return LATIN_OR_DIGIT.test(ch) || ch === '_' || ch === '-' || ch === '\'' || ch === '&';
}

/** A decimal digit of any script. */
export function isDigit(ch: string): boolean {
  return DIGIT_RE.test(ch);
}

/** Characters that continue a number: 13.46, 1,000, 30%, 5‰ (only between or after digits). */
export function isNumberJoiner(ch: string): boolean {
  return ch === '.' || ch === ',' || ch === '%' || ch === '％' || ch === '‰' || ch === '/' || ch === ':';
}

/** A sign that a number may end with: 30%, 5‰. */
export function isPercent(ch: string): boolean {
  return ch === '%' || ch === '％' || ch === '‰';
}

// Everything composition asks about a character, as bits of one number
// (charClass), so that it asks once per character: in a cold process the
// regular expressions and set lookups above cost more than the rest of the
// composition.
export const WORD = 1;
export const DIGIT = 2;
export const JOINER = 4;
export const PERCENT = 8;
export const SPACE = 16;
export const NO_START = 32;
export const NO_END = 64;
export const CLOSE = 128;
export const OPEN = 256;
export const DOUBLE = 512;
const KNOWN = 0x8000;

/** The classes of one character (a code point, or a lone surrogate), from the definitions above. */
export function classify(ch: string): number {
  return (isWordChar(ch) ? WORD : 0) | (isDigit(ch) ? DIGIT : 0) | (isNumberJoiner(ch) ? JOINER : 0)
    | (isPercent(ch) ? PERCENT : 0) | (isSpace(ch) ? SPACE : 0)
    | (NO_LINE_START.has(ch) ? NO_START : 0) | (NO_LINE_END.has(ch) ? NO_END : 0)
    | (CLOSING.has(ch) ? CLOSE : 0) | (OPENING.has(ch) ? OPEN : 0) | (DOUBLE_MARKS.has(ch) ? DOUBLE : 0);
}

/** classify's answers for the BMP, with KNOWN set once asked; astral code points in a map. */
const bmp = new Uint16Array(0x10000);
const astral = new Map<number, number>();

/** classify(String.fromCodePoint(cp)), remembered; CJK ideographs (most of a bulletin) have no class. */
export function charClass(cp: number): number {
  if (cp >= 0x3400 && cp <= 0x9fff) return 0;
  if (cp < 0x10000) {
    let c = bmp[cp]!;
    if (c === 0) bmp[cp] = c = classify(String.fromCharCode(cp)) | KNOWN;
    return c & ~KNOWN;
  }
  let c = astral.get(cp);
  if (c === undefined) astral.set(cp, (c = classify(String.fromCodePoint(cp))));
  return c;
}
