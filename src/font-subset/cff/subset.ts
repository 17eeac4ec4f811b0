// Subsetting a CID-keyed CFF font program for PDF embedding, reading only the
// parts of the font the kept glyphs need (see read.ts): the top-level
// structures, FDSelect, the Font and Private DICTs in use, and the kept
// glyphs' charstrings with the subroutines they call. fontkit would read and
// parse the whole font for the same result.

import { scanCharstring, type SubrTable } from './charstring.js';
import { readFdSelect, writeFdSelect } from './fdselect.js';
import { type ByteSource, CffFile, type DictEntry, SparseIndex, Unsupported, dictMap, esc, loadEntries, parseDict } from './read.js';
import { DictWriter, concat, indexLength, writeIndex, writeSparseIndex } from './write.js';

export type { ByteSource } from './read.js';

const OP = {
  FontBBox: 5,
  charset: 15,
  CharStrings: 17,
  Private: 18,
  Subrs: 19,
  PaintType: esc(5),
  CharstringType: esc(6),
  FontMatrix: esc(7),
  SyntheticBase: esc(20),
  ROS: esc(30),
  CIDCount: esc(34),
  FDArray: esc(36),
  FDSelect: esc(37),
};

/** Operators whose operand is a string id (version … FontName): renumbered when a Font DICT is copied. */
const SID_OPS = new Set([0, 1, 2, 3, 4, esc(0), esc(21), esc(22), esc(38)]);

/** String ids below this are the standard strings, not in the String INDEX. */
const STANDARD_STRINGS = 391;

const NO_SUBRS: SubrTable = { count: 0, get: () => undefined };
const EMPTY = new Uint8Array(0);

/** A Font DICT the kept glyphs use, with its Private DICT and local subroutines. */
interface FontDict {
  entries: DictEntry[];
  privateEntries: DictEntry[];
  subrs?: SparseIndex;
}

/**
 * A CID-keyed CFF holding only `glyphIds` (original glyph ids, in new order; glyphIds[0] must be 0, .notdef).
 * New glyph i gets CID i (charset identity), so a PDF CIDFontType0 with Identity-H can use the new gid as the code.
 * Returns undefined when the CFF is not one this handles (not CID-keyed, CFF2, a charstring the scanner cannot follow…):
 * the caller then falls back to fontkit.
 */
export function subsetCff(src: ByteSource, cffOffset: number, cffLength: number, glyphIds: readonly number[]): Uint8Array | undefined {
  if (glyphIds[0] !== 0) throw new RangeError('glyphIds[0] must be 0 (.notdef)');
  try {
    return subset(new CffFile(src, cffOffset, cffLength), glyphIds);
  } catch (e) {
    if (e instanceof Unsupported) return undefined;
    throw e;
  }
}

