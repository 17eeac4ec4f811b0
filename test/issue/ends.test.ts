// Every load diagnostic that points at something written in a file also says
// where it ends, so an editor can underline the whole token.

import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { Diagnostics } from '../../src/diagnostics/diagnostic.js';
import { readIssueYaml } from '../../src/issue/issue-yaml.js';
import { readItem } from '../../src/issue/item.js';
import { SourceText } from '../../src/issue/source.js';
import { load } from './load-helpers.js';

const BASE = 'masthead: 政务信息\nnumber: 7\ndate: 2025-01-20\npublisher: 中共上街区委办公室\n';

function span(d: Diagnostic): string {
  return `${d.rule} ${d.start.line}:${d.start.column}-${d.end?.line}:${d.end?.column}`;
}

function yamlSpans(text: string): string[] {
  const diags = new Diagnostics();
  readIssueYaml(new SourceText('issue.yaml', text), diags);
  return diags.list.map(span);
}

function itemSpans(text: string): string[] {
  const diags = new Diagnostics();
  readItem('01.md', new SourceText('01.md', text), diags);
  return diags.list.map(span);
}

describe('end positions', () => {
  it('a bad value is underlined from its first to its last character', () => {
    expect(yamlSpans(BASE.replace('2025-01-20', '2025-02-30'))).toEqual(['issue/bad-date 3:7-3:17']);
    expect(yamlSpans(BASE.replace('number: 7', 'number: 第7期'))).toEqual(['issue/not-positive-integer 2:9-2:12']);
    expect(yamlSpans(BASE.replace('number: 7', 'number: 0 # zero'))).toEqual(['issue/not-positive-integer 2:9-2:10']);
  });

  it('an unknown key is underlined without its colon', () => {
    expect(yamlSpans(BASE + 'publsher: x\n')).toEqual(['issue/unknown-key 5:1-5:9']);
  });

  it('a YAML syntax error points at the opening bracket alone', () => {
    expect(yamlSpans(BASE + 'distribution:\n  发: [峡窝镇, 各街道办事处\n')).toEqual(['issue/yaml-syntax 6:6-6:7']);
  });

  it('a full-width colon is underlined itself', () => {
    expect(yamlSpans(BASE.replace('masthead: ', 'masthead：'))).toEqual(['issue/fullwidth-colon 1:9-1:10']);
  });

  it('a misspelt kind, a quoted order and a table row with extra cells', () => {
    const fm = '---\ntitle: 标题\ndepartment: 区科技局\n';
    expect(itemSpans(`${fm}kind: breif\n---\n正文。\n`)).toEqual(['item/kind 4:7-4:12']);
    expect(itemSpans(`${fm}order: "二"\n---\n正文。\n`)).toEqual(['frontmatter/type 4:9-4:10']);
    // A table is printed; a row with more cells than its header is not (GFM would drop them).
    expect(itemSpans(`${fm}---\n| a | b |\n| - | - |\n| 1 | 2 | 3 | 4 |\n`)).toEqual(['table/extra-cells 7:11-7:16']);
  });

  it('a duplicated attribution is underlined from （ to ）', async () => {
    const { diagnostics } = await load('attribution-duplicated');
    expect(diagnostics.map(span)).toEqual(['item/attribution-duplicated 7:23-7:30', 'item/attribution-duplicated 5:17-5:23']);
  });

  it('a duplicate order is underlined at the second file’s value', async () => {
    const { diagnostics } = await load('duplicate-order');
    expect(diagnostics.map(span)).toEqual(['item/duplicate-order 4:8-4:9']);
  });
});
