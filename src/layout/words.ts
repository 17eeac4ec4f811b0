// Where a title may break: between words, as the ICU dictionary segmenter that
// ships with Node (Intl.Segmenter, granularity 'word') finds them. No extra
// dependency, no native code (UOS / 麒麟 on ARM or LoongArch), no dictionary to
// load on start-up. ICU cuts finer than a reader does (攻|坚, 卫|健|委, 实|事),
// so a run of one-character words is read as one word, and a break beside a
// one-character word (组织|部) is only a weak one. Short quotations stay whole.

import { isHan } from '../text/chars.js';

/** Break quality before a UTF-16 index: none, weak (beside a one-character word), good (between two words). */
export const NO_BREAK = 0;
export const WEAK_BREAK = 1;
export const GOOD_BREAK = 2;

/** A quotation up to this many characters is never broken inside. */
const SHORT_QUOTE = 12;

let segmenter: Intl.Segmenter | undefined;

const OPENING = new Set([...'“‘《（「『【〔']);
const CLOSING = new Set([...'”’》）」』】〕']);

interface Word {
  start: number;
  end: number;
  /** Characters (code points) of Han text; 0 for marks, digits and letters. */
  han: number;
  /** Made of one-character words (卫|健|委): it takes the next one too. */
  merged: boolean;
}

/** Break quality before each UTF-16 index of `text` (index 0 and text.length are good breaks). */
export function wordBreaks(text: string): Uint8Array {
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  const q = new Uint8Array(text.length + 1);
  q[0] = GOOD_BREAK;
  q[text.length] = GOOD_BREAK;
  const words: Word[] = [];
  for (const s of segmenter.segment(text)) {
    const chars = [...s.segment];
    const han = chars.every(isHan) ? chars.length : 0;
    const last = words.at(-1);
    // Runs of one-character Han words are one word (我|区 → 我区, 攻|坚 → 攻坚, 卫|健|委 → 卫健委).
    if (last && han === 1 && (last.han === 1 || last.merged)) {
      last.end = s.index + s.segment.length;
      last.han += 1;
      last.merged = true;
      continue;
    }
    words.push({ start: s.index, end: s.index + s.segment.length, han, merged: false });
  }
  for (let w = 1; w < words.length; w++) {
    const a = words[w - 1]!;
    const b = words[w]!;
    const aText = text.slice(a.start, a.end);
    const bText = text.slice(b.start, b.end);
    // Marks: a break after a closing or before an opening quotation mark is a good one.
    if (a.han === 0 || b.han === 0) {
      q[b.start] = CLOSING.has(aText) || OPENING.has(bText) ? GOOD_BREAK : WEAK_BREAK;
      continue;
    }
    q[b.start] = a.han === 1 || b.han === 1 ? WEAK_BREAK : GOOD_BREAK;
  }
  keepQuotesWhole(text, q);
  return q;
}

/** No break inside a short “…” or 《…》. */
function keepQuotesWhole(text: string, q: Uint8Array): void {
  const pairs: Record<string, string> = { '“': '”', '‘': '’', '《': '》', '「': '」' };
  for (let i = 0; i < text.length; i++) {
    const close = pairs[text[i]!];
    if (!close) continue;
    const j = text.indexOf(close, i + 1);
    if (j < 0 || [...text.slice(i + 1, j)].length > SHORT_QUOTE) continue;
    for (let k = i + 1; k <= j; k++) q[k] = NO_BREAK;
    i = j;
  }
}
