// fontkit, for the faces our own PDF path cannot embed (TrueType outlines,
// a CFF that is not CID-keyed). Layout never needs it: it reads
// font-tables.ts. In the CLI bundle fontkit is evaluated on its first call,
// not at start-up (scripts/bundle.js, lazy-modules), and pdfkit shares the copy.
import * as fontkit from 'fontkit';

export type FontkitModule = typeof fontkit;
export type FontkitFont = fontkit.Font;

let loaded = false;

/** fontkit, counting the first use (tests check that a bundled-font build never gets here). */
export function loadFontkit(): FontkitModule {
  loaded = true;
  return fontkit;
}

/** Whether anything has asked for fontkit in this process. */
export function fontkitLoaded(): boolean {
  return loaded;
}
