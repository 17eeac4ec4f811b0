// The only module that touches the file system: list the issue folder and
// read its files. Every failure becomes a diagnostic. Synchronous: a folder
// of small files is listed and read in ~2 ms one call after another, while
// each asynchronous call waits for a round trip through libuv's thread pool
// (~6 ms for 60 files in a cold process).

import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostics, Localized } from '../diagnostics/diagnostic.js';
import { decodeSource } from './decode.js';
import { READ_REASONS } from './messages.js';
import { checkFile, readRegularFile, reasonText } from './read-file.js';
import { SourceText } from './source.js';

export interface FolderListing {
  hasIssueYaml: boolean;
  /** `*.md` file names that are items, in no particular order. */
  items: string[];
  /** `*.md` file names starting with `_` or `.`: drafts. */
  drafts: string[];
  /** Names of entries that should have been read but are not files (reported). */
  unreadable: string[];
}

const WHOLE_FILE = { line: 1, column: 1 };

export function listFolder(dir: string, diags: Diagnostics): FolderListing | undefined {
  let entries;
  try {
    const info = statSync(dir);
    if (!info.isDirectory()) {
      diags.error(dir, WHOLE_FILE, 'issue/no-folder', { path: dir });
      return undefined;
    }
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    if (errorCode(e) === 'ENOENT' || errorCode(e) === 'ENOTDIR') diags.error(dir, WHOLE_FILE, 'issue/no-folder', { path: dir });
    else diags.error(dir, WHOLE_FILE, 'issue/unreadable', { path: dir, reason: reasonOf(e) });
    return undefined;
  }

  const listing: FolderListing = { hasIssueYaml: false, items: [], drafts: [], unreadable: [] };
  for (const entry of entries) {
    const name = entry.name;
    const isIssueYaml = name === 'issue.yaml';
    if (!isIssueYaml && !name.toLowerCase().endsWith('.md')) continue;
    if (!isIssueYaml && (name.startsWith('_') || name.startsWith('.'))) {
      listing.drafts.push(name);
      continue;
    }
    // Follow symbolic links: a linked file counts as a file. Anything else
    // (a dangling link, a loop, a folder, a fifo, a device) is said, never dropped.
    if (!entry.isFile()) {
      const checked = checkFile(path.join(dir, name), Number.POSITIVE_INFINITY);
      if (!checked.ok) {
        diags.error(dir, WHOLE_FILE, 'issue/unreadable', { path: path.join(dir, name), reason: reasonText(checked) });
        listing.unreadable.push(name);
        continue;
      }
    }
    if (isIssueYaml) listing.hasIssueYaml = true;
    else listing.items.push(name);
  }
  return listing;
}

/** Reads and strictly decodes one file; undefined (with a diagnostic) if that fails. */
export function readSource(file: string, limit: number, diags: Diagnostics): SourceText | undefined {
  const read = readRegularFile(file, limit);
  if (!read.ok) {
    diags.error(file, WHOLE_FILE, 'issue/unreadable', { path: file, reason: reasonText(read) });
    return undefined;
  }
  const bytes = read.bytes;
  const decoded = decodeSource(bytes);
  if (decoded.ok) return new SourceText(file, decoded.text);

  const at = { line: decoded.line, column: decoded.column };
  const byte = `0x${(bytes[decoded.byteOffset] ?? 0).toString(16).toUpperCase().padStart(2, '0')}`;
  if (decoded.savedAs) {
    diags.error(file, at, 'encoding/not-utf8', {
      file,
      byte,
      encoding: decoded.savedAs.name,
      command: convertCommand(file, decoded.savedAs.iconv),
    });
  } else {
    diags.error(file, at, 'encoding/unknown', { file, byte });
  }
  return undefined;
}

/** The shell command that converts `file` to UTF-8 in place. */
export function convertCommand(file: string, from: string): string {
  const q = shellQuote(file);
  const tmp = shellQuote(`${file}.utf8`);
  return `iconv -f ${from} -t UTF-8 ${q} > ${tmp} && mv ${tmp} ${q}`;
}

function shellQuote(s: string): string {
  return /^[\w./@%+=:,-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

function errorCode(e: unknown): string | undefined {
  return (e as NodeJS.ErrnoException | undefined)?.code;
}

/** The cause of a failed folder listing in plain words (or the system's code). */
function reasonOf(e: unknown): Localized {
  const code = errorCode(e);
  if (code === 'EACCES' || code === 'EPERM') return READ_REASONS.permission;
  return reasonText({ why: 'failed', code: code ?? 'unknown' });
}
