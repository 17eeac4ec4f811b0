// The `key: value` fast path (yaml-simple.ts) must give what the `yaml`
// package gives: the same entries (whole value nodes, places of keys and
// values) and no diagnostic, or decline. Held equal on generated front matters
// (seeded) and on every item of the examples.
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Diagnostics } from '../../src/diagnostics/diagnostic.js';
import { SourceText } from '../../src/issue/source.js';
import { parseYamlMap, parseYamlMapFully, YamlText } from '../../src/issue/yaml-nodes.js';
import { simpleYamlMap } from '../../src/issue/yaml-simple.js';
import { root } from '../helpers/cli.js';

/** Both paths over `yaml` (as front matter after a `---` line); the fast one is undefined when it declined. */
function bothPaths(yaml: string) {
  const src = new SourceText('item.md', `---\n${yaml}\n---\n正文。\n`);
  const y = new YamlText(src, 4, yaml);
  const full = new Diagnostics();
  const fullEntries = parseYamlMapFully(y, 'frontmatter', full);
  if (!simpleYamlMap(yaml)) return { fast: undefined, fullEntries, full };
  const fast = new Diagnostics();
  return { fast: { entries: parseYamlMap(y, 'frontmatter', fast), diags: fast.list }, fullEntries, full };
}

/** Whatever the fast path accepts, it reads exactly as yaml does. */
function expectSame(yaml: string): boolean {
  const { fast, fullEntries, full } = bothPaths(yaml);
  if (!fast) return false;
  expect(fast.diags).toEqual([]);
  expect(full.list).toEqual([]);
  expect(fast.entries).toStrictEqual(fullEntries);
  return true;
}

const han = fc.constantFrom(...'区发改委我加大攻坚力度扎实推动省市重点项目建设中心路街道探索人大代表机制办好民生实事一二三');
const hanRun = fc.array(han, { minLength: 1, maxLength: 10 }).map((a) => a.join(''));
const lookalike = fc.constantFrom(
  ...['0', '7', '007', '-3', '+5', '0o17', '0o8', '0x1F', '0xg', '1e3', '1.', '.5', '1.50', '2.0e-3', '.inf', '-.Inf', '+.INF', '.nan', '.NaN'],
  ...['true', 'True', 'TRUE', 'false', 'False', 'yes', 'no', 'on', 'null', 'Null', 'NULL', '~', 'nulls', '2025-06-01', '2025年6月1日', '12:30'],
);
const punct = fc.constantFrom(...['，', '。', '“', '”', '（', '）', '《', '》', '：', '、', '——', '……', '·', ' ', '  ', '　']);
const ascii = fc.constantFrom(...[',', '.', '-', '?', ':', '#', '&', '*', '!', '|', '>', '%', '@', '`', '"', "'", '[', ']', '{', '}', '\\', '/', '\t', '\r', '\u00a0', '\ufeff', ': ', ' #', ' :']);
const word = fc.stringMatching(/^[A-Za-z0-9_]{1,8}$/);
const value = fc.oneof(
  { weight: 3, arbitrary: fc.array(fc.oneof({ weight: 4, arbitrary: hanRun }, { weight: 2, arbitrary: punct }, { weight: 1, arbitrary: word }, { weight: 1, arbitrary: lookalike }), { minLength: 1, maxLength: 6 }).map((a) => a.join('')) },
  { weight: 2, arbitrary: lookalike },
  { weight: 2, arbitrary: fc.array(fc.oneof(hanRun, ascii, word, lookalike), { minLength: 1, maxLength: 5 }).map((a) => a.join('')) },
);
const key = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('title', 'department', 'kind', 'order', 'attribution', 'note') },
  { weight: 2, arbitrary: fc.constantFrom('titel', 'Title', '部门', 'my key', 'a.b', 'a-b', '1', '01', '0x1', '1.0', 'true', 'True', '~', 'null', '.5', '...', '-x', 'a:b', 'a#b', '#a', ' title', 'title ', '"title"', '.x') },
  { weight: 1, arbitrary: fc.oneof(word, hanRun) },
);
const line = fc.oneof(
  { weight: 10, arbitrary: fc.tuple(key, value).map(([k, v]) => `${k}: ${v}`) },
  { weight: 2, arbitrary: key.map((k) => `${k}:`) },
  { weight: 1, arbitrary: fc.tuple(key, value, fc.constantFrom(':', ' :', ':  ', '：', ': ', ':\t')).map(([k, v, c]) => `${k}${c}${v}`) },
  { weight: 1, arbitrary: fc.constantFrom('', '', '# 注释', '#', '  续行', ' ', '- 条目', '---', '...', '%YAML 1.2', 'title: a # 注释', 'a: b: c', '? key') },
);
const frontMatter = fc.tuple(fc.array(line, { minLength: 0, maxLength: 8 }), fc.constantFrom('', '\n', '\n\n')).map(([ls, end]) => ls.join('\n') + end);

