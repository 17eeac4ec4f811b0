// The parts of the 简报 form (issue 20) on the display list: 密级 and 份号 above the
// masthead name, the series under it, 本期增发 and the sign-off in the 报尾, the brief marker.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { compile, type Compiled } from '../../src/pipeline/build.js';
import type { GlyphRun, Page } from '../../src/layout/display-list.js';
import { gridOf, type Grid } from '../../src/layout/grid.js';
import { layoutIssue } from '../../src/layout/index.js';
import { mastheadCollisions } from '../../src/layout/masthead.js';
import { root } from '../helpers/cli.js';

const folder = path.join(root, 'examples/fangxun-zhuankan');
let c: Compiled;
let grid: Grid;
beforeAll(async () => {
  const r = await compile(folder);
  if (!r.compiled) throw new Error(JSON.stringify(r.diagnostics));
  c = r.compiled;
  grid = gridOf(c.template);
});

const runs = (p: Page) => p.items.filter((i): i is GlyphRun => i.kind === 'glyphs');
const width = (r: GlyphRun) => {
  const face = c.fonts.faces.get(r.face)!;
  let w = 0;
  for (const ch of r.text) w += (face.advance(ch.codePointAt(0)!) / face.unitsPerEm) * r.size + r.tracking;
  return w;
};
/** The runs of a page on one baseline, left to right, joined. */
function lineAt(p: Page, y: number) {
  const rs = runs(p).filter((r) => Math.abs(r.y - y) < 0.01).sort((a, b) => a.x - b.x);
  return { text: rs.map((r) => r.text).join(''), x0: rs[0]?.x ?? NaN, end: rs.length ? rs.at(-1)!.x + width(rs.at(-1)!) : NaN, runs: rs };
}
const find = (p: Page, text: string) => {
  const r = runs(p).find((x) => x.text.includes(text));
  if (!r) throw new Error(`no run with ${text}`);
  return r;
};
const mm = 72 / 25.4;

describe('the masthead of a 防汛专刊 with a classification and a copy number', () => {
  it('sets the classification flush left and the copy number as six digits flush right on the top line of the text block', () => {
    const page = c.pages[0]!;
    const marking = find(page, '内部资料');
    const copy = find(page, '000126');
    const m = c.template.masthead.marking;
    expect(marking.y).toBeCloseTo(grid.top + m.baseline, 6);
    expect(copy.y).toBeCloseTo(marking.y, 6);
    expect(marking.x).toBeCloseTo(grid.left, 6);
    expect(copy.x + width(copy)).toBeCloseTo(grid.right, 3);
    expect(lineAt(page, marking.y).text).toBe('内部资料　注意保存000126');
    // 黑体 三号, above the red name and inside the text block (its em box from the top edge down).
    expect(c.fonts.faces.get(marking.face)).toBe(c.fonts.primary('heading'));
    expect(marking.size).toBe(16);
    expect(marking.y - 0.88 * marking.size).toBeGreaterThanOrEqual(grid.top - 0.5);
    const name = find(page, '政务信息');
    expect(marking.y).toBeLessThan(name.y - 0.77 * name.size); // its baseline above the name's ink
  });

  it('prints the series under the masthead name in red, and moves the number line under it', () => {
    const page = c.pages[0]!;
    const name = find(page, '政务信');
    const series = find(page, '防汛专刊');
    const number = find(page, '第3期');
    const s = c.template.masthead.series;
    expect(series.y).toBeCloseTo(grid.top + s.baseline, 6);
    expect(series.color).toBe('red');
    expect(series.size).toBe(22);
    expect(number.y).toBeCloseTo(grid.top + s.numberBaseline, 6);
    expect(name.y).toBeLessThan(series.y);
    expect(series.y).toBeLessThan(number.y);
    // Centred on the text block.
    const centre = (r: GlyphRun) => r.x + width(r) / 2;
    expect(centre(series)).toBeCloseTo(grid.left + grid.measure / 2, 1);
    // All above the publisher line and the red rule.
    expect(number.y).toBeLessThan(find(page, '上街区防汛抗旱').y);
  });

  it('keeps the number line where it was for an issue without a series', () => {
    const plain = { ...c.issue };
    delete plain.series;
    const pages = layoutIssue(plain, c.template, c.fonts);
    expect(find(pages[0]!, '第3期').y).toBeCloseTo(grid.top + c.template.masthead.number.baseline, 6);
    expect(runs(pages[0]!).some((r) => r.text.includes('防汛专刊'))).toBe(false);
  });
});

describe('the 报尾 with 本期增发 and the sign-off', () => {
  it('prints 本期增发 after the 报/送/发 lines, then the sign-off, then 责任编辑 and the copies', () => {
    const last = c.pages.at(-1)!;
    // The 报尾's runs: paragraphs of its Div (a table on the same page is set at the same size).
    const inFooter = (r: GlyphRun) => !!r.tag && 'type' in r.tag && r.tag.parent?.type === 'Div';
    const footerRuns = runs(last).filter((r) => r.size === c.template.footer.size && inFooter(r));
    const ys = [...new Set(footerRuns.map((r) => r.y))].sort((a, b) => a - b);
    const lines = ys.map((y) => lineAt(last, y).text);
    expect(lines).toEqual([
      '报：市防汛抗旱指挥部办公室',
      '送：区委、区人大、区政府、区政协领导',
      '发：各镇街道、区防汛抗旱指挥部各成员单位',
      '本期增发：区应急管理局各科室、各防汛责任片区',
      '签发：王建国　审核：李红梅　校对：赵晓东',
      '责任编辑：孙立新（共印80份）',
    ]);
    const signOff = lineAt(last, ys[4]!);
    expect(signOff.x0).toBeCloseTo(grid.left + c.template.footer.inset * c.template.footer.size, 6);
    // The footer still ends on the text block's bottom line.
    expect(ys.at(-1)!).toBeLessThan(grid.bottom);
    expect(ys.at(-1)!).toBeGreaterThan(grid.bottom - grid.pitch);
  });

  it('sets the sign-off flush right on the number line when the template says `signOff: place: number`', () => {
    const t = { ...c.template, signOff: { ...c.template.signOff, place: 'number' as const } };
    const issue = { ...c.issue, signOff: [c.issue.signOff![0]!] };
    const pages = layoutIssue(issue, t, c.fonts);
    const number = find(pages[0]!, '第3期');
    const line = lineAt(pages[0]!, number.y);
    expect(line.text).toBe('第3期签发：王建国');
    expect(line.end).toBeCloseTo(grid.right, 3);
    expect(runs(pages.at(-1)!).some((r) => r.text.includes('签发'))).toBe(false);
    expect(mastheadCollisions(issue, t, grid.measure, c.fonts)).toEqual([]);
    // Three names do not fit beside the centred number: check reports it.
    expect(mastheadCollisions(c.issue, t, grid.measure, c.fonts)).toEqual(['signOff']);
  });
});

describe('the brief marker', () => {
  it('starts each brief with the issue\'s ◆ and the template\'s space, at the paragraph indent', () => {
    const briefs = c.pages.flatMap((p) => runs(p)).filter((r) => r.text.startsWith('◆'));
    expect(briefs).toHaveLength(2);
    for (const b of briefs) {
      expect(b.text.startsWith('◆ ')).toBe(true);
      expect(b.x).toBeCloseTo(grid.left + c.template.body.indent * grid.cell, 6);
    }
    expect(c.pages.flatMap((p) => runs(p)).some((r) => r.text.includes('△'))).toBe(false);
  });
});
