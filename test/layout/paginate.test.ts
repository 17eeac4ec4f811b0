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
});
