// Reading a file the user named, safely: an issue folder is filled by many
// hands, and a name may be a dangling link, a link loop, a fifo (whose open
// blocks for ever), /dev/zero (which never ends) or a 5 GB file. So every file
// is looked at with stat before it is opened, only a regular file is opened
// (without blocking, in case it was swapped since), and at most `limit` + 1
// bytes are read. Each failure is a reason in the project's own words.

import fs from 'node:fs';
import type { Localized } from '../diagnostics/diagnostic.js';
import { READ_REASONS } from './messages.js';

export const MiB = 1024 * 1024;

/** Size limits per kind of file (stated in the README). */
export const LIMITS = {
  item: MiB,
  issueYaml: MiB,
  template: MiB,
  image: 50 * MiB,
  font: 64 * MiB,
} as const;

export type Why =
  | 'missing'
  | 'dangling-link'
  | 'link-loop'
  | 'folder'
  | 'fifo'
  | 'socket'
  | 'device'
  | 'not-a-file'
  | 'too-large'
  | 'permission'
  | 'damaged'
  | 'failed';

export type FileCheck = { ok: true; size: number } | { ok: false; why: Why; size?: number; limit?: number; code?: string };
export type FileRead = { ok: true; bytes: Buffer } | { ok: false; why: Why; size?: number; limit?: number; code?: string };

/** What `file` is, following links, without opening it. */
export function checkFile(file: string, limit: number): FileCheck {
  let info: fs.Stats;
  try {
    info = fs.statSync(file);
  } catch (e) {
    const code = codeOf(e);
    if (code === 'ELOOP') return { ok: false, why: 'link-loop' };
    if (code === 'EACCES' || code === 'EPERM') return { ok: false, why: 'permission' };
    if (code === 'ENOENT' || code === 'ENOTDIR') return { ok: false, why: isLink(file) ? 'dangling-link' : 'missing' };
    if (code === 'ENAMETOOLONG') return { ok: false, why: 'missing' };
    return { ok: false, why: 'failed', code: code ?? 'unknown' };
  }
  if (!info.isFile()) return { ok: false, why: kindOf(info) };
  if (info.size > limit) return { ok: false, why: 'too-large', size: info.size, limit };
  return { ok: true, size: info.size };
}

/** The bytes of a regular file of at most `limit` bytes, or why not. Never blocks on a fifo or device. */
export function readRegularFile(file: string, limit: number): FileRead {
  const checked = checkFile(file, limit);
  if (!checked.ok) return checked;
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  } catch (e) {
    const code = codeOf(e);
    return code === 'EACCES' || code === 'EPERM' ? { ok: false, why: 'permission' } : { ok: false, why: 'failed', code: code ?? 'unknown' };
  }
  try {
    const info = fs.fstatSync(fd);
    if (!info.isFile()) return { ok: false, why: kindOf(info) };
    // The file may grow after stat: read one byte past the limit to notice.
    let buf = Buffer.allocUnsafe(Math.min(info.size, limit) + 1);
    let got = 0;
    for (;;) {
      const n = fs.readSync(fd, buf, got, buf.length - got, null);
      if (n === 0) break;
      got += n;
      if (got > limit) return { ok: false, why: 'too-large', size: Math.max(got, info.size), limit };
      if (got === buf.length) {
        // Longer than stat said (a file still being written): grow, up to the limit.
        const bigger = Buffer.allocUnsafe(Math.min(buf.length * 2, limit + 1));
        buf.copy(bigger, 0, 0, got);
        buf = bigger;
      }
    }
    return { ok: true, bytes: buf.subarray(0, got) };
  } catch (e) {
    const code = codeOf(e);
    return code === 'EISDIR' ? { ok: false, why: 'folder' } : { ok: false, why: 'failed', code: code ?? 'unknown' };
  } finally {
    fs.closeSync(fd);
  }
}

/** The reason, in both languages, for a message's `{reason}`. */
export function reasonText(r: { why: Why; size?: number; limit?: number; code?: string }): Localized {
  const m = READ_REASONS[r.why];
  const fill = (s: string) => s.replace('{size}', sizeText(r.size ?? 0)).replace('{limit}', sizeText(r.limit ?? 0)).replace('{code}', r.code ?? '');
  return { en: fill(m.en), zh: fill(m.zh) };
}

/** `3.2 MiB`, `640 KiB`, `12 bytes`. */
export function sizeText(n: number): string {
  if (n >= MiB) return `${Number((n / MiB).toFixed(1))} MiB`;
  if (n >= 1024) return `${Number((n / 1024).toFixed(1))} KiB`;
  return `${n} bytes`;
}

function kindOf(info: fs.Stats): Why {
  if (info.isDirectory()) return 'folder';
  if (info.isFIFO()) return 'fifo';
  if (info.isSocket()) return 'socket';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'device';
  return 'not-a-file';
}

function isLink(file: string): boolean {
  try {
    return fs.lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}

function codeOf(e: unknown): string | undefined {
  return (e as NodeJS.ErrnoException | undefined)?.code;
}

/** Longer than the coarsest timestamp of a file system an editor may save to (FAT: 2 s). */
const RACY_MS = 3000;

/**
 * A file's version as stat tells it (device, inode, size, mtime, ctime), for a cache
 * that skips reading an unchanged file. Timestamps are coarse (a few ms on ext4, 2 s
 * on FAT), so a same-size save within one tick looks unchanged: as git does, a file
 * changed less than RACY_MS before `readStart` gets no stamp and is read every time.
 */
export function stampOf(info: fs.Stats, readStart: number): string | undefined {
  if (Math.max(info.mtimeMs, info.ctimeMs) >= readStart - RACY_MS) return undefined;
  return `${info.dev}:${info.ino}:${info.size}:${info.mtimeMs}:${info.ctimeMs}`;
}

/** The stamp of a regular file now (stat it, then stampOf); undefined for none, a folder, or one changed just now. */
export function stampNow(file: string): string | undefined {
  const info = fs.statSync(file, { throwIfNoEntry: false });
  return info?.isFile() ? stampOf(info, Date.now()) : undefined;
}
