// The OFD's zip: fflate writes the container, Node's zlib (native, several
// times quicker than fflate's JavaScript deflate on the font subsets) the
// compressed data, through fflate's documented way to plug in a compressor
// (a ZipPassThrough whose process() compresses). Fixed times, the order given.

import zlib from 'node:zlib';
import { Zip, ZipPassThrough } from 'fflate';
import { zipTime } from '../../output/zip-time.js';

/** Deflates with zlib: ZipPassThrough counts the CRC and size of the data pushed, this compresses it. */
class ZlibDeflate extends ZipPassThrough {
  constructor(filename: string, mtime: Date) {
    super(filename);
    this.compression = 8;
    this.mtime = mtime;
  }

  protected override process(chunk: Uint8Array<ArrayBuffer>, final: boolean): void {
    this.ondata(null, zlib.deflateRawSync(chunk), final);
  }
}

/** The entries, in this order, each compressed unless `store` (JPEG and PNG are compressed already). */
export function zipEntries(entries: ReadonlyArray<{ name: string; bytes: Uint8Array; store?: boolean }>, date: Date): Uint8Array {
  const chunks: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((err, chunk) => {
    if (err) failure = err;
    else chunks.push(chunk);
  });
  const mtime = zipTime(date);
  for (const e of entries) {
    const file = e.store ? Object.assign(new ZipPassThrough(e.name), { mtime }) : new ZlibDeflate(e.name, mtime);
    zip.add(file);
    file.push(e.bytes as Uint8Array<ArrayBuffer>, true);
  }
  zip.end();
  // Every entry is pushed whole and compressed synchronously: the archive is complete here.
  if (failure) throw failure;
  return Buffer.concat(chunks);
}
