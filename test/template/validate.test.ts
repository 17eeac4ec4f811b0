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
