// Watch mode's item and issue.yaml texts, kept between builds: a file whose
// stat is unchanged and not recent (stampOf) is not opened again. The watcher
// also names the files it saw change (invalidate), and those are read.

import path from 'node:path';
import type { Diagnostics } from '../diagnostics/diagnostic.js';
import { readSource } from '../issue/folder.js';
import { stampNow } from '../issue/read-file.js';
import type { SourceText } from '../issue/source.js';

export class SourceCache {
  private entries = new Map<string, { src: SourceText; stamp: string }>();
  private used = new Set<string>();

  /** The watcher saw `file` change: its next read opens it. */
  invalidate(file: string): void {
    this.entries.delete(path.resolve(file));
  }

  /** readSource, but an unchanged file's text is the one read before. Failures are never kept. */
  read(file: string, limit: number, diags: Diagnostics): SourceText | undefined {
    const key = path.resolve(file);
    this.used.add(key);
    // Taken before the read: a change after it shows as another stamp next time.
    const stamp = stampNow(file);
    const hit = this.entries.get(key);
    if (stamp && hit && hit.stamp === stamp && hit.src.file === file) return hit.src;
    this.entries.delete(key);
    const src = readSource(file, limit, diags);
    if (src && stamp) this.entries.set(key, { src, stamp });
    return src;
  }

  /** Forgets the files the last build did not read (deleted, renamed), so memory stays bounded. */
  sweep(): void {
    for (const key of this.entries.keys()) if (!this.used.has(key)) this.entries.delete(key);
    this.used.clear();
  }
}
