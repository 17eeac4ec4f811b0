// Every template number is checked before layout sees it: what would make
// `build` divide by zero or paginate for ever is a located error in `check`.

import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Diagnostics } from '../../src/diagnostics/diagnostic.js';
import { formatMessage } from '../../src/report/catalogue.js';
import { loadTemplate } from '../../src/template/load.js';
import { tmpDir } from '../helpers/cli.js';

const dir = tmpDir();
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function load(yaml: string) {
  const file = path.join(dir, `t${fs.readdirSync(dir).length}.yaml`);
  fs.writeFileSync(file, `extends: default\n${yaml}\n`);
  const diags = new Diagnostics();
  const t = loadTemplate(file, diags);
  return { t, found: diags.list.map((d) => `${d.start.line}:${d.start.column} ${d.rule} ${formatMessage(d.rule, d.args, 'en').replace(/^template `[^`]+`: /, '')}`), diags: diags.list };
}

describe('template numbers', () => {
  it('grid chars and lines of 0 or below are errors at their values', () => {
    expect(load('grid: {chars: 0, lines: -3}').found).toEqual([
      '2:15 template/invalid `grid.chars` must be a whole number from 4 to 100',
      '2:25 template/invalid `grid.lines` must be a whole number from 4 to 200',
    ]);
  });

  it('a fraction, an enormous grid, a negative or huge size, margins wider than the page', () => {
    expect(load('grid: {chars: 1.5}').found).toEqual(['2:15 template/invalid `grid.chars` must be a whole number from 4 to 100']);
    expect(load('grid: {lines: 100000}').found).toEqual(['2:15 template/invalid `grid.lines` must be a whole number from 4 to 200']);
    expect(load('body: {size: -3pt}').found).toEqual(['2:14 template/invalid `body.size` must be a length greater than 0 and at most 500 pt']);
    expect(load('body: {size: 9999pt}').found).toEqual(['2:14 template/invalid `body.size` must be a length greater than 0 and at most 500 pt']);
    expect(load('page: {margins: {left: 200mm}}').found).toEqual(['2:24 template/invalid `page.margins.left` leaves no room for text: the margins take the whole page width']);
  });

  it('composition keys: a stretch wider than a character, a widow fill past 1, later orphans of 0', () => {
    expect(load('body: {maxStretch: 1em}').found).toEqual([]);
    expect(load('body: {maxStretch: 2em}').found).toEqual(['2:20 template/invalid `body.maxStretch` must be a length from 0 to 16 pt']);
    expect(load('body: {widowFill: 1.5}').found).toEqual(['2:19 template/invalid `body.widowFill` must be a fraction from 0 to 1']);
    expect(load('body: {laterOrphans: 0}').found).toEqual(['2:22 template/invalid `body.laterOrphans` must be a whole number from 1 to 22']);
  });

  it('counts of grid lines: a masthead as tall as the page, widows of 0', () => {
    expect(load('masthead: {lines: 22}').found).toEqual(['2:19 template/invalid `masthead.lines` must be a whole number from 0 to 21']);
    expect(load('body: {widows: 0}').found).toEqual(['2:16 template/invalid `body.widows` must be a whole number from 1 to 22']);
  });

  it('the reasons read in Chinese too', () => {
    const { diags } = load('grid: {chars: 0}');
    expect(formatMessage(diags[0]!.rule, diags[0]!.args, 'zh')).toMatch(/`grid.chars` 必须是 4 到 100 之间的整数/);
  });

  it('the bundled templates pass', () => {
    for (const name of ['default', 'gongzuo-jianbao']) {
      const diags = new Diagnostics();
      expect(loadTemplate(path.join('templates', `${name}.yaml`), diags)).toBeDefined();
      expect(diags.list.filter((d) => d.severity === 'error')).toEqual([]);
    }
  });
});

describe('the reasons the loader gives', () => {
  it('read in Chinese as well as English', () => {
    const { diags } = load('grid: {chars: many}');
    expect(formatMessage(diags[0]!.rule, diags[0]!.args, 'en')).toMatch(/`grid.chars` must be a number$/);
    expect(formatMessage(diags[0]!.rule, diags[0]!.args, 'zh')).toMatch(/`grid.chars` 必须是数$/);
  });
});

describe('the 简报 form keys of a template (issue 20)', () => {
  it('reads the marking line, the series line, the 本期增发 label and the sign-off place', () => {
    const { t, found } = load('masthead: {marking: {size: 四号}, series: {format: "（{series}）", numberBaseline: 46mm}}\nsignOff: {place: number, gap: "  "}\nfooter: {extraDistribution: 增发}');
    expect(found).toEqual([]);
    expect(t!.masthead.marking.size).toBe(14);
    expect(t!.masthead.marking.font).toBe('heading');
    expect(t!.masthead.series.format).toBe('（{series}）');
    expect(t!.masthead.series.numberBaseline).toBeCloseTo((46 * 72) / 25.4, 6);
    expect(t!.signOff).toEqual({ place: 'number', separator: '：', gap: '  ' });
    expect(t!.footer.extraDistribution).toBe('增发');
  });

  it('refuses a wrong place, a negative size or baseline, and a marker that is not one visible character', () => {
    expect(load('signOff: {place: right}').found).toEqual(['2:18 template/invalid `signOff.place` must be one of footer, number']);
    expect(load('masthead: {marking: {size: -2pt}}').found).toEqual(['2:28 template/invalid `masthead.marking.size` must be a length greater than 0 and at most 500 pt']);
    expect(load('masthead: {series: {baseline: -5mm}}').found).toEqual(['2:31 template/invalid `masthead.series.baseline` must be a length from 0 to 841.8897637795277 pt']);
    expect(load('brief: {marker: "◆◆ "}').found).toEqual(['2:17 template/invalid `brief.marker` must be one visible character, optionally followed by spaces, e.g. "◆ "']);
    expect(load('brief: {marker: " "}').found).toHaveLength(1);
    expect(load('brief: {marker: "◆　"}').found).toEqual([]);
  });
});
