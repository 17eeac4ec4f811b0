import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Diagnostics } from '../../src/diagnostics/diagnostic.js';
import { loadTemplate } from '../../src/template/load.js';
import { parseLength, PT_PER_MM } from '../../src/template/units.js';
import { root, tmpDir } from '../helpers/cli.js';

const fixture = (name: string) => path.join(root, 'test/fixtures/templates', name);
const load = (name: string) => {
  const diags = new Diagnostics();
  const t = loadTemplate(fixture(name), diags);
  return { t, diags: diags.list };
};

describe('template lengths', () => {
  it('reads mm, pt, em and the Chinese size names', () => {
    expect(parseLength('37mm')).toBeCloseTo(37 * PT_PER_MM, 9);
    expect(parseLength('16pt')).toBe(16);
    expect(parseLength('0.25em', 60)).toBe(15);
    expect(parseLength('三号')).toBe(16);
    expect(parseLength('初号')).toBe(42);
    expect(parseLength('小四')).toBe(12);
    expect(parseLength('huge')).toBeUndefined();
  });
});

describe('extends', () => {
  it('a template that extends default overrides only the keys it gives', () => {
    const { t, diags } = load('child.yaml');
    expect(diags).toEqual([]);
    expect(t!.body.size).toBe(15);
    expect(t!.pageNumber.position).toBe('center');
    expect(t!.grid.chars).toBe(28); // from default
    expect(t!.masthead.name.size).toBe(60);
  });

  it('extends chains through several templates, and maps such as colors merge', () => {
    const { t, diags } = load('grandchild.yaml');
    expect(diags).toEqual([]);
    expect(t!.masthead.name.color).toBe('blue');
    expect(Object.keys(t!.colors).sort()).toEqual(['black', 'blue', 'red']);
    expect(t!.body.size).toBe(15); // from child
  });

  it('an unknown key is a warning at its own line with the nearest known key', () => {
    const { t, diags } = load('typo.yaml');
    expect(t).toBeDefined();
    expect(diags.map((d) => [d.rule, d.severity, d.start.line, d.start.column, d.args.key, d.args.suggestion])).toEqual([
      ['template/unknown-key', 'warning', 2, 1, 'pageNumbr', 'pageNumber'],
      ['template/unknown-key', 'warning', 5, 3, 'indnet', 'indent'],
    ]);
  });

  it('a wrong value is an error at the line of the template that wrote it', () => {
    const { t, diags } = load('bad-length.yaml');
    expect(t).toBeUndefined();
    expect(diags).toHaveLength(1);
    expect(diags[0]).toMatchObject({ rule: 'template/invalid', severity: 'error', start: { line: 4, column: 11 } });
    expect(diags[0]!.file).toContain('bad-length.yaml');
  });

  it('a loop of extends is an error, not a hang', () => {
    const { t, diags } = load('loop-a.yaml');
    expect(t).toBeUndefined();
    expect((diags[0]!.args.reason as { en: string }).en).toContain('loop');
  });

  it('a parent that does not exist is an error at the extends line', () => {
    const { t, diags } = load('missing-parent.yaml');
    expect(t).toBeUndefined();
    expect(diags[0]).toMatchObject({ rule: 'template/not-found', start: { line: 2, column: 10 } });
  });
});

describe('figure keys', () => {
  it('the default template sets images at most 156 × 120 mm, captions in the emphasis face at 四号', () => {
    const { t, diags } = load('child.yaml');
    expect(diags).toEqual([]);
    expect(t!.figure.maxWidth).toBeCloseTo(156 * PT_PER_MM, 6);
    expect(t!.figure.maxHeight).toBeCloseTo(120 * PT_PER_MM, 6);
    expect(t!.figure.caption).toEqual({ font: 'emphasis', size: 14, color: 'black' });
    expect([t!.figure.spaceBefore, t!.figure.spaceAfter]).toEqual([0, 0]);
  });

  it('a template may override them, and a width of 0 is an error at its line', () => {
    const dir = tmpDir();
    const write = (name: string, text: string) => fs.writeFileSync(path.join(dir, name), text, 'utf8');
    write('narrow.yaml', 'extends: default\nfigure:\n  maxWidth: 100mm\n  caption: { font: body, size: 小四 }\n  spaceAfter: 1\n');
    write('zero.yaml', 'extends: default\nfigure:\n  maxHeight: 0mm\n');
    const narrow = loadTemplate(path.join(dir, 'narrow.yaml'), new Diagnostics())!;
    expect(narrow.figure.maxWidth).toBeCloseTo(100 * PT_PER_MM, 6);
    expect(narrow.figure.caption).toEqual({ font: 'body', size: 12, color: 'black' });
    expect(narrow.figure.spaceAfter).toBe(1);
    const diags = new Diagnostics();
    expect(loadTemplate(path.join(dir, 'zero.yaml'), diags)).toBeUndefined();
    expect(diags.list.map((d) => [d.rule, d.start.line, d.start.column])).toEqual([['template/invalid', 3, 14]]);
  });
});

describe('defaults live only in templates/default.yaml', () => {
  const defaultText = fs.readFileSync(path.join(root, 'templates/default.yaml'), 'utf8');
  const write = (text: string) => {
    const file = path.join(tmpDir(), 'house.yaml');
    fs.writeFileSync(file, text);
    return file;
  };
  const loadFile = (file: string) => {
    const diags = new Diagnostics();
    return { t: loadTemplate(file, diags), diags: diags.list };
  };

  it('a copy of default.yaml that extends nothing loads to the same template', () => {
    const copy = loadFile(write(defaultText));
    const original = loadFile(path.join(root, 'templates/default.yaml'));
    expect(copy.diags).toEqual([]);
    expect({ ...copy.t, name: '', file: '', fonts: {} }).toEqual({ ...original.t, name: '', file: '', fonts: {} });
  });

  it('a template without a key, extending nothing, is an error at the key\'s section, naming the key — no value from code', () => {
    // The brief marker line and the page-number format gone; nothing else changed.
    const text = defaultText.replace(/^ {2}marker: .*\n/m, '').replace(/^ {2}format: "— \{n\} —"\n/m, '');
    expect(text).not.toContain('marker:');
    const file = write(text);
    const { t, diags } = loadFile(file);
    expect(t).toBeUndefined();
    const lines = text.split('\n');
    const lineOf = (key: string) => lines.findIndex((l) => l.startsWith(key)) + 1;
    // Each at its nearest written parent, where that section's keys begin: `brief:`, `pageNumber:`.
    expect(diags.map((d) => [d.rule, d.severity, d.start.line, (d.args.reason as { en: string }).en.split(':')[0]])).toEqual([
      ['template/invalid', 'error', lineOf('brief:') + 1, '`brief.marker` is missing'],
      ['template/invalid', 'error', lineOf('pageNumber:') + 1, '`pageNumber.format` is missing'],
    ]);
    expect(diags.every((d) => d.file.endsWith('house.yaml'))).toBe(true);
    expect((diags[0]!.args.reason as { zh: string }).zh).toContain('缺失');
  });

  it('an empty template that extends nothing names every section it lacks, at line 1', () => {
    const { t, diags } = loadFile(write('grid: { chars: 28, lines: 22 }\n'));
    expect(t).toBeUndefined();
    const keys = diags.map((d) => (d.args.reason as { en: string }).en.split(' ')[0]);
    expect(keys).toContain('`page.width`');
    expect(keys).toContain('`brief.marker`');
    expect(keys).not.toContain('`grid.chars`');
    expect(diags.every((d) => d.rule === 'template/invalid' && d.start.line === 1)).toBe(true);
  });
});
