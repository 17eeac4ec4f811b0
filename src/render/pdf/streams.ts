// Page content as stream objects of our own: pdfkit deflates a page's content synchronously when the
// page ends, on the main thread; ours are deflated in zlib's thread pool while the next pages are drawn
// (as the font programs are), and in watch mode a page whose content did not change keeps its bytes.

import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { RenderCache } from './reuse.js';

const deflate = promisify(zlib.deflate);

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

/** The streams of one document: each made at once (its object number taken), written when compressed. */
export class ContentStreams {
  private readonly streams: { ref: Ref; bytes: Promise<Buffer> }[] = [];

  constructor(
    private readonly doc: RefMaker,
    private readonly cache?: StreamCache,
  ) {}

  /** A stream object holding `content` (not written again by the caller: it is read in the background). */
  add(content: Buffer): Ref {
    const ref = this.doc.ref({ Filter: 'FlateDecode' });
    // zlib gives the same bytes for the same input and options: a kept result is what a fresh one would be.
    // Found by a checksum (cheap next to a cryptographic hash), taken only for the same bytes.
    const bytes = this.cache
      ? this.cache
          .get(`${content.length}:${zlib.crc32(content)}`, async () => ({ content, bytes: await deflate(content) }))
          .then((kept) => (kept.content.equals(content) ? kept.bytes : deflate(content)))
      : deflate(content);
    this.streams.push({ ref, bytes });
    return ref;
  }

  /** Writes every stream, in the order they were made. */
  async finish(): Promise<void> {
    const bytes = await Promise.all(this.streams.map((s) => s.bytes));
    this.streams.forEach((s, i) => s.ref.end(bytes[i]));
    this.cache?.endRender();
  }
}
