import { describe, expect, it } from 'vitest';
import { isOneVisibleCharacter } from '../../src/text/visible.js';

describe('isOneVisibleCharacter', () => {
  it('takes one character that leaves ink', () => {
    for (const s of ['◆', '★', '△', '𠀀']) expect(isOneVisibleCharacter(s), s).toBe(true);
  });
  it('takes one grapheme made of several code points', () => {
    expect(isOneVisibleCharacter('★\uFE0F')).toBe(true); // with a variation selector
    expect(isOneVisibleCharacter('e\u0301')).toBe(true); // with a combining mark
  });
  it('refuses nothing, two characters, spaces and control characters', () => {
    for (const s of ['', '◆◆', '◆ ', ' ', '\u3000', '\t', '\u200B']) expect(isOneVisibleCharacter(s), JSON.stringify(s)).toBe(false);
  });
});
