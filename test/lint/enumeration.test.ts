import { describe, expect, it } from 'vitest';
import { chineseNumber, chineseNumeral } from '../../src/lint/enumeration.js';
import { body } from './helpers.js';

describe('lint/enumeration', () => {
  it('一是/二是/三是 in order, across paragraphs and after marks, is fine', () => {
    expect(body('主要做法：一是加强领导，二是落实责任。\n\n三是强化督导。\n').at).toEqual([]);
  });

  it('a gap names the point that should come next', () => {
    const r = body('一是加强领导。\n三是强化督导。\n');
    expect(r.at).toEqual(['6:1-3 lint/enumeration']);
    expect(r.diagnostics[0]!.args).toEqual({ found: '三是', expected: '二是' });
  });

  it('a repeat', () => {
    const r = body('一是加强领导。二是落实责任。二是强化督导。\n');
    expect(r.diagnostics.map((d) => d.args)).toEqual([{ found: '二是', expected: '三是' }]);
  });

  it('a list that starts at 二是', () => {
    expect(body('二是落实责任。\n').diagnostics.map((d) => d.args)).toEqual([{ found: '二是', expected: '一是' }]);
  });

  it('markers after half-width marks count: no wrong number named after a `;` or `:`', () => {
    // (the half-width marks themselves are another rule's finding)
    const inOrder = body('工作成效:一是加强领导;二是落实责任;三是强化督导;四是严格考核。\n');
    expect(inOrder.diagnostics.filter((d) => d.rule === 'lint/enumeration')).toEqual([]);
    const r = body('主要做法:一是加强领导;三是强化督导。\n');
    expect(r.diagnostics.filter((d) => d.rule === 'lint/enumeration').map((d) => d.args)).toEqual([{ found: '三是', expected: '二是' }]);
  });

  it('统一是 and 唯一是 are words, not points', () => {
    expect(body('坚持标准统一是关键，唯一是要求。\n').at).toEqual([]);
  });

  it('counts past ten', () => {
    const points = Array.from({ length: 12 }, (_, i) => `${chineseNumeral(i + 1)}是第${i + 1}点。`).join('');
    expect(body(points + '\n').at).toEqual([]);
  });
});

describe('Chinese numerals', () => {
  it('reads and writes 1–99', () => {
    expect(['一', '九', '十', '十一', '二十', '二十三', '九十九'].map(chineseNumber)).toEqual([1, 9, 10, 11, 20, 23, 99]);
    expect(['', '零', '一一', '十十', '百'].map(chineseNumber)).toEqual([undefined, undefined, undefined, undefined, undefined]);
    for (let n = 1; n < 100; n++) expect(chineseNumber(chineseNumeral(n))).toBe(n);
  });
});
