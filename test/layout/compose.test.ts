import { describe, expect, it } from 'vitest';
import { breakLines, setLine, toUnits, type ComposeOptions } from '../../src/layout/compose.js';
import { NO_LINE_END, NO_LINE_START } from '../../src/layout/chars.js';
import { composeParagraph } from '../../src/layout/text.js';
import { fakeFonts } from '../helpers/fake-fonts.js';

// The default grid: 156 mm text block, 28 cells of 15.79 pt, 16 pt type.
const measure = (156 * 72) / 25.4;
const cell = measure / 28;
const opt: ComposeOptions = { measure, indent: 2 * cell, tracking: cell - 16, justify: true };
const compose = (text: string, o: ComposeOptions = opt) => composeParagraph([{ text, role: 'body', size: 16, color: 'black' }], fakeFonts, o);

const han = (n: number, from = 0x4e00) => Array.from({ length: n }, (_, i) => String.fromCodePoint(from + ((i * 7) % 300))).join('');

describe('grid', () => {
  it('a full line of plain Chinese holds exactly 28 characters, the first line 26 after the indent', () => {
    const lines = compose(han(100));
    expect([...lines[0]!.text].length).toBe(26);
    expect([...lines[1]!.text].length).toBe(28);
    expect([...lines[2]!.text].length).toBe(28);
  });

  it('every glyph of a plain full line sits on its grid cell', () => {
    const lines = compose(han(60));
    const run = lines[1]!.runs[0]!;
    expect(run.x).toBeCloseTo(0, 6);
    expect(run.tracking).toBeCloseTo(cell - 16, 6);
  });
});

describe('justification', () => {
  it('every line but the last reaches the measure within 0.01 pt, the last is flush left', () => {
    const text = `${han(30)}，${han(12)}“${han(5)}”。${han(17)}、2025年增长13.46%，${han(9)}APP${han(20)}——${han(30)}……${han(8)}。`;
    const lines = compose(text);
    expect(lines.length).toBeGreaterThan(3);
    for (const l of lines.slice(0, -1)) expect(Math.abs(l.width - measure)).toBeLessThan(0.01);
    const last = lines[lines.length - 1]!;
    expect(last.width).toBeLessThan(measure);
    for (const r of last.runs) if ([...r.text].length > 1) expect(r.tracking).toBeCloseTo(cell - 16, 6);
  });

  it('the last glyph of a stretched line ends exactly at the measure (its run keeps the grid tracking)', () => {
    // 27 characters and a closing mark that cannot start the next line: the line is stretched or compressed.
    const lines = compose(`${han(26)}${han(2, 0x5000)}“${han(10)}`);
    const l = lines[0]!;
    const lastRun = l.runs[l.runs.length - 1]!;
    expect(lastRun.tracking).toBeCloseTo(cell - 16, 6);
  });
});

