// Character classes the house-style checks share.

const HAN = /^\p{Script=Han}$/u;
// CJK punctuation (、。「」…), full-width forms (，：１Ａ), curly quotes, … and —.
const CJK_MARK = /^[\u3000-\u303f\uff01-\uff60\u2018\u2019\u201c\u201d\u2026\u2014\u00b7]$/;

export function isHan(ch: string | undefined): boolean {
  return ch !== undefined && HAN.test(ch);
}

/** A Chinese character or a Chinese (full-width) mark. */
export function isChinese(ch: string | undefined): boolean {
  return ch !== undefined && (HAN.test(ch) || CJK_MARK.test(ch));
}

/** Half-width marks that have a full-width form in Chinese text. */
export const HALFWIDTH_TO_FULLWIDTH: Record<string, string> = {
  ',': '，',
  ';': '；',
  ':': '：',
  '?': '？',
  '!': '！',
  '(': '（',
  ')': '）',
};

/** １２３ ＡＢＣ ａｂｃ: full-width digits and Latin letters. */
export function isFullwidthAlphanumeric(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const cp = ch.charCodeAt(0);
  return (cp >= 0xff10 && cp <= 0xff19) || (cp >= 0xff21 && cp <= 0xff3a) || (cp >= 0xff41 && cp <= 0xff5a);
}

/** The ASCII form of a full-width character (U+FF01–U+FF5E map to U+0021–U+007E). */
export function toHalfwidth(s: string): string {
  return s.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/** Sentence and clause marks: a title should not end with one, and none should be doubled. */
export const END_MARKS = '。，、；：！？.,;:!?';
export const DOUBLED_MARKS = '。，、；：！？';

/** Paired marks that must balance within a paragraph. */
export const PAIRS: Record<string, string> = { '“': '”', '‘': '’', '（': '）', '《': '》', '【': '】' };
export const CLOSERS: Record<string, string> = Object.fromEntries(Object.entries(PAIRS).map(([o, c]) => [c, o]));

/** Spaces an editor may type: ASCII space, tab, the ideographic space U+3000, no-break space. */
export function isSpace(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\t' || ch === '\u3000' || ch === '\u00a0';
}
