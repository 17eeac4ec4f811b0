// The linear guards in front of the Markdown and YAML parsers: pathological
// input is refused at its place, ordinary input passes.

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { visible } from '../../src/diagnostics/messages.js';
import { formatMessage } from '../../src/report/catalogue.js';
import { MARKDOWN_LIMITS, markdownProblem } from '../../src/issue/markdown-guard.js';
import { MAX_YAML_DEPTH, yamlTooDeep } from '../../src/issue/yaml-guard.js';

const texts = (dir: string, ext: string) => fs.readdirSync(dir).filter((f) => f.endsWith(ext)).map((f) => fs.readFileSync(path.join(dir, f), 'utf8'));

const FRONT = '---\ntitle: 标题\ndepartment: 区科技局\n---\n';

describe('markdownProblem', () => {
  it('passes the example items and ordinary Markdown', () => {
    for (const text of texts('examples/issue-07', '.md')) expect(markdownProblem(text)).toBeUndefined();
    expect(markdownProblem(FRONT + '一是**加粗**，二是*强调*。\n\n- 列表\n  - 二层\n\n> 引用\n')).toBeUndefined();
  });

  it.each([
    ['lists nested past the limit', '- '.repeat(MARKDOWN_LIMITS.depth + 1) + 'a', FRONT.length + 2 * MARKDOWN_LIMITS.depth, /nested more than 16/],
    ['block quotes nested past the limit', '>'.repeat(10_000) + ' a', FRONT.length + MARKDOWN_LIMITS.depth, /nested more than 16/],
    ['emphasis openers', '*a '.repeat(10_000), FRONT.length + 3 * MARKDOWN_LIMITS.emphasis, /more than 300 `\*`/],
    ['brackets', '['.repeat(100_000), FRONT.length + MARKDOWN_LIMITS.markup, /more than 2000 of the marks/],
    ['link definitions', Array.from({ length: 200 }, (_, i) => `[d${i}]: /u${i}`).join('\n'), undefined, /more than 100 link definitions/],
    ['a long paragraph', '测'.repeat(30_000), undefined, /longer than 20000 characters/],
    ['many lines', '中\n'.repeat(6000), undefined, /more than 5000 lines/],
  ])('%s: refused at the place it passes the limit', (_, body, offset, said) => {
    const p = markdownProblem(FRONT + body)!;
    expect(p).toBeDefined();
    if (offset !== undefined) expect(p.offset).toBe(offset);
    expect(p.what.en).toMatch(said);
    expect(p.what.zh).toMatch(/\p{Script=Han}/u);
  });
});

describe('yamlTooDeep', () => {
  it('passes the example issue.yaml and the bundled templates', () => {
    for (const text of [...texts('examples/issue-07', '.yaml'), ...texts('templates', '.yaml')]) expect(yamlTooDeep(text)).toBeUndefined();
    expect(yamlTooDeep('masthead: 政务信息\ndistribution:\n  发: [峡窝镇, "各[街道", {a: [1]}]\n')).toBeUndefined();
  });

  it.each([
    ['flow brackets', 'x: ' + '['.repeat(10_000), 3 + MAX_YAML_DEPTH],
    ['flow maps', 'x: ' + '{a: '.repeat(10_000), 3 + 4 * MAX_YAML_DEPTH],
    ['compact sequences', 'x:\n' + '- '.repeat(10_000) + 'a', 3 + 2 * MAX_YAML_DEPTH],
  ])('%s past the limit: the offset of the first one too deep', (_, text, offset) => {
    expect(yamlTooDeep(text)).toBe(offset);
  });

  it('brackets inside quotes do not count', () => {
    expect(yamlTooDeep(`x: "${'['.repeat(100)}"`)).toBeUndefined();
  });
});

describe('messages', () => {
  it('show control and separator characters as U+XXXX, so a diagnostic stays on one line', () => {
    expect(visible('a\u2028b\u2029c\u0085d\u001be\nf')).toBe('aU+2028bU+2029cU+0085dU+001BeU+000Af');
    expect(formatMessage('issue/unknown-key', { key: 'bad\u2028key', suggestion: 'editor' }, 'en')).toBe('unknown key `badU+2028key`, did you mean `editor`?');
  });
});
