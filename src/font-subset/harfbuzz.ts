// Font subsets for the OFD edition. An OFD embeds font files (TrueType or
// OpenType, GB/T 33190 §11.1) and its readers map each TextCode character to
// a glyph through the file's own cmap, so a subset must be a whole font file:
// the bare CID-keyed CFF programs of the PDF (src/font-subset/cff) are not, and
// fontkit's subsets keep no cmap. HarfBuzz's subsetter (hb-subset, the
// WebAssembly build that harfbuzzjs ships) makes a complete file from any
// face, TrueType or CFF, single or in a collection, keeping cmap, metrics,
// names and layout tables for the characters kept.
// harfbuzzjs is pinned: these are HarfBuzz's C functions as the .wasm exports
// them, below its documented JavaScript API.

import fs from 'node:fs';
import { createRequire } from 'node:module';

// Node has WebAssembly; the project's type libraries (ES, no DOM) do not declare it.
declare const WebAssembly: {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: object };
};

interface HbSubset {
  memory: { buffer: ArrayBuffer };
  _initialize(): void;
  malloc(size: number): number;
  free(ptr: number): void;
  hb_blob_create(data: number, length: number, mode: number, userData: number, destroy: number): number;
  hb_blob_destroy(blob: number): void;
  hb_blob_get_data(blob: number, length: number): number;
  hb_blob_get_length(blob: number): number;
  hb_face_create(blob: number, index: number): number;
  hb_face_destroy(face: number): void;
  hb_face_reference_blob(face: number): number;
  hb_set_add(set: number, value: number): void;
  hb_subset_input_create_or_fail(): number;
  hb_subset_input_destroy(input: number): void;
  hb_subset_input_unicode_set(input: number): number;
  hb_subset_or_fail(face: number, input: number): number;
}

/** HB_MEMORY_MODE_WRITABLE: HarfBuzz may use the bytes in place (they are a copy, ours to give). */
const WRITABLE = 2;

let instance: HbSubset | undefined;

/** The subsetter, compiled on first use (~25 ms): most builds write no OFD. */
function harfbuzz(): HbSubset {
  if (!instance) {
    const file = createRequire(import.meta.url).resolve('harfbuzzjs/dist/harfbuzz-subset.wasm');
    const exports = new WebAssembly.Instance(new WebAssembly.Module(fs.readFileSync(file)), {}).exports as unknown as HbSubset;
    exports._initialize();
    instance = exports;
  }
  return instance;
}

/**
 * A font file holding the glyphs of `codePoints` (and what layout needs with them) from face `index` of the font
 * file `bytes`; undefined when HarfBuzz cannot read the face.
 */
export function subsetFontFile(bytes: Uint8Array, index: number, codePoints: Iterable<number>): Uint8Array | undefined {
  const hb = harfbuzz();
  const input = hb.hb_subset_input_create_or_fail();
  if (!input) throw new Error('hb_subset_input_create_or_fail: out of memory');
  const data = hb.malloc(bytes.byteLength);
  let face = 0;
  try {
    // A view taken after malloc: growing the memory detaches earlier views.
    new Uint8Array(hb.memory.buffer, data, bytes.byteLength).set(bytes);
    const blob = hb.hb_blob_create(data, bytes.byteLength, WRITABLE, 0, 0);
    face = hb.hb_face_create(blob, index);
    hb.hb_blob_destroy(blob);
    const unicodes = hb.hb_subset_input_unicode_set(input);
    for (const cp of codePoints) hb.hb_set_add(unicodes, cp);
    const subset = hb.hb_subset_or_fail(face, input);
    if (!subset) return undefined;
    const out = hb.hb_face_reference_blob(subset);
    const at = hb.hb_blob_get_data(out, 0);
    const result = new Uint8Array(hb.memory.buffer, at, hb.hb_blob_get_length(out)).slice();
    hb.hb_blob_destroy(out);
    hb.hb_face_destroy(subset);
    return result.length ? result : undefined;
  } finally {
    if (face) hb.hb_face_destroy(face);
    hb.hb_subset_input_destroy(input);
    hb.free(data);
  }
}
