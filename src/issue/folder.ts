// The only module that touches the file system: list the issue folder and
// read its files. Every failure becomes a diagnostic. Synchronous: a folder
// of small files is listed and read in ~2 ms one call after another, while
// each asynchronous call waits for a round trip through libuv's thread pool
// (~6 ms for 60 files in a cold process).

import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostics } from '../diagnostics/diagnostic.js';
import { decodeSource } from './decode.js';
import { SourceText } from './source.js';

export interface FolderListing {
  hasIssueYaml: boolean;
  /** `*.md` file names that are items, in no particular order. */
  items: string[];
  /** `*.md` file names starting with `_` or `.`: drafts. */
  drafts: string[];
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

  const listing: FolderListing = { hasIssueYaml: false, items: [], drafts: [] };
  for (const entry of entries) {
    // Follow symbolic links: a linked file counts as a file.
    const isFile = entry.isFile() || (entry.isSymbolicLink() && isFileAt(path.join(dir, entry.name)));
    if (!isFile) continue;
    if (entry.name === 'issue.yaml') listing.hasIssueYaml = true;
    else if (entry.name.toLowerCase().endsWith('.md')) {
      if (entry.name.startsWith('_') || entry.name.startsWith('.')) listing.drafts.push(entry.name);
      else listing.items.push(entry.name);
    }
  }
  return listing;
}

/** Reads and strictly decodes one file; undefined (with a diagnostic) if that fails. */
export function readSource(file: string, diags: Diagnostics): SourceText | undefined {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    diags.error(file, WHOLE_FILE, 'issue/unreadable', { path: file, reason: reasonOf(e) });
    return undefined;
  }
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

function isFileAt(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

function errorCode(e: unknown): string | undefined {
  return (e as NodeJS.ErrnoException | undefined)?.code;
}

/** The cause of a failed read in plain words (or the system's code). */
export function reasonOf(e: unknown): string {
  const code = errorCode(e);
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a folder';
  return code ?? String((e as Error | undefined)?.message ?? e);
}
