// Tell which files changed: an issue folder (with its subfolders, for images
// and fonts kept beside the items) and single files elsewhere (the template,
// font files).
//
// We watch folders, never single files. An editor's save-by-rename (write a
// temporary file, rename it over the original; or move the original away and
// write a new one) gives the file a new inode, and a watch on the file would
// go on watching the old one; the folder's watch names both entries. node's
// fs.watch on a folder reports every entry created, changed, renamed or
// deleted in it. Subfolders are walked here: recursive fs.watch on Linux in
// Node 20 missed a deletion in our trials. chokidar was the alternative, but
// it drops a second change to a file within 50 ms (no trailing event) and
// holds deletions back 100 ms; a rebuild is cheap, so we take every event.

import fs from 'node:fs';
import path from 'node:path';

const SKIP = new Set(['node_modules', '.git']);

export class FolderWatcher {
  private readonly watchers = new Map<string, fs.FSWatcher>();
  private readonly trees = new Set<string>();
  private readonly files = new Set<string>();

  /** `onChange` gets the absolute path of what changed (a folder when the system does not say). */
  constructor(private readonly onChange: (file: string) => void) {}

  /** Watch a folder and every folder below it, now and later. */
  addTree(dir: string): void {
    const root = path.resolve(dir);
    if (this.trees.has(root)) return;
    this.trees.add(root);
    this.walk(root);
  }

  /** Watch one file through its folder: survives the file being replaced, deleted and created again. */
  addFile(file: string): void {
    const abs = path.resolve(file);
    if (this.files.has(abs)) return;
    this.files.add(abs);
    this.watchFolder(path.dirname(abs));
  }

  close(): void {
    for (const w of this.watchers.values()) w.close();
    this.watchers.clear();
  }

  private inTree(p: string): boolean {
    for (const root of this.trees) if (p === root || p.startsWith(root + path.sep)) return true;
    return false;
  }

  private walk(dir: string): void {
    if (!this.watchFolder(dir)) return;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) if (e.isDirectory() && !SKIP.has(e.name)) this.walk(path.join(dir, e.name));
  }

  private watchFolder(dir: string): boolean {
    if (this.watchers.has(dir)) return true;
    let w: fs.FSWatcher;
    try {
      w = fs.watch(dir, (_event, name) => this.event(dir, name ? String(name) : undefined));
    } catch {
      return false; // gone or unreadable: the build reports what it cannot read
    }
    // The folder itself was deleted: forget its watch; its parent's watch reports the deletion.
    w.on('error', () => {
      w.close();
      this.watchers.delete(dir);
    });
    this.watchers.set(dir, w);
    return true;
  }

  private event(dir: string, name: string | undefined): void {
    const full = name ? path.join(dir, name) : dir;
    if (this.inTree(full)) {
      if (name && !SKIP.has(name) && !this.watchers.has(full) && isFolder(full)) this.walk(full);
      this.onChange(full);
    } else if (this.files.has(full) || (!name && [...this.files].some((f) => path.dirname(f) === dir))) {
      this.onChange(full);
    }
  }
}

function isFolder(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}
