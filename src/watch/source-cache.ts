// Watch mode's item and issue.yaml texts, kept between builds: a file whose
// stat (device, inode, size, mtime, ctime) is unchanged is not opened again.
// A stat alone can miss an edit: timestamps are coarse (a few ms on ext4, 2 s
// on FAT), so a same-size save within one tick looks unchanged. As git does,
// a text is trusted only if the file was last changed well before it was read;
// a file changed more recently is read on every build until it is old enough.
// The watcher also names the files it saw change (invalidate), and those are read.

import fs from 'node:fs';
import path from 'node:path';
import type { Diagnostics } from '../diagnostics/diagnostic.js';
import { readSource } from '../issue/folder.js';
import type { SourceText } from '../issue/source.js';

/** Longer than the coarsest timestamp of a file system an editor may save to (FAT: 2 s). */
const RACY_MS = 3000;

interface Entry {
  src: SourceText;
  dev: number;
  ino: number;
  size: number;
  mtimeMs: number;
  ctimeMs: number;
}

export class SourceCache {
  private entries = new Map<string, Entry>();
  private used = new Set<string>();

  /** `now`: the wall clock that file times are compared with (a test moves it). */
  constructor(private readonly now: () => number = Date.now) {}

  /** The watcher saw `file` change: its next read opens it. */
  invalidate(file: string): void {
    this.entries.delete(path.resolve(file));
  }

  /** readSource, but an unchanged file's text is the one read before. Failures are never kept. */
  read(file: string, limit: number, diags: Diagnostics): SourceText | undefined {
    const key = path.resolve(file);
    this.used.add(key);
    const before = this.now();
    const info = fs.statSync(file, { throwIfNoEntry: false });
    const hit = this.entries.get(key);
    if (info && hit && same(hit, info) && hit.src.file === file) return hit.src;
    this.entries.delete(key);
    const src = readSource(file, limit, diags);
    // Kept only if stat says the file has not changed since well before this read began.
    if (src && info && info.isFile() && Math.max(info.mtimeMs, info.ctimeMs) < before - RACY_MS) {
      this.entries.set(key, { src, dev: info.dev, ino: info.ino, size: info.size, mtimeMs: info.mtimeMs, ctimeMs: info.ctimeMs });
    }
    return src;
  }

  /** Forgets the files the last build did not read (deleted, renamed), so memory stays bounded. */
  sweep(): void {
    for (const key of this.entries.keys()) if (!this.used.has(key)) this.entries.delete(key);
    this.used.clear();
  }
}

function same(e: Entry, s: fs.Stats): boolean {
  return e.dev === s.dev && e.ino === s.ino && e.size === s.size && e.mtimeMs === s.mtimeMs && e.ctimeMs === s.ctimeMs;
}
