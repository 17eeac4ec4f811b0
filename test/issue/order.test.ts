import { describe, expect, it } from 'vitest';
import { Diagnostics } from '../../src/diagnostics/diagnostic.js';
import type { ItemKind, SourcePlace } from '../../src/issue/model.js';
import { compareNames, orderItems, type Orderable } from '../../src/issue/order.js';

const at = (file: string): SourcePlace => ({ file, line: 4, column: 8, offset: 40 });
const entry = (name: string, kind: ItemKind, order?: number): Orderable => ({
  file: `issue-07/${name}`,
  name,
  kind,
  ...(order !== undefined ? { order: { value: order, at: at(`issue-07/${name}`) } } : {}),
});

describe('reading order', () => {
  it('puts all items before all briefs', () => {
    const diags = new Diagnostics();
    const out = orderItems([entry('a.md', 'brief'), entry('b.md', 'item')], diags);
    expect(out.map((e) => e.name)).toEqual(['b.md', 'a.md']);
  });

  it('puts files with an order first, ascending, then the rest by file name', () => {
    const diags = new Diagnostics();
    const out = orderItems([entry('01.md', 'item'), entry('03.md', 'item', 2), entry('02.md', 'item'), entry('04.md', 'item', 1)], diags);
    expect(out.map((e) => e.name)).toEqual(['04.md', '03.md', '01.md', '02.md']);
    expect(diags.list).toEqual([]);
  });

  it('compares numbers in file names as numbers', () => {
    const out = orderItems([entry('10-x.md', 'item'), entry('2-y.md', 'item')], new Diagnostics());
    expect(out.map((e) => e.name)).toEqual(['2-y.md', '10-x.md']);
  });

  it('item/duplicate-order: two files of one kind with one order, reported at the later file', () => {
    const diags = new Diagnostics();
    orderItems([entry('b.md', 'item', 1), entry('a.md', 'item', 1), entry('c.md', 'brief', 1)], diags);
    expect(diags.list).toEqual([
      {
        file: 'issue-07/b.md',
        start: { line: 4, column: 8, offset: 40 },
        severity: 'error',
        rule: 'item/duplicate-order',
        args: { order: 1, file: 'issue-07/b.md', other: 'issue-07/a.md' },
      },
    ]);
  });
});

describe('compareNames', () => {
  it('numbers as numbers, the shorter spelling first, the rest by code point, the same on every machine', () => {
    const names = ['10-x.md', '2-y.md', '02-y.md', '1.md', 'b.md', 'B.md', 'a-2.md', 'a-10.md', '区发改委.md', '教育局.md', 'a.md', 'a1.md'];
    expect([...names].sort(compareNames)).toEqual(['1.md', '2-y.md', '02-y.md', '10-x.md', 'B.md', 'a-2.md', 'a-10.md', 'a.md', 'a1.md', 'b.md', '区发改委.md', '教育局.md']);
    expect(compareNames('x.md', 'x.md')).toBe(0);
  });
});
