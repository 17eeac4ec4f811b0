// Reading a CFF table (Adobe Technote 5176) a piece at a time: a font of
// 5–24 MB is subset from some hundred kilobytes of it. INDEX entries are
// loaded on demand, many at once, and ranges of the file that lie close
// together are read with one call.

/** Absolute-offset random access to a font file (the caller implements it over fs.readSync or a Buffer). */
export interface ByteSource {
  read(offset: number, length: number): Uint8Array;
}

/** A CFF the subsetter does not handle, or a malformed one: subsetCff then answers undefined. */
export class Unsupported extends Error {}

export interface Range {
  offset: number;
  length: number;
}

/**
 * Ranges closer than this are read as one: a read call, and the block it makes, cost more than
 * copying a few kilobytes more (the subsetter runs cold: each block is work in the interpreter),
 * and glyphs of common characters lie near each other. For 575 glyphs of FandolFang (6.9 MB):
 * 1 KB made 414 reads of 400 KB, 8 KB makes 99 reads of 1.5 MB, 16 KB 29 reads of 2.2 MB.
 */
const GAP = 8192;

/** Sort keys are offset × KEY + position: exact in a double for offsets below 2^32 and up to 2^20 ranges. */
const KEY = 2 ** 20;

/** What the first read takes: the header, Name, Top DICT and String INDEXes of a CID font fit in it. */
const HEAD = 4096;

/** The CFF table of a font file: offsets below are from the start of the table. */
export class CffFile {
  /** Every block read so far, by offset: what they hold is not read again. */
  private readonly blocks: { offset: number; bytes: Uint8Array }[] = [];

  constructor(
    private readonly src: ByteSource,
    private readonly base: number,
    readonly length: number,
  ) {
    this.fetch(0, Math.min(length, HEAD));
  }

  /** `length` bytes at `offset`, from a block read before when one holds them. */
  bytes(offset: number, length: number): Uint8Array {
    if (offset < 0 || length < 0 || offset + length > this.length) throw new Unsupported(`reads past the end of the CFF (${offset}+${length})`);
    return this.cached(offset, length) ?? this.fetch(offset, length);
  }

  /** The bytes of each range, in order, read with as few calls as the gaps between them allow. */
  ranges(ranges: readonly Range[]): Uint8Array[] {
    const n = ranges.length;
    const out: Uint8Array[] = new Array(n);
    // Sorted by offset then position, as numbers: a typed array sorts natively, without a comparator call per step.
    const keys = new Float64Array(n);
    let m = 0;
    for (let i = 0; i < n; i++) {
      const r = ranges[i]!;
      const got = this.cached(r.offset, r.length);
      if (got) out[i] = got;
      else keys[m++] = r.offset * KEY + i;
    }
    const order = keys.subarray(0, m).sort();
    for (let i = 0; i < m; ) {
      // Grow a block while the next range starts within GAP of its end.
      const firstAt = order[i]! % KEY;
      const start = ranges[firstAt]!.offset;
      let end = start + ranges[firstAt]!.length;
      let j = i + 1;
      for (; j < m; j++) {
        const r = ranges[order[j]! % KEY]!;
        if (r.offset > end + GAP) break;
        if (r.offset + r.length > end) end = r.offset + r.length;
      }
      const block = this.bytes(start, end - start);
      for (; i < j; i++) {
        const k = order[i]! % KEY;
        const r = ranges[k]!;
        out[k] = block.subarray(r.offset - start, r.offset - start + r.length);
      }
    }
    return out;
  }

  private cached(offset: number, length: number): Uint8Array | undefined {
    // The last block starting at or before `offset`.
    const blocks = this.blocks;
    let lo = 0;
    let hi = blocks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (blocks[mid]!.offset <= offset) lo = mid;
      else hi = mid - 1;
    }
    const b = blocks[lo];
    if (!b || b.offset > offset || offset + length > b.offset + b.bytes.length) return undefined;
    return b.bytes.subarray(offset - b.offset, offset - b.offset + length);
  }

  private fetch(offset: number, length: number): Uint8Array {
    const got = this.src.read(this.base + offset, length);
    if (got.length < length) throw new Unsupported(`the font file ends inside its CFF table`);
    let at = this.blocks.length;
    while (at > 0 && this.blocks[at - 1]!.offset > offset) at--;
    this.blocks.splice(at, 0, { offset, bytes: got });
    return got;
  }
}

