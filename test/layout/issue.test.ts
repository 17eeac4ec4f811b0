// The example issue laid out, asserted on the display list (positions, line contents), not on PDF bytes.
import { beforeAll, describe, expect, it } from 'vitest';
import { compile, type Compiled } from '../../src/pipeline/build.js';
import type { GlyphRun, Page, Rule } from '../../src/layout/display-list.js';
import { gridOf, type Grid } from '../../src/layout/grid.js';
import { CLOSING } from '../../src/layout/chars.js';
import { example } from '../helpers/cli.js';

let c: Compiled;
let grid: Grid;
beforeAll(async () => {
  const r = await compile(example);
  if (!r.compiled) throw new Error(JSON.stringify(r.diagnostics));
  c = r.compiled;
  grid = gridOf(c.template);
});

const runs = (p: Page) => p.items.filter((i): i is GlyphRun => i.kind === 'glyphs');
const rules = (p: Page) => p.items.filter((i): i is Rule => i.kind === 'rule');
/** Lines of body-size text on a page: runs grouped by baseline, left to right. */
function bodyLines(p: Page, size = 16) {
  const by = new Map<number, GlyphRun[]>();
  for (const r of runs(p)) if (r.size === size) by.set(r.y, [...(by.get(r.y) ?? []), r]);
  return [...by.entries()].sort((a, b) => a[0] - b[0]).map(([y, rs]) => {
    rs.sort((a, b) => a.x - b.x);
    const last = rs[rs.length - 1]!;
    const end = last.x + runWidth(last, c.fonts.faces.get(last.face)!);
    return { y, x0: rs[0]!.x, end, text: rs.map((r) => r.text).join('') };
  });
}
function runWidth(r: GlyphRun, face: { advance(cp: number): number; unitsPerEm: number }): number {
  let w = 0;
  for (const ch of r.text) w += (face.advance(ch.codePointAt(0)!) / face.unitsPerEm) * r.size + r.tracking;
  return w;
}

describe('the example on the grid', () => {
  it('has four A4 pages', () => {
    expect(c.pages.length).toBe(4);
    for (const p of c.pages) {
      expect(p.width).toBeCloseTo(595.28, 1);
      expect(p.height).toBeCloseTo(841.89, 1);
    }
  });

  it('puts body lines at a fixed pitch of 225 mm / 22 and fills full pages with 22 lines', () => {
    const pitch = grid.height / 22;
    expect(pitch).toBeCloseTo(28.99, 2); // 637.8 pt / 22
    const counts = c.pages.slice(1, -1).map((p) => {
      const ys = bodyLines(p).map((l) => l.y);
      ys.slice(1).forEach((y, i) => expect(y - ys[i]!).toBeCloseTo(pitch, 6));
      expect(ys[0]).toBeCloseTo(grid.top + pitch - (pitch - 16) / 2 - 0.12 * 16, 6); // first grid line
      return ys.length;
    });
    // Page 2 ends a line short: item 4 would have only one line there (an item's first page holds two).
    expect(counts).toEqual([21, 22]);
  });

  it('starts the body on page 1 below the masthead, on the grid line the template names', () => {
    const lines = runs(c.pages[0]!).filter((r) => r.size === 22); // the lead title
    const firstTitle = Math.min(...lines.map((r) => r.y));
    const slot = (firstTitle - grid.top) / grid.pitch;
    expect(Math.floor(slot)).toBe(c.template.masthead.lines);
  });

  it('justifies every full body line to both edges of the text block', () => {
    let full = 0;
    for (const p of c.pages) {
      const lines = bodyLines(p);
      lines.forEach((l, i) => {
        const next = lines[i + 1];
        const continues = next && Math.abs(next.x0 - grid.left) < 0.01 && (Math.abs(l.x0 - grid.left) < 0.01 || Math.abs(l.x0 - grid.left - 2 * grid.cell) < 0.01);
        if (continues && l.text.length > 20) {
          // A closing mark at the end may give up to half its width: its advance then passes the edge by up to half an em.
          const over = l.end - grid.right;
          const halfMark = CLOSING.has([...l.text].at(-1)!) && over > 0 && over < 8 + 0.01;
          expect(Math.abs(over) < 0.01 || halfMark, `${over.toFixed(3)} ${l.text}`).toBe(true);
          full++;
        }
      });
    }
    expect(full).toBeGreaterThan(50);
  });

  it('sets the masthead name in red, centred on the text block', () => {
    const name = runs(c.pages[0]!).filter((r) => r.size === c.template.masthead.name.size);
    expect(name.map((r) => r.text).join('')).toBe('政务信息');
    expect(name.every((r) => r.color === 'red')).toBe(true);
    const face = c.fonts.faces.get(name[0]!.face)!;
    const left = name[0]!.x;
    const right = name.at(-1)!.x + runWidth(name.at(-1)!, face) - name.at(-1)!.tracking;
    expect((left + right) / 2).toBeCloseTo(grid.left + grid.measure / 2, 1);
    const red = rules(c.pages[0]!).find((r) => r.color === 'red')!;
    expect(red.width).toBeCloseTo(grid.measure, 6);
  });

  it('runs the item titles in, in the heading face, followed by a full-width space', () => {
    const all = c.pages.flatMap(runs);
    const title = all.find((r) => r.text.startsWith('我区加大攻坚力度'))!;
    expect(c.fonts.faces.get(title.face)!.postscriptName).toBe('FandolHei-Regular');
    expect(all.some((r) => r.text.includes('建设　一是') || r.text === '　')).toBe(false); // the space is a gap, not a glyph
  });

  it('puts the footer on the last page with its last rule on the bottom edge of the text block', () => {
    const last = c.pages.at(-1)!;
    const footerRules = rules(last).sort((a, b) => a.y - b.y);
    expect(footerRules.length).toBe(4); // thick, thin, thin, thick
    const bottom = footerRules.at(-1)!;
    expect(bottom.y + bottom.thickness / 2).toBeCloseTo(grid.bottom, 6);
    expect(footerRules[0]!.thickness).toBeCloseTo(0.35 * 72 / 25.4, 6);
    expect(footerRules[1]!.thickness).toBeCloseTo(0.25 * 72 / 25.4, 6);
    const footer = runs(last).filter((r) => r.size === 14 && r.y < grid.bottom);
    const texts = footer.map((r) => r.text).join('');
    expect(texts).toContain('本期送：');
    const copies = footer.find((r) => r.text.includes('共印'))!;
    const face = c.fonts.faces.get(copies.face)!;
    expect(copies.x + runWidth(copies, face)).toBeCloseTo(grid.right - 14, 1);
  });

  it('numbers pages — N — on the outside edge, one character in, 7 mm below the text block', () => {
    c.pages.forEach((p, i) => {
      const n = i + 1;
      const num = runs(p).filter((r) => r.y > grid.bottom);
      expect(num.map((r) => r.text).join('').replace(/\s/g, '')).toBe(`—${n}—`);
      const face = c.fonts.faces.get(num[0]!.face)!;
      const x0 = Math.min(...num.map((r) => r.x));
      const x1 = Math.max(...num.map((r) => r.x + runWidth(r, face)));
      if (n % 2 === 1) expect(x1).toBeCloseTo(grid.right - 14, 1);
      else expect(x0).toBeCloseTo(grid.left + 14, 1);
    });
  });
});
