// Reading order: all items, then all briefs. Within a kind, files that give
// an `order` come first (ascending), then the rest by file name. File names
// compare with numbers as numbers, so 2-x.md comes before 10-x.md; the rest
// by code point (not a locale's collation: the same order on every machine,
// and no ICU collator to load, which costs ~6 ms at start).

import type { Diagnostics } from '../diagnostics/diagnostic.js';
import type { ItemKind, Placed } from './model.js';
import { positionOf } from './source.js';

export interface Orderable {
  /** Display path, for messages. */
  file: string;
  /** File name inside the issue folder, for sorting. */
  name: string;
  kind: ItemKind;
  order?: Placed<number>;
}

/** File names compared character by character, a run of digits in both as one number (then the shorter spelling first: 2 before 02). */
export function compareNames(a: string, b: string): number {
  const digit = (s: string, k: number) => k < s.length && s.charCodeAt(k) >= 48 && s.charCodeAt(k) <= 57;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (digit(a, i) && digit(b, j)) {
      let ei = i;
      let ej = j;
      while (digit(a, ei)) ei++;
      while (digit(b, ej)) ej++;
      const n = Number(a.slice(i, ei)) - Number(b.slice(j, ej));
      if (n !== 0) return n;
      if (ei - i !== ej - j) return ei - i - (ej - j);
      i = ei;
      j = ej;
      continue;
    }
    const x = a.codePointAt(i)!;
    const y = b.codePointAt(j)!;
    if (x !== y) return x - y;
    i += x > 0xffff ? 2 : 1;
    j += y > 0xffff ? 2 : 1;
  }
  return a.length - i - (b.length - j);
}

const KIND_RANK: Record<ItemKind, number> = { item: 0, brief: 1 };

/** Returns the entries in reading order; reports two files of one kind sharing an `order`. */
export function orderItems<T extends Orderable>(entries: readonly T[], diags: Diagnostics): T[] {
  const sorted = [...entries].sort((a, b) => compareNames(a.name, b.name));

  // The file that comes later by name is the one reported, pointing at its `order` line.
  const seen = new Map<string, T>();
  for (const entry of sorted) {
    if (!entry.order) continue;
    const key = `${entry.kind}:${entry.order.value}`;
    const first = seen.get(key);
    if (first) {
      const end = entry.order.end ? positionOf(entry.order.end) : undefined;
      diags.error(entry.file, positionOf(entry.order.at), 'item/duplicate-order', { order: entry.order.value, file: entry.file, other: first.file }, end);
    } else seen.set(key, entry);
  }

  // Array.prototype.sort is stable, so equal keys keep file-name order.
  return sorted.sort((a, b) => {
    if (a.kind !== b.kind) return KIND_RANK[a.kind] - KIND_RANK[b.kind];
    if (a.order && b.order) return a.order.value - b.order.value;
    if (a.order) return -1;
    if (b.order) return 1;
    return 0;
  });
}
