// Masthead, lead title, footer and page numbers on the display list.
import { describe, expect, it } from 'vitest';
import { layoutIssue } from '../../src/layout/index.js';
import { footerLayout } from '../../src/layout/footer.js';
import { titleBlock } from '../../src/layout/blocks.js';
import { gridOf } from '../../src/layout/grid.js';
import type { GlyphRun, Rule } from '../../src/layout/display-list.js';
import { defaultTemplate } from '../helpers/real-fonts.js';
import { at, issue, item } from '../helpers/issue.js';

const { template, fonts } = defaultTemplate();
const grid = gridOf(template);
const text = (runs: GlyphRun[]) => runs.map((r) => r.text).join('');

describe('lead title', () => {
  it('wraps a long title into balanced, centred lines', () => {
    const b = titleBlock('中心路街道探索人大代表“十联”机制办好民生实事', template, grid, fonts);
    expect(b.lines.length).toBe(2);
    const [a, c] = b.lines.map((l) => [...l.text].length);
    expect(Math.abs(a! - c!)).toBeLessThanOrEqual(2);
    b.lines.forEach((l, i) => expect(b.offsets[i]! + l.width / 2).toBeCloseTo(grid.measure / 2, 6));
  });

  it('keeps a short title on one line', () => {
    const b = titleBlock('我区召开工作会议', template, grid, fonts);
    expect(b.lines.map((l) => l.text)).toEqual(['我区召开工作会议']);
  });

  it('never leaves one character alone on a title’s last line', () => {
    for (let n = 18; n < 45; n++) {
      const b = titleBlock('国'.repeat(n), template, grid, fonts);
      for (const l of b.lines) expect([...l.text].length).toBeGreaterThan(1);
    }
  });
});

describe('footer', () => {
  it('wraps a long recipient list with its lines aligned after the colon, each line justified', () => {
    const many = Array.from({ length: 30 }, (_, i) => `第${i + 1}单位`);
    const f = footerLayout(issue([], { distribution: [{ label: '发', recipients: many, at: { file: 'x', line: 1, column: 1, offset: 0 } }] }), template, grid, fonts)!;
    expect(f.lines.length).toBeGreaterThan(2);
    const labelEnd = f.lines[0]![1]!.x; // recipients start after 发：
    for (const line of f.lines.slice(1, -1)) expect(line[0]!.x).toBeCloseTo(labelEnd, 6);
    expect(f.texts[0]!.startsWith('发：第1单位、')).toBe(true);
    expect(f.rules.map((r) => r.at)).toEqual([0, f.lines.length - 1, f.lines.length]);
  });

  it('puts the editor flush left and the copy count flush right on the last line, between thin and thick rules', () => {
    const f = footerLayout(issue([]), template, grid, fonts)!;
    expect(f.texts).toEqual(['本期送：区县处级领导', '发：峡窝镇、各街道办事处、区直各单位负责同志', '责任编辑：柴亚文（共印60份）']);
    const last = f.lines[2]!;
    expect(last[0]!.x).toBeCloseTo(template.footer.inset * template.footer.size, 6);
    expect(f.rules.map((r) => r.thickness)).toEqual([template.footer.thick, template.footer.thin, template.footer.thin, template.footer.thick]);
  });

  it('has no footer when the issue gives no distribution, editor or copies', () => {
    expect(footerLayout(issue([], { distribution: [], editor: undefined, copies: undefined }), template, grid, fonts)).toBeUndefined();
  });

  it('goes to the foot of a new page, numbered (GB/T 9704 §7.5: no blank page before it), when it does not fit under the last text', () => {
    // Enough text to fill page 1 but for two lines.
    const body = '各'.repeat(26 + 28 * 10 + 20); // 12 lines: with the title, 21 of 22 grid lines
    const pages = layoutIssue(issue([item('标题', [body])]), template, fonts);
    expect(pages.length).toBe(2);
    const runs = pages[1]!.items.filter((i): i is GlyphRun => i.kind === 'glyphs');
    expect(text(runs)).toBe('本期送：区县处级领导发：峡窝镇、各街道办事处、区直各单位负责同志责任编辑：柴亚文（共印60份）— 2 —');
    const rules = pages[1]!.items.filter((i): i is Rule => i.kind === 'rule');
    const bottom = Math.max(...rules.map((r) => r.y + r.thickness / 2));
    expect(bottom).toBeCloseTo(grid.bottom, 6);
  });
});

