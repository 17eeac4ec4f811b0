// Property tests (seeded): paragraphs of the 8,105 通用规范汉字 mixed with
// punctuation, numbers, Latin runs, —— and ……, composed with the real faces.
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NO_LINE_END, NO_LINE_START } from '../../src/layout/chars.js';
import { gridOf } from '../../src/layout/grid.js';
import { composeParagraph } from '../../src/layout/text.js';
import { titleLines } from '../../src/layout/title.js';
import { root } from '../helpers/cli.js';
import { defaultTemplate } from '../helpers/real-fonts.js';

const hanzi = fs.readFileSync(path.join(root, 'data/tongyong-8105.txt'), 'utf8').split('\n').filter(Boolean);
const { template, fonts } = defaultTemplate();
const grid = gridOf(template);
const opt = { measure: grid.measure, indent: template.body.indent * grid.cell, tracking: grid.cell - template.body.size, justify: true };

const han = fc.constantFrom(...hanzi);
const hanRun = fc.array(han, { minLength: 1, maxLength: 12 }).map((a) => a.join(''));
const token = fc.oneof(
  { weight: 12, arbitrary: hanRun },
  { weight: 4, arbitrary: fc.tuple(hanRun, fc.constantFrom('，', '。', '、', '；', '：', '？', '！')).map(([h, p]) => h + p) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom('“', '（', '《', '【', '‘'), hanRun).map(([o, h]) => o + h + { '“': '”', '（': '）', '《': '》', '【': '】', '‘': '’' }[o]) },
  { weight: 1, arbitrary: fc.tuple(hanRun, fc.constantFrom('”。', '）、', '。”', '）（', '》，', '！”')).map(([h, p]) => h + p) },
  { weight: 2, arbitrary: fc.tuple(fc.integer({ min: 0, max: 99999 }), fc.option(fc.integer({ min: 0, max: 99 })), fc.boolean()).map(([i, f, pc]) => `${i}${f === null ? '' : `.${f}`}${pc ? '%' : ''}`) },
  { weight: 1, arbitrary: fc.stringMatching(/^[A-Za-z]{1,8}$/) },
  { weight: 1, arbitrary: fc.constantFrom('——', '……', '·', '～', '—') },
  // Numbers with magnitudes and units, enumerators (issue 16).
  { weight: 2, arbitrary: fc.tuple(fc.integer({ min: 1, max: 9999 }), fc.constantFrom('', '万', '亿', '万余', '余'), fc.constantFrom(...'元个项名家人次户条')).map(([n, m, u]) => `${n}${m}${u}`) },
  { weight: 1, arbitrary: fc.constantFrom('一是', '二是', '三是') },
);
const paragraph = fc.array(token, { minLength: 5, maxLength: 80 }).map((ts) => ts.join(''));

/** Two characters that a break may not separate: inside a number, a word, —— or …… . */
function glued(a: string, b: string): boolean {
  const word = /[A-Za-z0-9]/;
  if (word.test(a) && word.test(b)) return true;
  if (/\d/.test(a) && /[.%]/.test(b)) return true;
  if (a === '.' && /\d/.test(b)) return true;
  if (/[一二三]/.test(a) && b === '是') return true; // 一是 stays whole
  return false;
}

/** A break after `before` separates a number from its magnitude or unit (5万|余条, 91|个). */
function splitsNumber(before: string, after: string): boolean {
  return /\d[万亿余]*$/.test(before) && /^[万亿余元个项名家人次户条]/.test(after);
}

