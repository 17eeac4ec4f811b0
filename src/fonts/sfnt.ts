// Read what a font file says about itself — its faces' names, weight and
// licence — from the table directory and the `name`, `OS/2` and `head` tables
// only, with positioned reads. A CJK font is 10–25 MB; these tables are a few
// KB, so indexing every installed font this way costs reads of kilobytes, not
// of the whole file (fontkit would need the whole file in memory first).

import fs from 'node:fs';
import path from 'node:path';
import { checkFile, LIMITS, stampNow, type Why } from '../issue/read-file.js';

/** A font file that cannot be read, and why (said to the user through reasonText). */
export class FontFileError extends Error {
  constructor(
    readonly why: Why,
    readonly size?: number,
    readonly limit?: number,
  ) {
    super(`font file: ${why}`);
  }
}

export type FileKind = 'sfnt' | 'collection' | 'woff' | 'woff2' | 'not-a-font';

/** The names of one face, every language's spelling kept (so 仿宋_GB2312 and FangSong_GB2312 both match). */
export interface FaceNames {
  /** Index in a collection; 0 for a single-face file. */
  index: number;
  postscriptName: string;
  /** Family names (nameID 1 and 16), all languages, first the English one where there is one. */
  families: string[];
  /** The English family of nameID 1, the name Windows and Word list the face under (FandolFang R). */
  legacyFamily: string;
  /** Full names (nameID 4), all languages. */
  fullNames: string[];
  /** Subfamily (nameID 2 or 17, English), e.g. Regular, Bold. */
  style: string;
  /** OS/2 usWeightClass (400 regular, 700 bold). */
  weight: number;
  /** Font units per em (head table): what advances are measured in. */
  unitsPerEm: number;
  bold: boolean;
  italic: boolean;
  version: string;
  copyright: string;
  license: string;
  licenseUrl: string;
}

export interface FontFileInfo {
  kind: FileKind;
  faces: FaceNames[];
}

const NAME = { copyright: 0, family: 1, subfamily: 2, full: 4, version: 5, postscript: 6, license: 13, licenseUrl: 14, typoFamily: 16, typoSubfamily: 17 } as const;

/** What kind of file `fd` is, from its first four bytes. */
function kindOf(tag: string): FileKind {
  if (tag === 'ttcf') return 'collection';
  if (tag === 'wOFF') return 'woff';
  if (tag === 'wOF2') return 'woff2';
  if (tag === '\x00\x01\x00\x00' || tag === 'OTTO' || tag === 'true') return 'sfnt';
  return 'not-a-font';
}

/** Positioned reads of a font file, each checked against the file's size; counts the bytes it reads. */
export class Reader {
  /** Bytes read so far. */
  bytesRead = 0;

  constructor(private readonly fd: number, readonly size: number) {}

  read(offset: number, length: number): Buffer {
    if (offset < 0 || length < 0 || offset + length > this.size) throw new FontFileError('damaged');
    const buf = Buffer.alloc(length);
    let got = 0;
    while (got < length) {
      const n = fs.readSync(this.fd, buf, got, length - got, offset + got);
      if (n === 0) throw new FontFileError('damaged');
      got += n;
    }
    this.bytesRead += length;
    return buf;
  }
}

/** Where a table is in the file: absolute offset and length (a collection's faces share one file). */
export interface TableRecord {
  offset: number;
  length: number;
}

/** The table directory of the face whose offset table starts at `at` (0 for a single-face file). */
export function readTableDirectory(r: Reader, at: number): Map<string, TableRecord> {
  const numTables = r.read(at + 4, 2).readUInt16BE(0);
  const records = r.read(at + 12, 16 * numTables);
  const tables = new Map<string, TableRecord>();
  for (let i = 0; i < numTables; i++) {
    const p = 16 * i;
    const record = { offset: records.readUInt32BE(p + 8), length: records.readUInt32BE(p + 12) };
    // A file cut short loses its last tables: refuse it here, not halfway through a render.
    if (record.offset + record.length > r.size) throw new FontFileError('damaged');
    tables.set(records.toString('latin1', p, p + 4), record);
  }
  return tables;
}

const known = new Map<string, { stamp: string; info: FontFileInfo }>();

/**
 * readFontFile, but a file unchanged since the last call (same stat, not changed just now: stampOf)
 * is not read again: a watch session resolves the same fonts on every build.
 */
export function fontFileInfo(file: string): FontFileInfo {
  const key = path.resolve(file);
  const stamp = stampNow(file);
  const hit = known.get(key);
  if (stamp && hit?.stamp === stamp) return hit.info;
  known.delete(key);
  const read = readFontFile(file);
  if (stamp) known.set(key, { stamp, info: read });
  return read;
}

/** Forget what fontFileInfo read of `file` (watch mode, after the file changed). */
export function forgetFontFile(file: string): void {
  known.delete(path.resolve(file));
}

