// Page content as stream objects of our own: in watch mode a page whose content did not change keeps
// its compressed bytes. They are compressed on the main thread, as pdfkit would: a page's content is
// compressed in a tenth of a millisecond, and 40 of them handed to zlib's thread pool at once cost five
// times the processor time (and more wall time on two cores) of doing it here.

import zlib from 'node:zlib';
import { RenderCache } from './reuse.js';

/** A PDF object reference as pdfkit makes them. */
export interface Ref {
  data: Record<string, unknown>;
  end(chunk?: Uint8Array | string): void;
}

export interface RefMaker {
  ref(data?: Record<string, unknown>): Ref;
}

/** A content stream before and after compression. */
interface Compressed {
  content: Buffer;
  bytes: Buffer;
}

/** Compressed page contents of earlier renders (watch mode), by their bytes before compression. */
export class StreamCache extends RenderCache<Compressed> {}

/** The streams of one document: each made at once (its object number taken), written at the end. */
export class ContentStreams {
  private readonly streams: { ref: Ref; bytes: Buffer }[] = [];

  constructor(
    private readonly doc: RefMaker,
    private readonly cache?: StreamCache,
  ) {}

  /** A stream object holding `content` (kept by the cache: not to be written again by the caller). */
  add(content: Buffer): Ref {
    const ref = this.doc.ref({ Filter: 'FlateDecode' });
    let bytes: Buffer;
    if (this.cache) {
      // zlib gives the same bytes for the same input and options: a kept result is what a fresh one would be.
      // Found by a checksum (cheap next to a cryptographic hash), taken only for the same bytes.
      const kept = this.cache.get(`${content.length}:${zlib.crc32(content)}`, () => ({ content, bytes: zlib.deflateSync(content) }));
      bytes = kept.content.equals(content) ? kept.bytes : zlib.deflateSync(content);
    } else {
      bytes = zlib.deflateSync(content);
    }
    this.streams.push({ ref, bytes });
    return ref;
  }

  /** Writes every stream, in the order they were made. */
  finish(): void {
    for (const { ref, bytes } of this.streams) ref.end(bytes);
  }
}