/** Big-endian unsigned integer of `size` bytes (1–4) at `at`. */
export function uint(bytes: Uint8Array, at: number, size: number): number {
  let v = 0;
  for (let i = 0; i < size; i++) v = v * 256 + bytes[at + i]!;
  return v;
}

/**
 * An INDEX whose entries are read when asked for (loadEntries). Implements the scanner's SubrTable:
 * get() is undefined for an entry not loaded yet.
 */
export class SparseIndex {
  private readonly entries = new Map<number, Uint8Array>();
  /** Where the offset array starts, and the position that offsets (which start at 1) count from. */
  private readonly offsetsAt: number;
  private readonly dataBase: number;

  private constructor(
    private readonly file: CffFile,
    readonly at: number,
    readonly count: number,
    private readonly offSize: number,
  ) {
    this.offsetsAt = at + 3;
    this.dataBase = this.offsetsAt + (count + 1) * offSize - 1;
    if (count > 0 && (offSize < 1 || offSize > 4 || this.dataBase >= file.length)) throw new Unsupported(`bad INDEX at ${at}`);
  }

  /** The INDEX at `offset`: reads its count and offset size only. */
  static at(file: CffFile, offset: number): SparseIndex {
    // An empty INDEX is 2 bytes long, and may end the table.
    const head = file.bytes(offset, Math.min(3, file.length - offset));
    const count = head.length >= 2 ? uint(head, 0, 2) : 0;
    if (head.length < 2 || (count > 0 && head.length < 3)) throw new Unsupported(`INDEX at ${offset} past the end`);
    return new SparseIndex(file, offset, count, count ? head[2]! : 0);
  }

  get(index: number): Uint8Array | undefined {
    return this.entries.get(index);
  }

  has(index: number): boolean {
    return this.entries.has(index);
  }

  /** The offset just past the INDEX (reads its last offset). */
  end(): number {
    if (this.count === 0) return this.at + 2;
    return this.dataBase + this.offset(uint(this.file.bytes(this.offsetsAt + this.count * this.offSize, this.offSize), 0, this.offSize));
  }

  private offset(value: number): number {
    if (value < 1 || this.dataBase + value > this.file.length) throw new Unsupported(`bad INDEX offset at ${this.at}`);
    return value;
  }

  /** Part of loadEntries: the ranges of the offset pairs that bound the wanted entries. */
  offsetRanges(wanted: readonly number[]): Range[] {
    const out: Range[] = new Array(wanted.length);
    for (let k = 0; k < wanted.length; k++) out[k] = { offset: this.offsetsAt + wanted[k]! * this.offSize, length: 2 * this.offSize };
    return out;
  }

  /** Part of loadEntries: the data range of each entry, from its two offsets. */
  dataRanges(pairs: readonly Uint8Array[]): Range[] {
    const out: Range[] = new Array(pairs.length);
    const size = this.offSize;
    for (let k = 0; k < pairs.length; k++) {
      const p = pairs[k]!;
      const start = this.offset(uint(p, 0, size));
      const end = this.offset(uint(p, size, size));
      if (end < start) throw new Unsupported(`bad INDEX offsets at ${this.at}`);
      out[k] = { offset: this.dataBase + start, length: end - start };
    }
    return out;
  }

  /** Part of loadEntries. */
  store(wanted: readonly number[], data: readonly Uint8Array[]): void {
    for (let k = 0; k < wanted.length; k++) this.entries.set(wanted[k]!, data[k]!);
  }
}

/**
 * Loads entries of several INDEXes (those not loaded yet): all their offsets in one batch of reads,
 * then all their data in another. An entry out of range means the font points past its own INDEX.
 */