function subset(file: CffFile, glyphIds: readonly number[]): Uint8Array {
  const header = file.bytes(0, 4);
  if (header[0] !== 1) throw new Unsupported(`CFF major version ${header[0]}`);
  // Header, Name, Top DICT, String and Global Subr INDEXes follow each other.
  const names = SparseIndex.at(file, header[2]!);
  const tops = SparseIndex.at(file, names.end());
  const strings = SparseIndex.at(file, tops.end());
  const gsubrs = SparseIndex.at(file, strings.end());
  if (names.count !== 1 || tops.count !== 1) throw new Unsupported('not one font');
  loadEntries(file, [[names, [0]], [tops, [0]]]);
  const top = dictMap(parseDict(tops.get(0)!));
  if (!top.has(OP.ROS)) throw new Unsupported('not CID-keyed');
  if ((top.get(OP.CharstringType)?.operands[0] ?? 2) !== 2) throw new Unsupported('not Type 2 charstrings');
  if ((top.get(OP.PaintType)?.operands[0] ?? 0) !== 0) throw new Unsupported('stroked font');
  if (top.has(OP.SyntheticBase)) throw new Unsupported('synthetic font');

  const charStrings = SparseIndex.at(file, offsetIn(top, OP.CharStrings));
  for (const g of glyphIds) {
    if (!(Number.isInteger(g) && g >= 0 && g < charStrings.count)) throw new RangeError(`the font has no glyph ${g}`);
  }
  const kept = [...new Set(glyphIds)];
  const fdOf = readFdSelect(file, offsetIn(top, OP.FDSelect), charStrings.count, kept);
  const fdArray = SparseIndex.at(file, offsetIn(top, OP.FDArray));
  // Font DICTs in the order the new glyphs first use them.
  const usedFds = [...new Set(glyphIds.map((g) => fdOf.get(g)!))];
  if (usedFds.some((fd) => fd >= fdArray.count)) throw new Unsupported('FDSelect names a missing Font DICT');
  loadEntries(file, [
    [fdArray, usedFds],
    [charStrings, kept],
  ]);
  const fonts = readFontDicts(file, fdArray, usedFds);
  const used = findSubrs(file, kept, charStrings, gsubrs, (g) => fonts.get(fdOf.get(g)!)!.subrs);

  // Strings: the new ROS, then those the kept Font DICTs name (their FontName).
  const oldSids = usedFds.flatMap((fd) => fonts.get(fd)!.entries.filter(isSid).map((e) => e.operands[0]!));
  loadEntries(file, [[strings, oldSids.filter((s) => s >= STANDARD_STRINGS).map((s) => s - STANDARD_STRINGS)]]);
  const newStrings = new StringTable();
  const ros = [newStrings.add(ascii('Adobe')), newStrings.add(ascii('Identity'))];
  const sid = (old: number) => {
    if (old < STANDARD_STRINGS) return old;
    const s = strings.get(old - STANDARD_STRINGS);
    if (!s) throw new Unsupported(`no string ${old}`);
    return newStrings.add(s);
  };

  return write({
    name: names.get(0)!,
    top,
    ros,
    strings: newStrings,
    sid,
    glyphs: glyphIds.map((g) => charStrings.get(g)!),
    gsubrs: keepOnly(gsubrs, used.get(gsubrs)),
    fdSelect: glyphIds.map((g) => usedFds.indexOf(fdOf.get(g)!)),
    fonts: usedFds.map((fd) => {
      const f = fonts.get(fd)!;
      return { entries: f.entries, privateEntries: f.privateEntries, subrs: f.subrs && keepOnly(f.subrs, used.get(f.subrs)) };
    }),
  });
}

/** The single integer operand of `op` in `dict`: an offset or a size. */
function offsetIn(dict: Map<number, DictEntry>, op: number): number {
  const v = dict.get(op)?.operands;
  if (!v || v.length !== 1 || !Number.isInteger(v[0]) || v[0]! < 0) throw new Unsupported(`no usable operand for operator ${op}`);
  return v[0]!;
}

const isSid = (e: DictEntry) => SID_OPS.has(e.op) && e.operands.length === 1;

/** The kept Font DICTs, their Private DICTs (read together) and the headers of their local Subrs INDEXes. */
function readFontDicts(file: CffFile, fdArray: SparseIndex, fds: readonly number[]): Map<number, FontDict> {
  const entries = fds.map((fd) => parseDict(fdArray.get(fd)!));
  const privates = entries.map((e) => {
    const p = e.find((x) => x.op === OP.Private)?.operands;
    if (!p || p.length !== 2 || !p.every((v) => Number.isInteger(v) && v >= 0)) throw new Unsupported('Font DICT without a Private DICT');
    return { offset: p[1]!, length: p[0]! };
  });
  const privateBytes = file.ranges(privates);
  const out = new Map<number, FontDict>();
  fds.forEach((fd, i) => {
    const privateEntries = parseDict(privateBytes[i]!);
    const subrs = dictMap(privateEntries).has(OP.Subrs) ? SparseIndex.at(file, privates[i]!.offset + offsetIn(dictMap(privateEntries), OP.Subrs)) : undefined;
    out.set(fd, { entries: entries[i]!, privateEntries, ...(subrs ? { subrs } : {}) });
  });
  return out;
}

