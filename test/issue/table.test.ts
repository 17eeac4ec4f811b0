// A GFM pipe table in an item file, read into the model: the delimiter row's
// alignments, cells with **bold** and *emphasis* as in a paragraph, short rows
// filled, and each problem at its own line and column.
import { describe, expect, it } from 'vitest';
import { Diagnostics } from '../../src/diagnostics/diagnostic.js';
import { readItem } from '../../src/issue/item.js';
import { SourceText } from '../../src/issue/source.js';
import { TABLE_LIMITS } from '../../src/issue/table.js';

function read(body: string) {
  const diags = new Diagnostics();
  const loaded = readItem('01-tongji.md', new SourceText('issue/01-tongji.md', `---\ntitle: 主要指标\ndepartment: 区统计局\n---\n${body}`), diags);
  return { ...loaded, at: diags.list.map((d) => `${d.start.line}:${d.start.column} ${d.rule}`) };
}

describe('a table in an item', () => {
  it('is read with its alignments, styled cells, and rows filled to the header\'s columns', () => {
    const r = read('前三季度指标如下。\n\n| 镇 | 产值 | 备注 |\n| :-- | --: | :-: |\n| **城关镇** | 12,345 | *重点* |\n| 峡窝镇 | 8 |\n\n以上为初步数据。\n');
    expect(r.at).toEqual([]);
    const paragraphs = r.item!.paragraphs;
    expect(paragraphs).toHaveLength(3);
    const table = paragraphs[1]!.table!;
    expect(paragraphs[1]!.inlines).toEqual([]);
    expect(table.align).toEqual(['left', 'right', 'center']);
    expect(table.rows.map((row) => row.map((c) => c.inlines.map((i) => `${i.style}:${i.text}`).join('+')))).toEqual([
      ['plain:镇', 'plain:产值', 'plain:备注'],
      ['strong:城关镇', 'plain:12,345', 'emphasis:重点'],
      ['plain:峡窝镇', 'plain:8', ''],
    ]);
    // Cells know where they are: line 9 (front matter 4, text, blank, header, delimiter, then rows), after `| **`.
    expect(table.rows[1]![0]!.inlines[0]!.at).toMatchObject({ line: 9, column: 5 });
    expect(table.at).toMatchObject({ line: 7, column: 1 });
  });

  it('reports what a cell cannot hold (a link) at the cell, like a paragraph', () => {
    expect(read('| 镇 | 来源 |\n| --- | --- |\n| 城关镇 | [网站](http://a.cn) |\n').at).toEqual(['7:9 markdown/unsupported']);
  });

  it('refuses more columns, rows or characters in a cell than the limits, at the place that passes them', () => {
    const columns = TABLE_LIMITS.columns + 1;
    const wide = `|${' a |'.repeat(columns)}\n|${'---|'.repeat(columns)}\n`;
    expect(read(wide).at).toEqual(['5:1 table/too-large']);
    const long = `| a |\n|---|\n${'| 1 |\n'.repeat(TABLE_LIMITS.rows)}`;
    expect(read(long).at).toEqual([`${5 + 1 + TABLE_LIMITS.rows}:1 table/too-large`]);
    const cell = `| a |\n|---|\n| ${'字'.repeat(TABLE_LIMITS.cell + 1)} |\n`;
    expect(read(cell).at).toEqual(['7:3 table/cell-too-long']);
    expect(read(`| a |\n|---|\n| ${'字'.repeat(TABLE_LIMITS.cell)} |\n`).at).toEqual([]);
  });
});
