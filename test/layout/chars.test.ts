import { describe, expect, it } from 'vitest';
import {
  CLOSE, CLOSING, DIGIT, DOUBLE, DOUBLE_MARKS, JOINER, NO_END, NO_LINE_END, NO_LINE_START, NO_START, OPEN, OPENING, PERCENT, SPACE, WORD,
  charClass, isNumberJoiner, isSpace, isWordChar,
} from '../../src/layout/chars.js';

/** The questions compose.ts asked of every character before charClass, as it asked them. */
function asked(ch: string): number {
  let c = 0;
  if (isWordChar(ch)) c |= WORD;
  if (/\p{Nd}/u.test(ch)) c |= DIGIT;
  if (isNumberJoiner(ch)) c |= JOINER;
  if (/[%％‰]/.test(ch)) c |= PERCENT;
  if (isSpace(ch)) c |= SPACE;
  if (NO_LINE_START.has(ch)) c |= NO_START;
  if (NO_LINE_END.has(ch)) c |= NO_END;
  if (CLOSING.has(ch)) c |= CLOSE;
  if (OPENING.has(ch)) c |= OPEN;
  if (DOUBLE_MARKS.has(ch)) c |= DOUBLE;
  return c;
}

describe('charClass', () => {
  it('answers as the regular expressions and sets do, for every code point and lone surrogate', () => {
    const wrong: string[] = [];
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      const want = asked(String.fromCodePoint(cp));
      // Asked twice: the first answer is computed, the second remembered.
      if (charClass(cp) !== want || charClass(cp) !== want) wrong.push(cp.toString(16));
      if (wrong.length > 10) break;
    }
    expect(wrong).toEqual([]);
  });

  it('classes the characters a bulletin is made of', () => {
    expect(charClass(0x4e2d)).toBe(0); // 中
    expect(charClass('A'.codePointAt(0)!)).toBe(WORD);
    expect(charClass('7'.codePointAt(0)!)).toBe(WORD | DIGIT);
    expect(charClass('％'.codePointAt(0)!)).toBe(JOINER | PERCENT | NO_START);
    expect(charClass('，'.codePointAt(0)!)).toBe(NO_START | CLOSE);
    expect(charClass('“'.codePointAt(0)!)).toBe(NO_END | OPEN);
    expect(charClass('—'.codePointAt(0)!)).toBe(DOUBLE);
    expect(charClass(0x3000)).toBe(SPACE);
  });
});
