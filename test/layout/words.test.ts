// Composition an editor signs off (issue 16): titles broken between words, attributions,
// numbers with their units, 一是 and …… kept whole, loose lines relieved. Real faces,
// asserted on the composed lines. Word boundaries come from ICU, which differs between
// Node versions: the tests state properties ("no break inside a segmenter word"), not
// one segmentation.
import { describe, expect, it } from 'vitest';
import { itemParts } from '../../src/content/printed-words.js';
import { titleBlock } from '../../src/layout/blocks.js';
import { item } from '../helpers/issue.js';
import { breakLines, lineStretch, toUnits } from '../../src/layout/compose.js';
import { gridOf } from '../../src/layout/grid.js';
import { composeParagraph } from '../../src/layout/text.js';
import { titleLines } from '../../src/layout/title.js';
import { NO_BREAK, wordBreaks } from '../../src/layout/words.js';
import { defaultTemplate } from '../helpers/real-fonts.js';

const { template: t, fonts } = defaultTemplate();
const grid = gridOf(t);
const opt = { measure: grid.measure, indent: t.body.indent * grid.cell, tracking: grid.cell - t.body.size, justify: true, maxStretch: t.body.maxStretch };
const body = (text: string) => ({ text, role: 'body' as const, size: t.body.size, color: 'black', latin: 'body' as const });
const attribution = (text: string) => ({ ...body(text), keep: 'whole' as const });

// Long titles from published bulletins (none of them in a fixture).
const TITLES = [
  '区委组织部实施“墩苗计划”加强年轻干部实践锻炼',
  '我区召开2025年第一季度经济运行分析暨重点项目建设推进会',
  '我区以“三项举措”全力推进安全生产治本攻坚',
  '区文化广电和旅游局扎实开展文旅市场安全生产大检查',
  '市场监管局聚焦民生关切持续加强食品安全监管',
];

/** Where a segmenter puts word boundaries (UTF-16 offsets). */
function icuBoundaries(text: string): Set<number> {
  const seg = new Intl.Segmenter('zh', { granularity: 'word' });
  return new Set([...seg.segment(text)].map((s) => s.index));
}

describe('titles break between words', () => {
  it('never inside a word of the segmenter, and only where wordBreaks allows', () => {
    for (const title of TITLES) {
      const lines = titleBlock(title, t, grid, fonts).lines.map((l) => l.text);
      expect(lines.join('')).toBe(title);
      const allowed = icuBoundaries(title);
      const q = wordBreaks(title);
      let at = 0;
      for (const l of lines.slice(0, -1)) {
        at += l.length;
        expect(allowed.has(at), `${title}: break inside a word at ${at} (${lines.join(' / ')})`).toBe(true);
        expect(q[at], `${title}: ${lines.join(' / ')}`).not.toBe(NO_BREAK);
      }
    }
  });

  it('a title wider than the text block less two characters takes two balanced lines, none across the measure', () => {
    for (const title of TITLES) {
      const block = titleBlock(title, t, grid, fonts);
      expect(block.lines.length, title).toBe(2);
      const widths = block.lines.map((l) => l.width);
      for (const w of widths) expect(w).toBeLessThanOrEqual(grid.measure - t.lead.title.narrower + 0.01);
      // Balanced: the two lines differ by at most four characters of the title size.
      expect(Math.abs(widths[0]! - widths[1]!), `${title}: ${block.lines.map((l) => l.text).join(' / ')}`).toBeLessThanOrEqual(4 * t.lead.title.size + 0.01);
      // Centred: each line its own slot, its offset centring it.
      block.lines.forEach((l, i) => expect(block.offsets[i]! + l.width / 2).toBeCloseTo(grid.measure / 2, 6));
    }
  });

  it('keeps a short quotation whole: “墩苗计划” is not split', () => {
    const lines = titleBlock(TITLES[0]!, t, grid, fonts).lines.map((l) => l.text);
    expect(lines.some((l) => l.includes('“墩苗计划”'))).toBe(true);
  });

  it('the template\'s lead.title.maxLines bounds balancing: past it, the title is broken as a paragraph', () => {
    const title = TITLES[0]!;
    const balanced = titleLines(title, t.lead.title, grid.measure, t.lead.title, fonts).map((l) => l.width);
    const paragraph = titleLines(title, t.lead.title, grid.measure, { ...t.lead.title, maxLines: 1 }, fonts).map((l) => l.width);
    expect(balanced).toHaveLength(2);
    expect(paragraph).toHaveLength(2);
    // Balanced lines are near equal; a paragraph fills its first line and leaves the rest to the second.
    expect(Math.abs(balanced[0]! - balanced[1]!)).toBeLessThan(Math.abs(paragraph[0]! - paragraph[1]!));
    expect(paragraph[0]!).toBeGreaterThan(balanced[0]!);
  });

  it('a title that fits comfortably stays on one line', () => {
    expect(titleBlock('我区开展高新技术企业培育攻坚行动', t, grid, fonts).lines.length).toBe(1);
  });

  it('an author\'s line break is a break, and the only one when each part fits', () => {
    const lines = titleLines('区委组织部实施“墩苗计划”\n加强年轻干部实践锻炼', t.lead.title, grid.measure, t.lead.title, fonts);
    expect(lines.map((l) => l.text)).toEqual(['区委组织部实施“墩苗计划”', '加强年轻干部实践锻炼']);
    const short = titleLines('我区召开\n推进会', t.lead.title, grid.measure, t.lead.title, fonts);
    expect(short.map((l) => l.text)).toEqual(['我区召开', '推进会']);
  });

  it('a line break written in a run-in title joins (the title runs on with its paragraph)', () => {
    const parts = itemParts(item('区委组织部实施“墩苗计划”\n加强年轻干部实践锻炼', ['正文。']), false, t);
    const first = parts.paragraphs[0] as Array<{ text: string; kind: string }>;
    expect(first[0]).toMatchObject({ kind: 'title', text: '区委组织部实施“墩苗计划”加强年轻干部实践锻炼' });
  });

  it('a run-in title that wraps breaks between its words', () => {
    const title = '区文化广电和旅游局扎实开展文旅市场安全生产大检查';
    for (let pad = 0; pad < 28; pad++) {
      const pieces = [body('甲'.repeat(pad)), { ...body(title), role: 'heading' as const, keep: 'words' as const }, body('　一是加强督导检查。')];
      const lines = composeParagraph(pieces, fonts, { ...opt, indent: 0 });
      const allowed = icuBoundaries(title);
      let at = 0;
      for (const l of lines.slice(0, -1)) {
        at += l.text.length;
        const inTitle = at - pad;
        if (inTitle > 0 && inTitle < title.length) expect(allowed.has(inTitle), `pad ${pad}: ${lines.map((x) => x.text).join(' / ')}`).toBe(true);
      }
    }
  });
});