/**
 * The subroutines the glyphs call, per INDEX. Their bytes are loaded in rounds: each scan reports what it
 * called that is not loaded yet; all of that is read at once, and those glyphs are scanned again.
 */
function findSubrs(
  file: CffFile,
  gids: readonly number[],
  charStrings: SparseIndex,
  gsubrs: SparseIndex,
  localsOf: (gid: number) => SparseIndex | undefined,
): Map<SparseIndex, Set<number>> {
  const used = new Map<SparseIndex, Set<number>>();
  const add = (to: Map<SparseIndex, Set<number>>, index: SparseIndex, entries: Set<number>, onlyMissing: boolean) => {
    let set = to.get(index);
    if (!set) to.set(index, (set = new Set()));
    for (const i of entries) if (!onlyMissing || !index.has(i)) set.add(i);
  };
  let pending = gids;
  while (pending.length) {
    const again: number[] = [];
    const missing = new Map<SparseIndex, Set<number>>();
    for (const gid of pending) {
      const locals = localsOf(gid);
      const calls = scanCharstring(charStrings.get(gid)!, gsubrs, locals ?? NO_SUBRS);
      if (!calls) throw new Unsupported(`cannot follow the charstring of glyph ${gid}`);
      const to = calls.missing ? missing : used;
      add(to, gsubrs, calls.global, calls.missing);
      if (locals) add(to, locals, calls.local, calls.missing);
      if (calls.missing) again.push(gid);
    }
    loadEntries(file, [...missing].map(([index, set]) => [index, set] as const));
    pending = again;
  }
  return used;
}

/** A subroutine INDEX to write: as many entries as the source's (so that subroutine numbers stay valid), all empty but those called. */
interface Subrs {
  count: number;
  kept: Map<number, Uint8Array>;
}

function keepOnly(index: SparseIndex, called: Set<number> | undefined): Subrs {
  return { count: index.count, kept: new Map([...(called ?? [])].map((i) => [i, index.get(i)!])) };
}

/** The new String INDEX: each string once, numbered after the standard strings. */
class StringTable {
  readonly list: Uint8Array[] = [];
  private readonly ids = new Map<string, number>();

  add(bytes: Uint8Array): number {
    const key = String.fromCharCode(...bytes);
    let id = this.ids.get(key);
    if (id === undefined) {
      id = STANDARD_STRINGS + this.list.length;
      this.ids.set(key, id);
      this.list.push(bytes);
    }
    return id;
  }
}

const ascii = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));

interface Subset {
  name: Uint8Array;
  top: Map<number, DictEntry>;
  /** String ids of the new ROS' registry and ordering. */
  ros: number[];
  strings: StringTable;
  /** The new string id of an old one. */
  sid: (old: number) => number;
  /** Charstrings of the new glyphs. */
  glyphs: Uint8Array[];
  gsubrs: Subrs;
  /** New Font DICT number of each new glyph. */
  fdSelect: number[];
  fonts: { entries: DictEntry[]; privateEntries: DictEntry[]; subrs: Subrs | undefined }[];
}

/**
 * Lays out: Header, Name INDEX, Top DICT INDEX, String INDEX, Global Subr INDEX, charset, FDSelect,
 * CharStrings INDEX, FDArray INDEX, then each Private DICT followed by its local Subrs INDEX.
 * Every offset in a DICT takes 5 bytes, so each DICT's size is known before the offsets are.
 */