describe('masthead', () => {
  it('prints 第N期 alone when there is no running number, publisher left and date right', () => {
    const pages = layoutIssue(issue([item('标题', ['正文。'])], { total: undefined }), template, fonts);
    const runs = pages[0]!.items.filter((i): i is GlyphRun => i.kind === 'glyphs');
    expect(runs.some((r) => r.text === '第7期')).toBe(true);
    const publisher = runs.find((r) => r.text === '中共上街区委办公室')!;
    expect(publisher.x).toBeCloseTo(grid.left, 6);
    const date = runs.find((r) => r.text.startsWith('2025年'))!;
    expect(date.y).toBe(publisher.y);
    expect(date.x).toBeGreaterThan(grid.left + grid.measure / 2);
  });
});

describe('masthead name fitting', () => {
  const nameRuns = (name: string) => {
    const pages = layoutIssue(issue([item('标题', ['正文。'])], { masthead: { value: name, at } }), template, fonts);
    return pages[0]!.items.filter((i): i is GlyphRun => i.kind === 'glyphs' && i.color === 'red');
  };
  const extent = (runs: GlyphRun[]) => {
    const last = runs.at(-1)!;
    const face = fonts.faces.get(last.face)!;
    let right = last.x;
    for (const ch of last.text) right += (face.advance(ch.codePointAt(0)!) / face.unitsPerEm) * last.size + last.tracking;
    return { left: runs[0]!.x, right: right - last.tracking, size: runs[0]!.size };
  };

  it('a short name keeps the template\'s size and letter spacing', () => {
    const runs = nameRuns('政务信息');
    expect(runs[0]!.size).toBe(template.masthead.name.size);
    expect(runs[0]!.tracking).toBeCloseTo(template.masthead.name.letterSpacing, 6);
  });

  it('a long name is set tighter, then smaller, never past the text block, never below minSize', () => {
    for (const name of ['上街区政务信息', '上街区人民政府信息', '上街区人民政府政务信息', '上街区人民政府办公室信息']) {
      const e = extent(nameRuns(name));
      expect(e.left, name).toBeGreaterThanOrEqual(grid.left - 0.01);
      expect(e.right, name).toBeLessThanOrEqual(grid.right + 0.01);
      expect(e.size, name).toBeGreaterThanOrEqual(template.masthead.name.minSize);
      expect((e.left + e.right) / 2, name).toBeCloseTo(grid.left + grid.measure / 2, 1);
    }
  });
});

describe('page numbers (GB/T 9704 §7.5)', () => {
  it('the 一字线 lies 7 mm below the text block, one character in from the outside edge', () => {
    const pages = layoutIssue(issue([item('标题', ['各'.repeat(900)])]), template, fonts);
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((p, i) => {
      const n = p.items.filter((r): r is GlyphRun => r.kind === 'glyphs' && r.size === template.pageNumber.size && r.y > grid.bottom);
      expect(n.map((r) => r.text).join('').replace(/\s/g, '')).toBe(`—${i + 1}—`);
      // FandolSong's 一字线 is 0.30 em above its baseline (its glyph box: 289–311 of 1000).
      const dash = n[0]!.y - 0.3 * template.pageNumber.size;
      expect(dash - grid.bottom).toBeCloseTo((7 * 72) / 25.4, 1);
    });
  });
});

describe('mixed scripts', () => {
  it('sets digits and Latin letters in the role `body.latin` names, measured with that face', () => {
    const t = { ...template, body: { ...template.body, latin: 'number' as const } };
    const pages = layoutIssue(issue([item('标题', ['增长13.46%，APP上线。'])]), t, fonts);
    const runs = pages[0]!.items.filter((i): i is GlyphRun => i.kind === 'glyphs' && i.size === 16);
    const digits = runs.find((r) => r.text.includes('13.46'))!;
    expect(digits.face).toBe('FandolSong-Regular');
    const han = runs.find((r) => r.text.includes('增长'))!;
    expect(han.face).toBe('FandolFang-Regular');
  });
});

describe('paragraphs pasted from Word', () => {
  it('a paragraph that starts with full-width spaces gets the template indent only, in every output', async () => {
    const { itemParts } = await import('../../src/content/printed-words.js');
    const parts = itemParts(item('标题', ['　　一是加强调度。', ' 　二是优化审批。']), false, template);
    expect(parts.paragraphs.map((p) => (Array.isArray(p) ? p.map((x) => x.text).join('') : ''))).toEqual([
      '标题　一是加强调度。',
      '二是优化审批。（区发改委）',
    ]);
  });
});