describe('the key: value fast path', () => {
  it('reads generated front matters exactly as the yaml package does, or declines', () => {
    let accepted = 0;
    fc.assert(
      fc.property(frontMatter, (text) => {
        if (expectSame(text)) accepted++;
      }),
      { seed: 20261206, numRuns: 3000 },
    );
    // The comparison ran on a good share of the texts, not on none.
    expect(accepted).toBeGreaterThan(300);
  });

  it('takes every plain `key: value` front matter (so the comparison above is about the texts items have)', () => {
    // Not starting with - (as in -3): the fast path leaves YAML's indicator characters to yaml.
    const plainValue = fc
      .array(fc.oneof(hanRun, fc.constantFrom('，', '。', '“', '”', '（', '）', '《', '》', '、'), lookalike), { minLength: 1, maxLength: 6 })
      .map((a) => a.join(''))
      .filter((v) => !v.startsWith('-'));
    const knownKeys = fc.uniqueArray(fc.constantFrom('title', 'department', 'kind', 'order', 'attribution', 'note'), { minLength: 1, maxLength: 6 });
    const text = knownKeys.chain((ks) => fc.tuple(...ks.map((k) => fc.tuple(fc.constant(k), fc.option(plainValue)).map(([k2, v]) => (v === null ? `${k2}:` : `${k2}: ${v}`)))).map((ls) => ls.join('\n')));
    fc.assert(
      fc.property(text, (t) => {
        expect(expectSame(t)).toBe(true);
      }),
      { seed: 7, numRuns: 500 },
    );
  });

  it('reads the front matter of every example item through the fast path, as yaml does', () => {
    const files = ['examples/issue-07', 'examples/fangxun-zhuankan'].flatMap((d) =>
      fs.readdirSync(path.join(root, d)).filter((f) => f.endsWith('.md')).map((f) => path.join(root, d, f)),
    );
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) {
      const m = /^---\n([\s\S]*?)\n---\n/.exec(fs.readFileSync(file, 'utf8'));
      // The examples also show a comment after a value, which the fast path leaves to yaml.
      if (m) expect(expectSame(m[1]!), file).toBe(!/ #/.test(m[1]!));
    }
  });

  it.each([
    ['a repeated key', 'title: 甲\ntitle: 乙'],
    ['the same key written two ways', '1: 甲\n0x1: 乙'],
    ['true and True as keys', 'true: 甲\nTrue: 乙'],
    ['a comment after a value', 'title: 甲 # 注释'],
    ['a quoted value', 'title: "甲"'],
    ['a quote inside a value', "title: 甲'乙"],
    ['a continued value', 'title: 甲\n  乙'],
    ['a list', 'title:\n- 甲'],
    ['a blank line after an empty value', 'title:\n\ndepartment: 甲'],
    ['a comment after an empty value', 'title:\n# 注释'],
    ['a nested map', 'title: a: b'],
    ['a value ending in a colon', 'title: 甲:'],
    ['trailing spaces', 'title: 甲 '],
    ['two spaces after the colon', 'title:  甲'],
    ['a tab', 'title:\t甲'],
    ['a full-width colon', 'title：甲'],
    ['no space after the colon', 'title:甲'],
    ['a space before the colon', 'title : 甲'],
    ['an anchor', 'title: &a 甲'],
    ['a tag', 'order: !!str 2'],
    ['a block scalar', 'note: |\n  甲'],
    ['a flow sequence', 'title: [甲]'],
    ['brackets inside a value', 'title: 甲[1]'],
    ['a document marker', '---\ntitle: 甲'],
    ['a document end', 'title: 甲\n...\ndepartment: 乙'],
    ['a key over 100 characters', `${'k'.repeat(101)}: 甲`],
    ['only comments', '# 注释'],
    ['nothing', ''],
  ])('declines %s (the yaml package reads it, with its errors)', (_, text) => {
    expect(simpleYamlMap(text)).toBeUndefined();
  });

  it.each([
    ['numbers and booleans keep yaml’s values and forms', 'order: 0x1F\nkind: 1.50\nnote: .NaN\nattribution: False\ndepartment: 1e3'],
    ['empty values and ~', 'title:\ndepartment: ~\nnote: null'],
    ['blank and comment lines between entries', '# 第一期\ntitle: 甲\n\n# 部门\ndepartment: 乙\n\n'],
    ['unknown and Chinese keys, numeric keys', '标题: 甲\n1: 乙\n0o7: 丙'],
    ['a # and a colon inside a value', 'title: 第#1号:通知\ndepartment: 区发改委（12:30）'],
    ['keys and values YAML 1.1 gave a meaning to, odd spaces', '<<: 甲\n=: 乙\nnote: 甲\u2028乙\u00a0\ntitle: 1_000\nkind: 0b101'],
  ])('reads %s exactly as yaml does', (_, text) => {
    expect(expectSame(text)).toBe(true);
  });
});
