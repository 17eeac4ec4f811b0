// Writing CFF structures (Adobe Technote 5176): INDEXes and DICTs.

/** The smallest offset size that holds offsets into `dataLength` bytes (offsets start at 1). */
function offSizeFor(dataLength: number): number {
  return dataLength + 1 < 1 << 8 ? 1 : dataLength + 1 < 1 << 16 ? 2 : dataLength + 1 < 1 << 24 ? 3 : 4;
}

/** The length of the INDEX writeIndex would make of items this long. */
export function indexLength(itemLengths: readonly number[]): number {
  if (itemLengths.length === 0) return 2;
  const dataLength = itemLengths.reduce((a, b) => a + b, 0);
  return 3 + (itemLengths.length + 1) * offSizeFor(dataLength) + dataLength;
}

/** The bytes of an INDEX of `count` entries holding `dataLength` bytes, its header written: offsets and data to fill in. */
function indexFrame(count: number, dataLength: number): { out: Uint8Array; offSize: number; dataAt: number } {
  const offSize = offSizeFor(dataLength);
  const dataAt = 3 + (count + 1) * offSize;
  const out = new Uint8Array(dataAt + dataLength);
  out[0] = count >> 8;
  out[1] = count & 255;
  out[2] = offSize;
  return { out, offSize, dataAt };
}

/** An INDEX of `items`, with the smallest offset size that holds its data's length. */
export function writeIndex(items: readonly Uint8Array[]): Uint8Array {
  const count = items.length;
  if (count === 0) return new Uint8Array(2);
  let dataLength = 0;
  for (let i = 0; i < count; i++) dataLength += items[i]!.length;
  const { out, offSize, dataAt } = indexFrame(count, dataLength);
  // Plain loops: a subroutine INDEX kept whole has tens of thousands of (mostly empty) entries.
  let offset = 1;
  let at = 3;
  for (let i = 0; i <= count; i++) {
    for (let b = offSize - 1, v = offset; b >= 0; b--, v >>>= 8) out[at + b] = v & 255;
    at += offSize;
    const item = items[i];
    if (item?.length) {
      out.set(item, dataAt + offset - 1);
      offset += item.length;
    }
  }
  return out;
}

/**
 * An INDEX of `count` entries, all empty but those in `entries` (by number). A subroutine INDEX keeps its
 * count (tens of thousands in a CJK font) when a subset calls a few dozen: runs of equal offsets are
 * written by doubling copies rather than one by one.
 */
export function writeSparseIndex(count: number, entries: ReadonlyMap<number, Uint8Array>): Uint8Array {
  if (count === 0) return new Uint8Array(2);
  const kept = [...entries.keys()].filter((i) => i >= 0 && i < count).sort((a, b) => a - b);
  let dataLength = 0;
  for (const i of kept) dataLength += entries.get(i)!.length;
  const { out, offSize, dataAt } = indexFrame(count, dataLength);
  /** Offsets first..last (inclusive) all `value`. */
  const fill = (first: number, last: number, value: number) => {
    const start = 3 + first * offSize;
    const end = 3 + (last + 1) * offSize;
    for (let b = offSize - 1, v = value; b >= 0; b--, v >>>= 8) out[start + b] = v & 255;
    for (let done = offSize; start + done < end; done *= 2) out.copyWithin(start + done, start, Math.min(start + done * 2, end) - done);
  };
  let next = 0;
  let offset = 1;
  for (const i of kept) {
    fill(next, i, offset);
    const item = entries.get(i)!;
    out.set(item, dataAt + offset - 1);
    offset += item.length;
    next = i + 1;
  }
  fill(next, count, offset);
  return out;
}

/** Builds a DICT: operands, then their operator. */
export class DictWriter {
  private readonly bytes: number[] = [];

  /** An integer in its shortest encoding. */
  int(v: number): this {
    if (!Number.isInteger(v) || v < -(2 ** 31) || v >= 2 ** 31) throw new RangeError(`not a DICT integer: ${v}`);
    if (v >= -107 && v <= 107) this.bytes.push(v + 139);
    else if (v >= 108 && v <= 1131) this.bytes.push(((v - 108) >> 8) + 247, (v - 108) & 255);
    else if (v >= -1131 && v <= -108) this.bytes.push(((-v - 108) >> 8) + 251, (-v - 108) & 255);
    else if (v >= -32768 && v <= 32767) this.bytes.push(28, (v >> 8) & 255, v & 255);
    else this.fixed(v);
    return this;
  }

  /** An integer in 5 bytes whatever its value: offsets, so that sizes are known before the offsets are. */
  fixed(v: number): this {
    if (!Number.isInteger(v) || v < -(2 ** 31) || v >= 2 ** 31) throw new RangeError(`not a DICT integer: ${v}`);
    this.bytes.push(29, (v >> 24) & 255, (v >> 16) & 255, (v >> 8) & 255, v & 255);
    return this;
  }

  /** Operands copied as the source font wrote them. */
  raw(operands: Uint8Array): this {
    for (const b of operands) this.bytes.push(b);
    return this;
  }

  /** An operator; two-byte ones as 1200 + their second byte. */
  op(op: number): this {
    if (op >= 1200) this.bytes.push(12, op - 1200);
    else this.bytes.push(op);
    return this;
  }

  done(): Uint8Array {
    return Uint8Array.from(this.bytes);
  }
}

export function concat(parts: readonly Uint8Array[]): Uint8Array {
  let length = 0;
  for (const p of parts) length += p.length;
  const out = new Uint8Array(length);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
