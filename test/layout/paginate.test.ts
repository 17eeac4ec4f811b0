import { describe, expect, it } from 'vitest';
import type { Block } from '../../src/layout/blocks.js';
import { paginate } from '../../src/layout/paginate.js';

const keep = { orphans: 2, widows: 2 };
const block = (n: number, kind: Block['kind'] = 'paragraph'): Block => ({
  kind,
  size: 16,
  lines: Array.from({ length: n }, (_, i) => ({ runs: [], width: 0, text: `${kind}${n}:${i}` })),
  offsets: Array(n).fill(0),
});
/** Lines per page, by block index. */
const shape = (blocks: Block[], start = 0, capacity = 22) =>
  paginate(blocks, capacity, start, keep).pages.map((p) => p.filter(Boolean).map((s) => s!.block));

describe('pagination on the grid', () => {
  it('fills a page with exactly `capacity` lines before starting the next', () => {
    const pages = shape([block(30)]);
    expect(pages.map((p) => p.length)).toEqual([22, 8]);
  });

  it('leaves no single first line of a paragraph at the foot of a page (orphan)', () => {
    const pages = shape([block(21), block(5)]);
    expect(pages[0]).toEqual(Array(21).fill(0));
    expect(pages[1]).toEqual(Array(5).fill(1));
  });

  it('leaves no single last line of a paragraph at the head of a page (widow)', () => {
    const pages = shape([block(10), block(13)]);
    // 12 of block 1 would fit, leaving 1 alone: 11 stay, 2 go over.
    expect(pages[0]!.filter((b) => b === 1).length).toBe(11);
    expect(pages[1]).toEqual([1, 1]);
  });

  it('never leaves a title as the last line of a page: it goes over with its text', () => {
    const pages = shape([block(20), block(1, 'title'), block(6)]);
    expect(pages[0]).toEqual(Array(20).fill(0));
    expect(pages[1]![0]).toBe(1);
  });

  it('drops a blank line that would open a page', () => {
    const flow = paginate([block(22), block(1, 'space'), block(3)], 22, 0, keep);
    expect(flow.pages[1]![0]!.block).toBe(2);
  });

  it('starts page 1 below the masthead', () => {
    const flow = paginate([block(3)], 22, 7, keep);
    expect(flow.pages[0]!.findIndex(Boolean)).toBe(7);
    expect(flow.lastUsed).toBe(10);
  });

  it('splits a paragraph longer than a page across several pages', () => {
    expect(shape([block(50)]).map((p) => p.length)).toEqual([22, 22, 6]);
  });

  it('never splits a figure: image and caption go to the next page together', () => {
    const pages = shape([block(15), block(9, 'figure'), block(4)]);
    expect(pages[0]).toEqual(Array(15).fill(0));
    expect(pages[1]!.slice(0, 9)).toEqual(Array(9).fill(1));
    // Text after the figure follows it; it does not flow back into the room left above.
    expect(pages[1]!.slice(9)).toEqual(Array(4).fill(2));
  });

  it('sets a figure that fits where it is', () => {
    const pages = shape([block(13), block(9, 'figure')]);
    expect(pages).toEqual([[...Array(13).fill(0), ...Array(9).fill(1)]]);
  });

  it('keeps a title with the whole figure that follows it', () => {
    const pages = shape([block(10), block(1, 'title'), block(12, 'figure')]);
    expect(pages[0]).toEqual(Array(10).fill(0));
    expect(pages[1]).toEqual([1, ...Array(12).fill(2)]);
  });

  it('puts the image on the figure\'s first slot only', () => {
    const image = { image: {} as never, x: 0, y: 3, width: 100, height: 50 };
    const flow = paginate([block(2), { ...block(3, 'figure'), image }], 22, 0, keep);
    expect(flow.pages[0]!.map((s) => s?.image)).toEqual([undefined, undefined, image, undefined, undefined]);
  });

  describe('fewer short pages (issue 16)', () => {
    const wide = (n: number, lastWidth: number, extra: Partial<Block> = {}): Block => {
      const b = block(n);
      b.lines[n - 1] = { ...b.lines[n - 1]!, width: lastWidth };
      return { ...b, ...extra };
    };
    const full = { ...keep, fullLine: 200, laterOrphans: 1 };

    it('a last line at least fullLine wide may open a page alone: the page before stays full', () => {
      const pages = paginate([block(10), wide(13, 300)], 22, 0, full).pages.map((p) => p.filter(Boolean).length);
      expect(pages).toEqual([22, 1]);
      const short = paginate([block(10), wide(13, 100)], 22, 0, full).pages.map((p) => p.filter(Boolean).length);
      expect(short).toEqual([21, 2]);
    });

    it('a later paragraph may leave its first line at the foot of a page; an item\'s first may not', () => {
      expect(paginate([block(21), block(5)], 22, 0, full).pages.map((p) => p.filter(Boolean).length)).toEqual([22, 4]);
      expect(paginate([block(21), block(5, 'paragraph')].map((b, i) => (i === 1 ? { ...b, opensItem: true } : b)), 22, 0, full).pages.map((p) => p.filter(Boolean).length)).toEqual([21, 5]);
    });

    it('rather than leave a widow, a paragraph set one line longer sends two lines over', () => {
      const longer = () => block(14).lines.map((l) => ({ ...l, text: `longer:${l.text}` }));
      const flow = paginate([block(10), wide(13, 100, { longer })], 22, 0, full);
      expect(flow.pages.map((p) => p.filter(Boolean).length)).toEqual([22, 2]);
      expect(flow.pages[1]!.every((s) => s!.line.text.startsWith('longer:'))).toBe(true);
    });

    it('rather than end a page short before an item, the paragraph before is set one line longer', () => {
      const longer = () => block(6).lines;
      const blocks = [block(16), { ...block(5), longer }, { ...block(4), opensItem: true }];
      const flow = paginate(blocks, 22, 0, full);
      expect(flow.pages.map((p) => p.filter(Boolean).map((s) => s!.block))).toEqual([[...Array(16).fill(0), ...Array(6).fill(1)], Array(4).fill(2)]);
    });
  });
});
