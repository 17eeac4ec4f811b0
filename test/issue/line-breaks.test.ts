import { describe, expect, it } from 'vitest';
import { joinLineBreaks, joinLines, lineBreakJoiner } from '../../src/issue/line-breaks.js';

describe('a line break inside a paragraph', () => {
  it('between two Chinese characters becomes nothing', () => {
    expect(joinLineBreaks('中文\n中文')).toBe('中文中文');
  });

  it('between a Chinese character and a mark becomes nothing', () => {
    expect(joinLineBreaks('具体化、\n清单化')).toBe('具体化、清单化');
    expect(joinLineBreaks('“小板凳恳谈会”\n“有事好商量”')).toBe('“小板凳恳谈会”“有事好商量”');
  });

  it('between two Latin words becomes one space', () => {
    expect(joinLineBreaks('word\nword')).toBe('word word');
    expect(joinLineBreaks('Hello,\nworld')).toBe('Hello, world');
  });

  it('between a Latin word or a number and a Chinese character becomes nothing', () => {
    expect(joinLineBreaks('China\n展会')).toBe('China展会');
    expect(joinLineBreaks('2025\n年')).toBe('2025年');
  });

  it('between full-width letters becomes nothing (they are set like Chinese)', () => {
    expect(lineBreakJoiner('Ａ', 'Ｂ')).toBe('');
  });

  it('looks at the characters outside the run when the break is at its edge', () => {
    expect(joinLineBreaks('\nFair', 'h', undefined)).toBe(' Fair');
    expect(joinLineBreaks('\n以全区', '是', undefined)).toBe('以全区');
  });

  it('handles characters outside the Basic Multilingual Plane', () => {
    expect(joinLineBreaks('𠀀\n𠀀')).toBe('𠀀𠀀');
  });
});

describe('joinLines', () => {
  it('joins trimmed lines by the same rule and skips empty ones', () => {
    expect(joinLines(['我区加大攻坚力度', '', '扎实推动重点项目建设'])).toBe('我区加大攻坚力度扎实推动重点项目建设');
    expect(joinLines(['China Hi-Tech', 'Fair'])).toBe('China Hi-Tech Fair');
  });
});

describe('Latin characters', () => {
  it('are letters and digits of the Latin, Greek and Cyrillic scripts, digits of any script, and ASCII marks; every character is decided as the full class does', () => {
    const latin = /^[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{Nd}!-/:-@[-`{-~]$/u;
    const wrong: string[] = [];
    for (let cp = 0; cp <= 0x2ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const ch = String.fromCodePoint(cp);
      const expected = latin.test(ch) && !(cp >= 0xff00 && cp <= 0xffef) ? ' ' : '';
      if (lineBreakJoiner(ch, 'a') !== expected) wrong.push(cp.toString(16));
    }
    expect(wrong).toEqual([]);
  });
});