export function loadEntries(file: CffFile, wants: Iterable<readonly [SparseIndex, Iterable<number>]>): void {
  const jobs: { index: SparseIndex; wanted: number[] }[] = [];
  for (const [index, entries] of wants) {
    const wanted: number[] = [];
    const seen = new Set<number>();
    for (const i of entries) {
      if (seen.has(i) || index.has(i)) continue;
      seen.add(i);
      if (!(Number.isInteger(i) && i >= 0 && i < index.count)) throw new Unsupported(`no entry ${i} in the INDEX at ${index.at}`);
      wanted.push(i);
    }
    if (wanted.length) jobs.push({ index, wanted });
  }
  if (!jobs.length) return;
  const pairs = split(file.ranges(jobs.flatMap((j) => j.index.offsetRanges(j.wanted))), jobs);
  const data = split(file.ranges(jobs.flatMap((j, k) => j.index.dataRanges(pairs[k]!))), jobs);
  jobs.forEach((j, k) => j.index.store(j.wanted, data[k]!));
}

/** Cuts a flat list back into one list per job. */
function split<T>(flat: T[], jobs: { wanted: number[] }[]): T[][] {
  let at = 0;
  return jobs.map((j) => flat.slice(at, (at += j.wanted.length)));
}

/** A DICT entry: operator (two-byte ones as 1200 + second byte), its operands, and the operands' bytes as written. */
export interface DictEntry {
  op: number;
  operands: number[];
  raw: Uint8Array;
}

/** Two-byte operator `12 b` as a number. */
export const esc = (b: number) => 1200 + b;

export function parseDict(bytes: Uint8Array): DictEntry[] {
  const entries: DictEntry[] = [];
  let operands: number[] = [];
  let start = 0;
  let pos = 0;
  const need = (n: number) => {
    if (pos + n > bytes.length) throw new Unsupported('DICT ends inside an operand');
  };
  while (pos < bytes.length) {
    const b = bytes[pos]!;
    if (b <= 21) {
      const opEnd = pos + (b === 12 ? 2 : 1);
      if (opEnd > bytes.length) throw new Unsupported('DICT ends inside an operator');
      entries.push({ op: b === 12 ? esc(bytes[pos + 1]!) : b, operands, raw: bytes.subarray(start, pos) });
      pos = start = opEnd;
      operands = [];
    } else if (b >= 32 && b <= 246) {
      operands.push(b - 139);
      pos += 1;
    } else if (b >= 247 && b <= 254) {
      need(2);
      const v = (b - (b <= 250 ? 247 : 251)) * 256 + bytes[pos + 1]! + 108;
      operands.push(b <= 250 ? v : -v);
      pos += 2;
    } else if (b === 28) {
      need(3);
      operands.push((((bytes[pos + 1]! << 8) | bytes[pos + 2]!) << 16) >> 16);
      pos += 3;
    } else if (b === 29) {
      need(5);
      operands.push((bytes[pos + 1]! << 24) | (bytes[pos + 2]! << 16) | (bytes[pos + 3]! << 8) | bytes[pos + 4]!);
      pos += 5;
    } else if (b === 30) {
      pos += 1;
      let text = '';
      for (let done = false; !done; pos++) {
        need(1);
        for (const nibble of [bytes[pos]! >> 4, bytes[pos]! & 15]) {
          if (nibble === 15) done = true;
          if (done) break;
          text += REAL_NIBBLES[nibble];
        }
      }
      operands.push(Number(text));
    } else throw new Unsupported(`reserved byte ${b} in a DICT`);
  }
  if (operands.length) throw new Unsupported('DICT ends with operands and no operator');
  return entries;
}

const REAL_NIBBLES = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '.', 'E', 'E-', '?', '-'];

/** A DICT's entries by operator (the last one wins, should one repeat). */
export function dictMap(entries: readonly DictEntry[]): Map<number, DictEntry> {
  return new Map(entries.map((e) => [e.op, e]));
}
