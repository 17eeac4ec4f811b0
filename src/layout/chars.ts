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

/** Letters and digits that form unbreakable words (APP, 5G, 13.46, 30%). */
export function isWordChar(ch: string): boolean {
  return /^[\p{Script=Latin}\p{Nd}]$/u.test(ch) || ch === '_' || ch === '-' || ch === '\'' || ch === '&';
}

/** Characters that continue a number: 13.46, 1,000, 30%, 5‰ (only between or after digits). */
export function isNumberJoiner(ch: string): boolean {
  return ch === '.' || ch === ',' || ch === '%' || ch === '％' || ch === '‰' || ch === '/' || ch === ':';
}
