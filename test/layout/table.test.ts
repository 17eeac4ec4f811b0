// Tables on the grid, asserted on the display list of a real issue folder: the
// rules (outer thick, inner thin, on grid-line boundaries, full width), cell
// text on grid baselines, figures flush right, the header repeated at the top
// of each page a table runs onto, and rows never split.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile, type Compiled } from '../../src/pipeline/build.js';
import { isNumeric, tableParts } from '../../src/content/printed-words.js';
import type { Block } from '../../src/layout/blocks.js';
import type { GlyphRun, Page, Rule } from '../../src/layout/display-list.js';
import { baselineOf, gridOf } from '../../src/layout/grid.js';
import { paginate } from '../../src/layout/paginate.js';
import { layoutTable, type TableLayout } from '../../src/layout/table.js';
import { renderSvgPage } from '../../src/render/svg/index.js';
import { tmpDir } from '../helpers/cli.js';
import { writeFiles } from '../helpers/images.js';

const YAML = 'masthead: 政务信息\nnumber: 7\ndate: 2025-01-20\npublisher: 中共上街区委办公室\n';
const TOWNS = ['城关镇', '峡窝镇', '中心路街道', '工业路街道', '济源路街道', '矿山路街道'];
/** Row i: a town numbered so each row is told apart, a figure of varying length, a percentage, a note. */
const row = (i: number) => `| ${TOWNS[i % TOWNS.length]}${i + 1} | ${((i + 1) ** 4).toLocaleString('en-US')} | ${(i % 7) - 2}.${i % 10}% | 正常 |`;
const table = (rows: number) => ['| 镇（街道） | 产值（万元） | 同比增长 | 备注 |', '| --- | --- | --- | --- |', ...Array.from({ length: rows }, (_, i) => row(i))].join('\n');
const item = (body: string) => `---\ntitle: 前三季度各镇（街道）主要经济指标\ndepartment: 区统计局\n---\n${body}\n`;

async function build(body: string): Promise<Compiled> {
  const dir = path.join(tmpDir(), 'issue');
  writeFiles(dir, { 'issue.yaml': YAML, '01-tongji.md': item(body) });
  const r = await compile(dir);
  if (!r.compiled) throw new Error(JSON.stringify(r.diagnostics));
  return r.compiled;
}

const runs = (p: Page) => p.items.filter((i): i is GlyphRun => i.kind === 'glyphs');
/** The table's rules: in the table's colour, not the red masthead rule (this folder has no footer). */
const tableRules = (c: Compiled, p: Page) => p.items.filter((i): i is Rule => i.kind === 'rule' && i.color === c.template.table.rule.color);
const horizontal = (c: Compiled, p: Page) => tableRules(c, p).filter((r) => r.width === gridOf(c.template).measure);
const vertical = (c: Compiled, p: Page) => tableRules(c, p).filter((r) => r.width !== gridOf(c.template).measure);
/** Grid lines from the text block's top: a whole number when y lies on a boundary between grid lines. */
const gridLinesAt = (c: Compiled, y: number) => (y - gridOf(c.template).top) / gridOf(c.template).pitch;
/** Text of the runs on one baseline, left to right. */
const lineAt = (p: Page, y: number) => runs(p).filter((r) => Math.abs(r.y - y) < 0.01).sort((a, b) => a.x - b.x).map((r) => r.text).join('|');

