// Property tests (seeded): paragraphs of the 8,105 通用规范汉字 mixed with
// punctuation, numbers, Latin runs, —— and ……, composed with the real faces.
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NO_LINE_END, NO_LINE_START } from '../../src/layout/chars.js';
import { gridOf } from '../../src/layout/grid.js';
import { composeParagraph } from '../../src/layout/text.js';
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
);
const paragraph = fc.array(token, { minLength: 5, maxLength: 80 }).map((ts) => ts.join(''));

/** Two characters that a break may not separate: inside a number, a word, —— or …… . */
function glued(a: string, b: string): boolean {
  const word = /[A-Za-z0-9]/;
  if (word.test(a) && word.test(b)) return true;
  if (/\d/.test(a) && /[.%]/.test(b)) return true;
  if (a === '.' && /\d/.test(b)) return true;
  return false;
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
          if (i > 0) expect(NO_LINE_START.has(chars[0]!) || (chars[0] === '—' && chars[1] !== '—'), `line starts with ${chars[0]}: ${l.text}`).toBe(false);
          const next = lines[i + 1];
          if (!next) return;
          expect(NO_LINE_END.has(chars.at(-1)!), `line ends with ${chars.at(-1)}: ${l.text}`).toBe(false);
          expect(Math.abs(l.width - opt.measure), `line ${i} width ${l.width}: ${l.text}`).toBeLessThan(0.01);
          const a = chars.at(-1)!;
          const b = [...next.text][0]!;
          expect(glued(a, b), `break inside ${a}|${b}`).toBe(false);
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
