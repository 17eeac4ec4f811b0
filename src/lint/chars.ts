// Character classes the house-style checks share.

// (What is Chinese text at all is src/text/chars.ts.)

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

/**
 * Runs of １２３ ＡＢＣ ａｂｃ: full-width digits and Latin letters. Global
 * regexes here are for matchAll only, which works on a copy (exec or test
 * would keep state in lastIndex).
 */
export const FULLWIDTH_ALPHANUMERIC_RUNS = /[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]+/g;

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

/** Runs of spaces an editor may type: ASCII space, tab, the ideographic space U+3000, no-break space. */
export const SPACE_RUNS = /[ \t\u3000\u00a0]+/g;
