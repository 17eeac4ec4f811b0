import { describe, expect, it } from 'vitest';
import { Diagnostics } from '../../src/diagnostics/diagnostic.js';
import { parseIsoDate, readIssueYaml } from '../../src/issue/issue-yaml.js';
import { SourceText } from '../../src/issue/source.js';

const BASE = 'masthead: 政务信息\nnumber: 7\ndate: 2025-01-20\npublisher: 中共上街区委办公室\n';

function read(text: string) {
  const diags = new Diagnostics();
  const header = readIssueYaml(new SourceText('issue-07/issue.yaml', text), diags);
  return { header, diagnostics: diags.list, at: diags.list.map((d) => `${d.start.line}:${d.start.column} ${d.rule}`) };
}

describe('issue.yaml', () => {
  it('keeps 2025-01-20 a date, not a timestamp', () => {
    expect(read(BASE).header?.date).toEqual({ year: 2025, month: 1, day: 20 });
  });

  it('issue/bad-date: a date written another way, or one that does not exist', () => {
    expect(read(BASE.replace('2025-01-20', '2025-1-20')).at).toEqual(['3:7 issue/bad-date']);
    expect(read(BASE.replace('2025-01-20', '2025年1月20日')).at).toEqual(['3:7 issue/bad-date']);
    expect(read(BASE.replace('2025-01-20', '2024-02-29')).at).toEqual([]); // a leap day exists
    expect(read(BASE.replace('2025-01-20', '2025-02-29')).at).toEqual(['3:7 issue/bad-date']);
  });

  it('issue/required: every required key that is missing is reported', () => {
    expect(read('').at).toEqual(['1:1 issue/required', '1:1 issue/required', '1:1 issue/required', '1:1 issue/required']);
    expect(read('').diagnostics.map((d) => d.args.key)).toEqual(['masthead', 'number', 'date', 'publisher']);
  });

  it('issue/required: a key written with no value is reported at the value', () => {
    expect(read(BASE.replace('masthead: 政务信息', 'masthead:')).at).toEqual(['1:10 issue/required']);
  });

  it('issue/not-positive-integer: number, total and copies', () => {
    expect(read(BASE.replace('number: 7', 'number: 第7期')).at).toEqual(['2:9 issue/not-positive-integer']);
    expect(read(BASE + 'total: -3\n').at).toEqual(['5:8 issue/not-positive-integer']);
    expect(read(BASE + 'copies: 2.5\n').at).toEqual(['5:9 issue/not-positive-integer']);
    expect(read(BASE.replace('number: 7', 'number: "7"')).header?.number).toBe(7); // quoted digits are fine
  });

  it('issue/type: a masthead that is a list', () => {
    expect(read(BASE.replace('masthead: 政务信息', 'masthead: [政务, 信息]')).at).toEqual(['1:11 issue/type']);
  });

  it('issue/type: a distribution line with an empty list', () => {
    const { at, diagnostics } = read(BASE + 'distribution:\n  发: []\n');
    expect(at).toEqual(['6:6 issue/type']);
    expect(diagnostics[0]!.args.key).toBe('distribution: 发');
  });

  it('reads fonts as a path or a list of them, per role', () => {
    const { header } = read(BASE + 'fonts:\n  body: /fonts/simfang.ttf\n  fallback: [/a.ttf, /b.otf]\n');
    expect(header?.fonts.body).toMatchObject({ value: ['/fonts/simfang.ttf'], at: { line: 6, column: 9 } });
    expect(header?.fonts.fallback?.value).toEqual(['/a.ttf', '/b.otf']);
  });

  it('reads editor and template; a name written as a number keeps its written form', () => {
    const { header } = read(BASE + 'editor: 2025\ntemplate: default\n');
    expect(header?.editor?.value).toBe('2025');
    expect(header?.template).toMatchObject({ value: 'default', at: { line: 6, column: 11 } });
  });

  it('points a quoted value at its first character, inside the quote', () => {
    const { header } = read(BASE.replace('masthead: 政务信息', 'masthead: "政务信息"'));
    expect(header?.masthead).toMatchObject({ value: '政务信息', at: { line: 1, column: 12, offset: 11 } });
  });

  it('issue/unknown-key: warns, suggests the nearest key, and still loads', () => {
    const { header, diagnostics } = read(BASE + 'copys: 60\n');
    expect(header).toBeDefined();
    expect(diagnostics).toMatchObject([{ severity: 'warning', rule: 'issue/unknown-key', start: { line: 5, column: 1 }, args: { key: 'copys', suggestion: 'copies' } }]);
  });

  it('issue/yaml-syntax: a duplicate key', () => {
    expect(read(BASE + 'number: 8\n').at).toEqual(['5:1 issue/yaml-syntax']);
  });

  it('issue/fullwidth-colon: `publisher：…` is explained, not reported as a YAML error', () => {
    const { at, diagnostics } = read(BASE.replace('publisher: ', 'publisher：'));
    expect(at).toEqual(['4:10 issue/fullwidth-colon']);
    expect(diagnostics[0]!.args.fixed).toBe('publisher: 中共上街区委办公室');
  });

  it('issue/type: a file that is not a map of keys', () => {
    expect(read('- 政务信息\n').at).toEqual(['1:1 issue/type']);
  });
});

describe('parseIsoDate', () => {
  it('accepts only YYYY-MM-DD naming a day that exists', () => {
    expect(parseIsoDate('2025-01-20')).toEqual({ year: 2025, month: 1, day: 20 });
    expect(parseIsoDate('2025-02-30')).toBeUndefined();
    expect(parseIsoDate('2025-00-10')).toBeUndefined();
    expect(parseIsoDate('2025-01-20T00:00')).toBeUndefined();
  });

  it('lint: switches checks off by name, or all of them with `lint: false`', () => {
    expect(read(BASE + 'lint:\n  halfwidth-punctuation: false\n  ascii-quotes: true\n').header?.lintOff).toEqual(['lint/halfwidth-punctuation']);
    expect(read(BASE + 'lint: {attribution-duplicated: off}\n').header?.lintOff).toEqual(['item/attribution-duplicated']);
    expect(read(BASE + 'lint: false\n').header?.lintOff).toContain('lint/title-too-long');
    expect(read(BASE + 'lint: true\n').header?.lintOff).toBeUndefined();
  });

  it('issue/unknown-lint-rule: a misspelt check name is a warning with the nearest name', () => {
    const r = read(BASE + 'lint:\n  halfwidth-punctuaton: false\n');
    expect(r.at).toEqual(['6:3 issue/unknown-lint-rule']);
    expect(r.diagnostics[0]!.args).toMatchObject({ key: 'halfwidth-punctuaton', suggestion: 'halfwidth-punctuation' });
    expect(r.header?.lintOff).toBeUndefined();
  });

  it('issue/type: a lint switch that is not true or false', () => {
    expect(read(BASE + 'lint:\n  ascii-quotes: maybe\n').at).toEqual(['6:17 issue/type']);
    expect(read(BASE + 'lint: [ascii-quotes]\n').at).toEqual(['5:7 issue/type']);
  });
});