describe('composition properties (seeded)', () => {
  it('no line breaks a rule, and every line but the last fills the measure within 0.01 pt', () => {
    fc.assert(
      fc.property(paragraph, (text) => {
        const lines = composeParagraph([{ text, role: 'body', size: template.body.size, color: 'black' }], fonts, opt);
        expect(lines.map((l) => l.text).join('')).toBe(text);
        lines.forEach((l, i) => {
          const chars = [...l.text];
          // Only where the composer broke a line: a paragraph may itself start or end with any mark.
          // …… and —— never start a line either (issue 16).
          if (i > 0) expect(NO_LINE_START.has(chars[0]!) || chars[0] === '—' || chars[0] === '…', `line starts with ${chars[0]}: ${l.text}`).toBe(false);
          const next = lines[i + 1];
          if (!next) return;
          expect(NO_LINE_END.has(chars.at(-1)!), `line ends with ${chars.at(-1)}: ${l.text}`).toBe(false);
          expect(Math.abs(l.width - opt.measure), `line ${i} width ${l.width}: ${l.text}`).toBeLessThan(0.01);
          const a = chars.at(-1)!;
          const b = [...next.text][0]!;
          expect(glued(a, b), `break inside ${a}|${b}`).toBe(false);
          const at = lines.slice(0, i + 1).reduce((n, x) => n + x.text.length, 0);
          expect(splitsNumber(text.slice(0, at), text.slice(at)), `number split: ${l.text}|${next.text}`).toBe(false);
          // a 2-em mark is split only if this line ends with an odd run of its halves
          for (const m of ['—', '…']) {
            const run = /([—…]+)$/.exec(l.text)?.[1] ?? '';
            if (a === m && b === m) expect([...run].filter((c) => c === m).length % 2, `split ${m}${m}`).toBe(0);
          }
        });
      }),
      { seed: Number(process.env.PROP_SEED ?? 20250120), numRuns: Number(process.env.PROP_RUNS ?? 1000) },
    );
  });

  it('an attribution is never broken; pushed to its own line it is set flush right', () => {
    const department = fc.array(han, { minLength: 2, maxLength: 12 }).map((a) => `（${a.join('')}）`);
    fc.assert(
      fc.property(paragraph, department, (text, attribution) => {
        const pieces = [
          { text, role: 'body' as const, size: template.body.size, color: 'black' },
          { text: attribution, role: 'body' as const, size: template.body.size, color: 'black', keep: 'whole' as const },
        ];
        const lines = composeParagraph(pieces, fonts, { ...opt, maxStretch: template.body.maxStretch });
        expect(lines.map((l) => l.text).join('')).toBe(text + attribution);
        const last = lines.at(-1)!;
        expect(last.text.endsWith(attribution), `split: …${lines.at(-2)?.text.slice(-8)}|${last.text}`).toBe(true);
        if (lines.length > 1 && last.text === attribution) expect(last.width).toBeCloseTo(opt.measure, 6);
      }),
      { seed: Number(process.env.PROP_SEED ?? 16), numRuns: Number(process.env.PROP_RUNS ?? 500) },
    );
  });

  it('a title breaks only where the word segmenter puts a word boundary, and no line runs past the title measure', () => {
    const seg = new Intl.Segmenter('zh', { granularity: 'word' });
    // Titles of real words: runs of the segmenter's own words from the sample bulletin's vocabulary, with numbers and quotes.
    const word = fc.constantFrom('我区', '召开', '全力', '推进', '安全生产', '重点项目', '建设', '年轻干部', '实践锻炼', '加强', '持续', '释放', '消费潜力', '“十联”', '机制', '民生实事', '2025年', '第一季度', '经济运行', '分析', '暨', '推进会', '区委组织部', '实施');
    const title = fc.array(word, { minLength: 4, maxLength: 14 }).map((w) => w.join(''));
    fc.assert(
      fc.property(title, (text) => {
        const lines = titleLines(text, template.lead.title, grid.measure, template.lead.title, fonts);
        expect(lines.map((l) => l.text).join('')).toBe(text);
        const boundaries = new Set([...seg.segment(text)].map((x) => x.index));
        let at = 0;
        for (const l of lines.slice(0, -1)) {
          at += l.text.length;
          expect(boundaries.has(at), `inside a word: ${lines.map((x) => x.text).join(' / ')}`).toBe(true);
        }
        for (const l of lines) expect(l.width).toBeLessThanOrEqual(grid.measure - template.lead.title.narrower + 0.01);
      }),
      { seed: Number(process.env.PROP_SEED ?? 9704), numRuns: Number(process.env.PROP_RUNS ?? 300) },
    );
  });

  it('a paragraph never ends with a single character alone on its last line', () => {
    fc.assert(
      fc.property(paragraph, (text) => {
        const lines = composeParagraph([{ text, role: 'body', size: 16, color: 'black' }], fonts, opt);
        if (lines.length < 2) return;
        const last = [...lines.at(-1)!.text].filter((c) => !NO_LINE_START.has(c) && !NO_LINE_END.has(c));
        expect(last.length === 0 || last.length >= 2 || /[A-Za-z0-9]/.test(last[0]!), lines.at(-1)!.text).toBe(true);
      }),
      { seed: Number(process.env.PROP_SEED ?? 7), numRuns: Number(process.env.PROP_RUNS ?? 1000) },
    );
  });
});