/** Reads the names of every face in a font file. Throws on a damaged sfnt file. */
export function readFontFile(file: string): FontFileInfo {
  // Looked at before it is opened: a fifo would block, /dev/zero never ends.
  const checked = checkFile(file, LIMITS.font);
  if (!checked.ok) throw new FontFileError(checked.why, checked.size, checked.limit);
  const fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  try {
    const r = new Reader(fd, fs.fstatSync(fd).size);
    if (r.size < 12) return { kind: 'not-a-font', faces: [] };
    const head = r.read(0, 12);
    const kind = kindOf(head.toString('latin1', 0, 4));
    if (kind === 'sfnt') return { kind, faces: [readFace(r, 0, 0)] };
    if (kind !== 'collection') return { kind, faces: [] };
    const count = head.readUInt32BE(8);
    if (count === 0 || count > 1000) throw new FontFileError('damaged');
    const offsets = r.read(12, 4 * count);
    const faces: FaceNames[] = [];
    for (let i = 0; i < count; i++) faces.push(readFace(r, offsets.readUInt32BE(4 * i), i));
    return { kind, faces };
  } finally {
    fs.closeSync(fd);
  }
}

function readFace(r: Reader, at: number, index: number): FaceNames {
  const tables = readTableDirectory(r, at);
  const nameTable = tables.get('name');
  if (!nameTable) throw new FontFileError('damaged');
  const names = parseNames(r.read(nameTable.offset, nameTable.length));

  // Weight and style: OS/2 usWeightClass (offset 4) and fsSelection (offset 62), head macStyle (offset 44).
  let weight = 400;
  let bold = false;
  let italic = false;
  const os2 = tables.get('OS/2');
  if (os2 && os2.length >= 64) {
    const b = r.read(os2.offset, 64);
    weight = b.readUInt16BE(4) || 400;
    const sel = b.readUInt16BE(62);
    bold = (sel & 0x20) !== 0;
    italic = (sel & 0x01) !== 0;
  }
  const headTable = tables.get('head');
  let unitsPerEm = 1000;
  if (headTable && headTable.length >= 46) {
    unitsPerEm = r.read(headTable.offset + 18, 2).readUInt16BE(0) || 1000;
    const macStyle = r.read(headTable.offset + 44, 2).readUInt16BE(0);
    bold ||= (macStyle & 1) !== 0;
    italic ||= (macStyle & 2) !== 0;
  }

  const all = (id: number) => names.filter((n) => n.id === id);
  const english = (id: number) => all(id).find((n) => n.english)?.value ?? all(id)[0]?.value ?? '';
  const distinct = (ids: number[]) => {
    const list = ids.flatMap((id) => all(id)).sort((a, b) => Number(b.english) - Number(a.english)).map((n) => n.value);
    return [...new Set(list)];
  };
  return {
    index,
    postscriptName: english(NAME.postscript),
    families: distinct([NAME.typoFamily, NAME.family]),
    legacyFamily: english(NAME.family),
    fullNames: distinct([NAME.full]),
    style: english(NAME.typoSubfamily) || english(NAME.subfamily),
    weight,
    unitsPerEm,
    bold: bold || weight >= 600,
    italic,
    version: english(NAME.version),
    copyright: english(NAME.copyright),
    license: english(NAME.license),
    licenseUrl: english(NAME.licenseUrl),
  };
}

interface NameRecord {
  id: number;
  value: string;
  english: boolean;
}

/** The name table's records, decoded. Records in encodings we cannot read are left out. */
export function parseNames(t: Buffer): NameRecord[] {
  const count = t.readUInt16BE(2);
  const strings = t.readUInt16BE(4);
  const out: NameRecord[] = [];
  for (let i = 0; i < count; i++) {
    const p = 6 + 12 * i;
    if (p + 12 > t.length) break;
    const platform = t.readUInt16BE(p);
    const encoding = t.readUInt16BE(p + 2);
    const language = t.readUInt16BE(p + 4);
    const id = t.readUInt16BE(p + 6);
    const length = t.readUInt16BE(p + 8);
    const start = strings + t.readUInt16BE(p + 10);
    if (start + length > t.length) continue;
    const value = decode(t.subarray(start, start + length), platform, encoding)?.replace(/\0/g, '').trim();
    if (!value) continue;
    const english = (platform === 3 && language === 0x409) || (platform === 1 && language === 0);
    out.push({ id, value, english });
  }
  return out;
}

/** Made once: a GBK or Big5 decoder takes milliseconds to create (it loads an ICU converter). */
let gbk: InstanceType<typeof TextDecoder> | undefined;
let big5: InstanceType<typeof TextDecoder> | undefined;

function decode(bytes: Buffer, platform: number, encoding: number): string | undefined {
  // Unicode (0) and Windows Unicode BMP / full (3.1, 3.10): UTF-16BE.
  if (platform === 0 || (platform === 3 && (encoding === 0 || encoding === 1 || encoding === 10))) {
    const swapped = Buffer.from(bytes);
    if (swapped.length % 2) return undefined;
    return swapped.swap16().toString('utf16le');
  }
  if (platform === 1 && encoding === 0) return bytes.toString('latin1'); // Mac Roman: names are ASCII in practice
  if (platform === 1 && encoding === 25) return (gbk ??= new TextDecoder('gbk')).decode(bytes); // Mac Simplified Chinese
  if (platform === 1 && encoding === 2) return (big5 ??= new TextDecoder('big5')).decode(bytes); // Mac Traditional Chinese
  return undefined;
}
