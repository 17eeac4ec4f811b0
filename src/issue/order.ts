// Reading order: all items, then all briefs. Within a kind, files that give
// an `order` come first (ascending), then the rest by file name. File names
// compare with numbers as numbers, so 2-x.md comes before 10-x.md.

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

const byName = new Intl.Collator('en', { numeric: true });
const KIND_RANK: Record<ItemKind, number> = { item: 0, brief: 1 };

/** Returns the entries in reading order; reports two files of one kind sharing an `order`. */
export function orderItems<T extends Orderable>(entries: readonly T[], diags: Diagnostics): T[] {
  const sorted = [...entries].sort((a, b) => byName.compare(a.name, b.name));

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
