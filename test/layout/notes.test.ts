// 编者按 and unattributed pieces, asserted on the display list: the note after the masthead
// and before the lead, an item's note before its text, each on the grid in the note face with the
// label in the heading face; a brief with `attribution: false` ends with its own words.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { compile, type Compiled } from '../../src/pipeline/build.js';
import { CLOSING } from '../../src/layout/chars.js';
import type { GlyphRun } from '../../src/layout/display-list.js';
import { baselineOf, gridOf } from '../../src/layout/grid.js';
import { fontFamily, renderSvgPage } from '../../src/render/svg/index.js';
import { root } from '../helpers/cli.js';

const folder = path.join(root, 'test/fixtures/notes/issue');
let c: Compiled;
beforeAll(async () => {
  const r = await compile(folder);
  if (!r.compiled) throw new Error(JSON.stringify(r.diagnostics));
  c = r.compiled;
});

const runs = () => c.pages.flatMap((p, page) => p.items.filter((i): i is GlyphRun => i.kind === 'glyphs').map((r) => ({ ...r, page })));
/** Body-size lines in reading order: page, baseline, text, and the runs. */
function lines() {
  const by = new Map<string, ReturnType<typeof runs>>();
  for (const r of runs()) {
    if (r.size !== c.template.body.size) continue;
    const k = `${r.page}:${r.y}`;
    by.set(k, [...(by.get(k) ?? []), r]);
  }
  return [...by.values()].map((rs) => rs.sort((a, b) => a.x - b.x)).sort((a, b) => a[0]!.page - b[0]!.page || a[0]!.y - b[0]!.y)
    .map((rs) => ({ page: rs[0]!.page, y: rs[0]!.y, text: rs.map((r) => r.text).join(''), runs: rs }));
}

describe('编者按 (note)', () => {
  it('the issue note comes after the masthead and before the lead title; the item note after the lead title, before its text', () => {
    const all = lines();
    const labels = all.map((l, i) => (l.text.startsWith('编者按：') ? i : -1)).filter((i) => i >= 0);
    expect(labels).toHaveLength(3);
    const leadTitle = runs().find((r) => r.text.includes('中心路街道探索'))!;
    const first = all[labels[0]!]!;
    const second = all[labels[1]!]!;
    expect(first.page).toBe(0);
    expect(first.y).toBeLessThan(leadTitle.y);
    // below the masthead's red rule
    expect(first.y).toBeGreaterThan(c.template.page.margins.top + c.template.masthead.rule.at);
    expect(first.text).toBe('编者按：岁末年初，各地各部门围绕重点项目建设和民生实');
    expect(second.page).toBe(0);
    expect(second.y).toBeGreaterThan(leadTitle.y);
    // the lead's text starts on the line after its note's last line
    const bodyStart = all.findIndex((l) => l.text.startsWith('一是在部分镇'));
    expect(all[bodyStart - 1]!.text.endsWith('请各镇街道结合实际参考。')).toBe(true);
    expect(bodyStart).toBeGreaterThan(labels[1]!);
  });

  it('a run-in item\'s note stands on the lines just before the line that opens with its title', () => {
    const all = lines();
    const titleLine = all.findIndex((l) => l.text.startsWith('我区开展高新技术企业培育攻坚行动'));
    const label = all.findLastIndex((l, i) => i < titleLine && l.text.startsWith('编者按：'));
    expect(all[label]!.text).toBe('编者按：高新技术企业培育是创新驱动的关键一环，请各有');
    expect(all[label + 1]!.text).toBe('关单位认真研究。');
    expect(label + 2).toBe(titleLine);
  });

  it('sets the label in the heading face (黑体) and the note in the note face (楷体), at the body size, on the grid', () => {
    const t = c.template;
    const heading = c.fonts.primary(t.note.labelFont).id;
    const kai = c.fonts.primary(t.note.font).id;
    expect(kai).not.toBe(c.fonts.primary(t.body.font).id);
    const grid = gridOf(t);
    const baselines = new Set(Array.from({ length: t.grid.lines }, (_, i) => baselineOf(grid, i, t.body.size)));
    const noteLines = lines().filter((l, i, all) => l.text.startsWith('编者按：') || (i > 0 && all[i - 1]!.runs.some((r) => r.face === kai) && l.runs.every((r) => r.face === kai)));
    expect(noteLines.length).toBeGreaterThanOrEqual(6);
    for (const l of noteLines) {
      expect(baselines.has(l.y), `${l.text} at ${l.y}`).toBe(true);
      const [label, ...rest] = l.runs;
      if (l.text.startsWith('编者按：')) {
        expect(label!.text).toBe('编者按：');
        expect(label!.face).toBe(heading);
      } else rest.unshift(label!);
      for (const r of rest) expect(r.face, r.text).toBe(kai);
      // composed like body text: a closing mark never starts a note line
      expect(CLOSING.has(l.text[0]!), l.text).toBe(false);
    }
  });

  it('a note line but the last is justified to the full measure, indented like a body paragraph', () => {
    const grid = gridOf(c.template);
    const first = lines().find((l) => l.text.startsWith('编者按：'))!;
    expect(first.runs[0]!.x).toBeCloseTo(grid.left + c.template.body.indent * grid.cell, 3);
    expect([...first.text].length).toBe(c.template.grid.chars - c.template.body.indent);
  });
});

describe('编者按 in the preview', () => {
  it('the SVG page draws the label in the heading face and the note in the note face, as the PDF does', () => {
    const svg = renderSvgPage(c.pages[0]!, { faces: c.fonts.faces, colors: c.template.colors });
    const heading = fontFamily(c.fonts.primary(c.template.note.labelFont).id);
    const kai = fontFamily(c.fonts.primary(c.template.note.font).id);
    expect(svg.match(new RegExp(`font-family="${heading}"[^>]*>编者按：</text>`, 'g'))).toHaveLength(2);
    expect(svg).toMatch(new RegExp(`font-family="${kai}"[^>]*>岁末年初，各地各部门围绕重点项目建设和民生实</text>`));
  });
});

describe('attribution: false', () => {
  it('a brief that says so ends with its own words: no （department） is printed', () => {
    const all = lines();
    const brief = all.findIndex((l) => l.text.includes('区退役军人事务局联合'));
    expect(all[brief + 2]!.text).toBe('和慰问金。');
    expect(runs().some((r) => r.text.includes('（区退役军人事务局）'))).toBe(false);
    // the next brief keeps its attribution
    expect(all.some((l) => l.text.endsWith('（区行政审批和政务信息管理局）'))).toBe(true);
  });
});