describe('a table on the grid', () => {
  it('signs after a closing table: the attribution on the line below the table, flush right, and nowhere before it', async () => {
    const c = await build(`各镇（街道）主要指标如下表：\n\n${table(3)}`);
    const g = gridOf(c.template);
    const page = c.pages[0]!;
    const signed = runs(page).filter((r) => r.text.includes('区统计局'));
    expect(signed).toHaveLength(1);
    const bottom = Math.max(...horizontal(c, page).map((r) => r.y));
    const sign = signed[0]!;
    // Below the table's last rule, its right end on the text block's right edge.
    expect(sign.y).toBeGreaterThan(bottom);
    const face = c.fonts.faces.get(sign.face)!;
    const width = [...sign.text].reduce((w, ch) => w + face.advance(ch.codePointAt(0)!) * sign.size / face.unitsPerEm, 0);
    expect(sign.x + width + sign.tracking * ([...sign.text].length - 1)).toBeCloseTo(g.left + g.measure, 0);
    // The paragraph before the table keeps no attribution.
    expect(lineAt(page, Math.min(...runs(page).filter((r) => r.text.includes('如下表')).map((r) => r.y)))).not.toContain('区统计局');
  });

  it('is ruled round with the outer width and inside with the inner, full width, every rule on a grid-line boundary', async () => {
    const c = await build(`主要指标如下表。\n\n${table(5)}\n\n以上数据为初步统计。`);
    const g = gridOf(c.template);
    const { outer, inner } = c.template.table.rule;
    expect(outer).toBeGreaterThan(inner);
    const page = c.pages[0]!;
    const h = horizontal(c, page).sort((a, b) => a.y - b.y);
    // Header and 5 rows: 7 rules across, the first and last thick.
    expect(h.map((r) => r.thickness)).toEqual([outer, inner, inner, inner, inner, inner, outer]);
    for (const r of h) {
      expect(r.x).toBe(g.left);
      expect(Math.abs(gridLinesAt(c, r.y) - Math.round(gridLinesAt(c, r.y)))).toBeLessThan(1e-9);
    }
    // Columns: two outer rules at the text block's edges, three inner ones between four columns.
    const v = vertical(c, page).sort((a, b) => a.x - b.x);
    expect(v.map((r) => r.width)).toEqual([outer, inner, inner, inner, outer]);
    expect(v[0]!.x).toBe(g.left);
    expect(v.at(-1)!.x + v.at(-1)!.width).toBeCloseTo(g.right, 9);
    // Each runs from the top rule to the bottom one (the outer ones over the corners).
    const top = h[0]!.y;
    const bottom = h.at(-1)!.y;
    for (const r of v) {
      expect(r.y - r.thickness / 2).toBeLessThanOrEqual(top);
      expect(r.y + r.thickness / 2).toBeGreaterThanOrEqual(bottom);
    }
  });

  it('sets each line of cell text on a grid baseline, the header in the heading face, rows in the order written', async () => {
    const c = await build(`主要指标如下表。\n\n${table(5)}`);
    const g = gridOf(c.template);
    const size = c.template.table.size;
    const page = c.pages[0]!;
    const top = Math.round(gridLinesAt(c, horizontal(c, page).sort((a, b) => a.y - b.y)[0]!.y));
    const lines = Array.from({ length: 6 }, (_, k) => lineAt(page, baselineOf(g, top + k, size)));
    expect(lines[0]).toBe('镇（街道）|产值（万元）|同比增长|备注');
    for (let i = 0; i < 5; i++) expect(lines[i + 1]!.startsWith(`${TOWNS[i]}${i + 1}|`)).toBe(true);
    const header = runs(page).filter((r) => r.text === '同比增长');
    expect(header).toHaveLength(1);
    expect(c.fonts.primary(c.template.table.header.font).id).toBe(header[0]!.face);
    const cell = runs(page).find((r) => r.text === '正常')!;
    expect(cell.face).not.toBe(header[0]!.face);
  });

  it('sets figures flush right: their right edges are one, the column edge less the padding', async () => {
    const c = await build(table(8));
    const g = gridOf(c.template);
    const parts = tableParts(c.issue.items[0]!.paragraphs.find((p) => p.table)!.table!, c.template);
    const layout: TableLayout = layoutTable(parts, c.template, g, c.fonts);
    for (const column of [1, 2]) {
      const rights = layout.rows.slice(1).map((r) => {
        const line = r.cells[column]![0]!;
        return line.runs[0]!.x + line.width;
      });
      const edge = layout.edges[column + 1]! - layout.edges[column]! - c.template.table.padding;
      for (const right of rights) expect(right).toBeCloseTo(edge, 6);
      // And the figures really differ in width: flush left would not pass.
      expect(new Set(layout.rows.slice(1).map((r) => r.cells[column]![0]!.width.toFixed(3))).size).toBeGreaterThan(1);
    }
    // Text cells flush left, after the padding.
    for (const r of layout.rows.slice(1)) expect(r.cells[0]![0]!.runs[0]!.x).toBeCloseTo(c.template.table.padding, 6);
    // The delimiter row decides where it says: `:--` puts a figure column flush left.
    const left = await build(table(3).replace('| --- | --- | --- | --- |', '| --- | :-- | --- | --- |'));
    const lp = tableParts(left.issue.items[0]!.paragraphs.find((p) => p.table)!.table!, left.template);
    expect(lp.rows.slice(1).map((r) => r[1]!.align)).toEqual(['left', 'left', 'left']);
    expect(lp.rows.slice(1).map((r) => r[2]!.align)).toEqual(['right', 'right', 'right']);
  });

  it('breaks a long table between rows, the header repeated with the same text at the top of the next page', async () => {
    const c = await build(`主要指标如下表。\n\n${table(40)}\n\n以上数据为初步统计。`);
    const g = gridOf(c.template);
    const size = c.template.table.size;
    const pagesWithTable = c.pages.filter((p) => horizontal(c, p).length > 0);
    expect(pagesWithTable.length).toBeGreaterThanOrEqual(2);
    const seen: string[] = [];
    for (const page of pagesWithTable) {
      const h = horizontal(c, page).sort((a, b) => a.y - b.y);
      // Each page's part is closed: thick at its top and bottom.
      expect(h[0]!.thickness).toBe(c.template.table.rule.outer);
      expect(h.at(-1)!.thickness).toBe(c.template.table.rule.outer);
      const top = Math.round(gridLinesAt(c, h[0]!.y));
      const bottom = Math.round(gridLinesAt(c, h.at(-1)!.y));
      expect(bottom).toBeLessThanOrEqual(g.lines);
      expect(lineAt(page, baselineOf(g, top, size))).toBe('镇（街道）|产值（万元）|同比增长|备注');
      for (let k = top + 1; k < bottom; k++) seen.push(lineAt(page, baselineOf(g, k, size)).split('|')[0]!);
    }
    // Every row once, in order, none lost or doubled at the break.
    expect(seen).toEqual(Array.from({ length: 40 }, (_, i) => `${TOWNS[i % TOWNS.length]}${i + 1}`));
  });

  it('is drawn in the preview from the same display list: a rect per rule, the vertical ones as tall as the table', async () => {
    const c = await build(table(4));
    const page = c.pages[0]!;
    const svg = renderSvgPage(page, { faces: c.fonts.faces, colors: c.template.colors });
    const rects = [...svg.matchAll(/<rect x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)"/g)].map((m) => m.slice(1).map(Number));
    for (const r of vertical(c, page)) {
      expect(rects.some(([x, y, w, h]) => Math.abs(x! - r.x) < 0.01 && Math.abs(w! - r.width) < 0.01 && Math.abs(h! - r.thickness) < 0.01 && Math.abs(y! - (r.y - r.thickness / 2)) < 0.01)).toBe(true);
    }
    expect(svg).toContain('>同比增长</text>');
  });

  it('calls a cell a figure by its digits, sign, separators and %, or a dash for none', () => {
    for (const s of ['12', '12,345', '-2.1%', '+0.5', '3.0 %', '—', '98‰']) expect(isNumeric(s), s).toBe(true);
    for (const s of ['城关镇', '12万元', '2024年', '1.2.3', '']) expect(isNumeric(s), s).toBe(false);
  });
});

describe('pagination of a table', () => {
  /** A table of rows `lines` grid lines tall each, its first row the header. */
  const tableBlock = (lines: number[]): Block => {
    const total = lines.reduce((a, b) => a + b, 0);
    const layout: TableLayout = { edges: [0, 100], header: 1, size: 14, rows: lines.map((n) => ({ lines: n, cells: [[]], tag: { type: 'TR' } })) };
    return { kind: 'table', size: 14, lines: Array.from({ length: total }, () => ({ runs: [], width: 0, text: '' })), offsets: Array(total).fill(0), table: layout };
  };
  const text = (n: number): Block => ({ kind: 'paragraph', size: 16, lines: Array.from({ length: n }, () => ({ runs: [], width: 0, text: 'x' })), offsets: Array(n).fill(0) });

  it('never splits a row: a row that does not fit goes to the next page, under the header again', () => {
    // 10 lines a page: 2 of text, header 1, rows of 3: two rows fit (2+1+3+3 = 9), the third goes over.
    const flow = paginate([text(2), tableBlock([1, 3, 3, 3, 3])], 10, 0, { orphans: 2, widows: 2 });
    const segments = flow.pages.map((p) => p.flatMap((s) => (s?.table ? [s.table.rows] : [])));
    expect(segments).toEqual([[[0, 1, 2]], [[0, 3, 4]]]);
    expect(flow.pages[1]!.find((s) => s?.table)!.table!.continued).toBe(true);
    expect(flow.pages[0]!.find((s) => s?.table)!.table!.continued).toBe(false);
    expect(flow.lastUsed).toBe(7);
  });

  it('moves the whole table on when its header and first row do not fit below the text', () => {
    const flow = paginate([text(8), tableBlock([1, 3, 1])], 10, 0, { orphans: 2, widows: 2 });
    expect(flow.pages[0]!.some((s) => s?.table)).toBe(false);
    expect(flow.pages[1]![0]!.table!.rows).toEqual([0, 1, 2]);
  });
});
