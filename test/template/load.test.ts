import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Diagnostics } from '../../src/diagnostics/diagnostic.js';
import { loadTemplate } from '../../src/template/load.js';
import { parseLength, PT_PER_MM } from '../../src/template/units.js';
import { root } from '../helpers/cli.js';

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
    expect(String(diags[0]!.args.reason)).toContain('loop');
  });

  it('a parent that does not exist is an error at the extends line', () => {
    const { t, diags } = load('missing-parent.yaml');
    expect(t).toBeUndefined();
    expect(diags[0]).toMatchObject({ rule: 'template/not-found', start: { line: 2, column: 10 } });
  });
});