describe('attributions, numbers, enumerators and …… stay whole', () => {
  const filler = (n: number) => '各'.repeat(n);

  it('an attribution never breaks: it goes whole to the next line, flush right, the line before justified', () => {
    for (let n = 20; n < 30; n++) {
      const lines = composeParagraph([body(filler(26) + filler(n) + '。'), attribution('（区文化广电和旅游局）')], fonts, opt);
      const last = lines.at(-1)!;
      expect(lines.map((l) => l.text).join('')).toContain('（区文化广电和旅游局）');
      expect(last.text.endsWith('（区文化广电和旅游局）'), `n ${n}: ${last.text}`).toBe(true);
      if (last.text === '（区文化广电和旅游局）') {
        // Flush right: the last glyph's cell ends at the measure.
        expect(last.width).toBeCloseTo(grid.measure, 6);
        const before = lines.at(-2)!;
        if (before.text.length >= 27) expect(before.width).toBeCloseTo(grid.measure, 2);
      }
    }
  });

  it('no break between a number and its unit or magnitude, nor inside 一是', () => {
    const cases = ['2.37亿元', '5万余条', '91个', '102.01%', '100余项', '一是'];
    for (const c of cases) {
      for (let n = 20; n < 30; n++) {
        const lines = composeParagraph([body(filler(n) + c + filler(30) + '。')], fonts, opt);
        const texts = lines.map((l) => l.text);
        expect(texts.some((l) => l.includes(c)), `${c} split: ${texts.join(' / ')}`).toBe(true);
      }
    }
  });

  it('…… and —— never start a line and are never split', () => {
    for (const mark of ['……', '——']) {
      for (let n = 24; n < 30; n++) {
        const lines = composeParagraph([body(filler(n) + mark + '三是强化应急准备' + filler(20))], fonts, opt);
        for (const l of lines.slice(1)) expect(l.text.startsWith(mark[0]!), `${mark} at a line start: ${l.text}`).toBe(false);
        expect(lines.some((l) => l.text.includes(mark))).toBe(true);
      }
    }
  });

  it('a line that ends before a kept run takes from the lines above: none stretches past twice the limit', () => {
    // Up to three characters lost before an unbreakable number, in a paragraph of several lines.
    for (const n of [24, 25, 26, 27]) {
      const text = filler(26 + 28 * 3 + n) + '2025.12%' + filler(40) + '。';
      const units = toUnits([body(text)], fonts, opt.tracking);
      const worst = (o: typeof opt) => {
        const ranges = breakLines(units, o);
        return Math.max(...ranges.slice(0, -1).map((r, i) => lineStretch(units, r, o, i === 0)));
      };
      const { maxStretch: _, ...greedy } = opt;
      expect(worst(opt), `n ${n}`).toBeLessThanOrEqual(2 * t.body.maxStretch + 1e-6);
      if (worst(greedy) > 2 * t.body.maxStretch) expect(worst(opt)).toBeLessThan(worst(greedy));
    }
  });

  it('…… is drawn as one row of dots: its halves body.ellipsisClose closer, the pair centred in its two cells', () => {
    const close = { ...opt, ellipsisClose: t.body.ellipsisClose };
    const line = composeParagraph([body('各各……三是')], fonts, close)[0]!;
    const halves = line.runs.filter((r) => r.text.includes('…'));
    const xs = halves.flatMap((r) => [...r.text].map((_, i) => r.x + i * (16 + r.tracking)));
    expect(xs.length).toBe(2);
    expect(xs[1]! - xs[0]!).toBeCloseTo(grid.cell - t.body.ellipsisClose, 6);
    // Centred: as far from the cell edges as without closing.
    expect(xs[0]! - (opt.indent + 2 * grid.cell)).toBeCloseTo(t.body.ellipsisClose / 2, 6);
  });
});
