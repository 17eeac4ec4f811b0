import { describe, expect, it } from 'vitest';
import { fillMessage, GENERAL_MESSAGES, say, WORDS, type Word } from '../../src/diagnostics/messages.js';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)[}|]/g)].map((m) => m[1]).sort();

describe('the words the commands say', () => {
  it('exist in English and Chinese with the same placeholders', () => {
    for (const [word, m] of Object.entries({ ...WORDS, ...GENERAL_MESSAGES })) {
      expect(m.en.trim(), word).not.toBe('');
      expect(m.zh.trim(), word).not.toBe('');
      expect([...new Set(placeholders(m.zh))], word).toEqual([...new Set(placeholders(m.en))]);
    }
  });

  it('take the English singular for a count of 1 and the plural otherwise; Chinese has one form', () => {
    expect(say('say/fixed-total', 'en', { count: 1, files: 1 })).toBe('fixed 1 place in 1 file');
    expect(say('say/fixed-total', 'en', { count: 3, files: 2 })).toBe('fixed 3 places in 2 files');
    expect(say('say/fixed-total', 'zh', { count: 3, files: 2 })).toBe('已修正 3 处（2 个文件）');
    expect(say('say/wrote-pages', 'en', { path: 'a.pdf', pages: 0 })).toBe('wrote a.pdf (0 pages)');
  });

  it('leave a placeholder without a value visible rather than guess', () => {
    expect(fillMessage({ en: 'at {place}', zh: '在 {place}' }, 'x', {}, 'en')).toBe('at {place}');
    expect(say('say/skipped-draft' as Word, 'zh', { path: 'a\u2028b.md' })).toBe('跳过草稿 aU+2028b.md');
  });
});