function write(s: Subset): Uint8Array {
  const n = s.glyphs.length;
  const fontDicts = s.fonts.map((f) => (at: { size: number; offset: number }) => fontDict(f.entries, at, s.sid));
  // Made once before the layout (its size does not depend on the offsets), so that the String INDEX is complete.
  const fontDictLengths = fontDicts.map((d) => d({ size: 0, offset: 0 }).length);
  const privates = s.fonts.map((f) => privateDict(f.privateEntries));
  const localSubrs = s.fonts.map((f) => (f.subrs ? writeSparseIndex(f.subrs.count, f.subrs.kept) : EMPTY));

  const header = Uint8Array.of(1, 0, 4, 4);
  const name = writeIndex([s.name]);
  const stringIndex = writeIndex(s.strings.list);
  const gsubrs = writeSparseIndex(s.gsubrs.count, s.gsubrs.kept);
  const charset = identityCharset(n);
  const fdSelect = writeFdSelect(s.fdSelect);
  const charStrings = writeIndex(s.glyphs);
  const topDict = (at: TopOffsets) => topDictFor(s, n, at);

  let at = header.length + name.length + indexLength([topDict({ charset: 0, fdSelect: 0, charStrings: 0, fdArray: 0 }).length]);
  at += stringIndex.length + gsubrs.length;
  const place = (length: number) => {
    const here = at;
    at += length;
    return here;
  };
  const offsets: TopOffsets = {
    charset: place(charset.length),
    fdSelect: place(fdSelect.length),
    charStrings: place(charStrings.length),
    fdArray: place(indexLength(fontDictLengths)),
  };
  const privateAt = privates.map((p, i) => place(p.length + localSubrs[i]!.length));

  return concat([
    header,
    name,
    writeIndex([topDict(offsets)]),
    stringIndex,
    gsubrs,
    charset,
    fdSelect,
    charStrings,
    writeIndex(fontDicts.map((d, i) => d({ size: privates[i]!.length, offset: privateAt[i]! }))),
    ...privates.flatMap((p, i) => [p, localSubrs[i]!]),
  ]);
}

interface TopOffsets {
  charset: number;
  fdSelect: number;
  charStrings: number;
  fdArray: number;
}

function topDictFor(s: Subset, n: number, at: TopOffsets): Uint8Array {
  const d = new DictWriter();
  // ROS comes first in a CID-keyed font's Top DICT.
  d.int(s.ros[0]!).int(s.ros[1]!).int(0).op(OP.ROS);
  d.int(n).op(OP.CIDCount);
  for (const op of [OP.FontBBox, OP.FontMatrix]) {
    const e = s.top.get(op);
    if (e) d.raw(e.raw).op(op);
  }
  d.fixed(at.charset).op(OP.charset);
  d.fixed(at.fdSelect).op(OP.FDSelect);
  d.fixed(at.fdArray).op(OP.FDArray);
  d.fixed(at.charStrings).op(OP.CharStrings);
  return d.done();
}

/** A Font DICT as the source wrote it, but for its Private DICT's place and renumbered strings. */
function fontDict(entries: readonly DictEntry[], priv: { size: number; offset: number }, sid: (old: number) => number): Uint8Array {
  const d = new DictWriter();
  for (const e of entries) {
    if (e.op === OP.Private) d.fixed(priv.size).fixed(priv.offset);
    else if (isSid(e)) d.int(sid(e.operands[0]!));
    else d.raw(e.raw);
    d.op(e.op);
  }
  return d.done();
}

/** A Private DICT as the source wrote it, but for Subrs, which now follow it directly. */
function privateDict(entries: readonly DictEntry[]): Uint8Array {
  const build = (subrsAt: number) => {
    const d = new DictWriter();
    for (const e of entries) (e.op === OP.Subrs ? d.fixed(subrsAt) : d.raw(e.raw)).op(e.op);
    return d.done();
  };
  return build(build(0).length);
}

/** Glyph i is CID i: format 2, one range from glyph 1 (.notdef is not listed). */
function identityCharset(n: number): Uint8Array {
  if (n < 2) return Uint8Array.of(0);
  return Uint8Array.of(2, 0, 1, (n - 2) >> 8, (n - 2) & 255);
}