describe('line-start and line-end rules', () => {
  it('a closing mark never starts a line: with marks to compress in the line, it is pulled in', () => {
    // 26 cells fill the indented first line; the 。 would start line 2. The ， and the 。 give 1 em.
    const lines = compose(`${han(10)}，${han(15)}。${han(30)}`);
    expect(lines[0]!.text.endsWith('。')).toBe(true);
    expect([...lines[0]!.text].length).toBe(27);
    expect(NO_LINE_START.has([...lines[1]!.text][0]!)).toBe(false);
    expect(Math.abs(lines[0]!.width - measure)).toBeLessThan(0.01);
  });

  it('a closing mark never starts a line: with nothing to compress, the last character goes down with it', () => {
    const lines = compose(`${han(26)}。${han(30)}`);
    expect([...lines[0]!.text].length).toBe(25);
    expect(lines[1]!.text.startsWith('。')).toBe(false);
    expect([...lines[1]!.text][1]).toBe('。');
    expect(Math.abs(lines[0]!.width - measure)).toBeLessThan(0.01);
  });

  it('two closing marks that cannot be pulled in push the last character down', () => {
    const lines = compose(`${han(26)}”。）${han(30)}`);
    for (const l of lines) expect(NO_LINE_START.has([...l.text][0]!)).toBe(false);
    expect(Math.abs(lines[0]!.width - measure)).toBeLessThan(0.01);
  });

  it('an opening mark never ends a line', () => {
    const lines = compose(`${han(25)}“${han(30)}”`);
    for (const l of lines) expect(NO_LINE_END.has([...l.text].at(-1)!)).toBe(false);
    expect(lines[1]!.text.startsWith('“')).toBe(true);
  });

  it('a lone dash, a middle dot and a wave dash never start a line', () => {
    for (const mark of ['—', '·', '～']) {
      const lines = compose(`${han(26)}${mark}${han(30)}`);
      for (const l of lines.slice(1)) expect([...l.text][0]).not.toBe(mark);
    }
  });

  it('—— and …… are never split across lines', () => {
    for (const mark of ['——', '……']) {
      for (let n = 24; n <= 27; n++) {
        const lines = compose(`${han(n)}${mark}${han(40)}`);
        for (const l of lines) {
          const t = l.text;
          expect(t.endsWith(mark[0]!) && !t.endsWith(mark)).toBe(false);
        }
      }
    }
  });

  it('a number keeps its decimal point and percent sign: 13.46 and 7.8% are never broken inside', () => {
    for (let n = 20; n <= 27; n++) {
      const lines = compose(`${han(n)}13.46亿元，增长7.8%，${han(40)}`);
      const joined = lines.map((l) => l.text);
      for (const t of joined) {
        expect(/\d$/.test(t) && /^[\d.%]/.test(joined[joined.indexOf(t) + 1] ?? '')).toBe(false);
      }
    }
  });

  it('a Latin word is never broken: APP stays whole', () => {
    for (let n = 24; n <= 27; n++) {
      const lines = compose(`${han(n)}APP${han(40)}`);
      expect(lines.some((l) => l.text.includes('APP'))).toBe(true);
    }
  });
});

describe('punctuation compression', () => {
  it('two adjacent marks take 1.5 em, not 2', () => {
    const units = toUnits([{ text: '中”。中', role: 'body', size: 16, color: 'black' }], fakeFonts, 0);
    const l = setLine(units, [0, units.length], { measure: 1000, indent: 0, tracking: 0, justify: false }, true, true);
    expect(l.width).toBeCloseTo(16 * 3.5, 6);
  });

  it('a full stop before an opening bracket takes half its width: 。（', () => {
    const units = toUnits([{ text: '中。（中）', role: 'body', size: 16, color: 'black' }], fakeFonts, 0);
    const l = setLine(units, [0, units.length], { measure: 1000, indent: 0, tracking: 0, justify: false }, true, true);
    expect(l.width).toBeCloseTo(16 * 4.5, 6);
  });

  it('an opening mark at a line start keeps its full width', () => {
    const units = toUnits([{ text: '（中）', role: 'body', size: 16, color: 'black' }], fakeFonts, 0);
    const ranges = breakLines(units, { measure: 1000, indent: 0, tracking: 0, justify: false });
    const l = setLine(units, ranges[0]!, { measure: 1000, indent: 0, tracking: 0, justify: false }, true, true);
    expect(l.runs[0]!.x).toBe(0);
    expect(l.width).toBeCloseTo(48, 6);
  });
});

describe('short last lines', () => {
  it('a paragraph never ends with a single character on its last line', () => {
    for (let extra = 0; extra < 4; extra++) {
      // 26 + 28 characters fill two lines; one more would be alone on the third.
      const lines = compose(`${han(26 + 28)}${'，'.repeat(extra ? 1 : 0)}${han(1, 0x6000)}。`);
      const last = lines[lines.length - 1]!;
      const substantial = [...last.text].filter((c) => !/[，。、；：？！”’）》]/.test(c));
      expect(substantial.length === 0 || substantial.length >= 2 || lines.length === 1).toBe(true);
    }
  });
});
