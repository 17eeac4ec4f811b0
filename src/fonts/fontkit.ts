// fontkit, loaded only when something asks for it. Layout gets what it needs
// from font-tables.ts; fontkit (~70 ms to load, and it parses whole files) is
// for the PDF renderer's faces that our own PDF path cannot embed yet.
//
// loadFontkit() is synchronous (Face.fontkitFont is a getter), so it goes
// through require(), which loads fontkit's CommonJS build. pdfkit imports
// fontkit's ES module build, a second copy: whoever is about to load pdfkit
// can `await preloadFontkit()` first, and loadFontkit() then hands out that
// same ES module instead of loading fontkit a second time.

import { createRequire } from 'node:module';
import type * as Fontkit from 'fontkit';

export type FontkitModule = typeof Fontkit;
export type FontkitFont = Fontkit.Font;

let loaded: FontkitModule | undefined;

/** fontkit, loaded on the first call. */
export function loadFontkit(): FontkitModule {
  return (loaded ??= createRequire(import.meta.url)('fontkit') as FontkitModule);
}

/** Load fontkit as pdfkit does (its ES module), so that loadFontkit() and pdfkit share one copy. */
export async function preloadFontkit(): Promise<void> {
  if (!loaded) {
    const m = await import('fontkit');
    loaded ??= m;
  }
}

/** Whether fontkit has been loaded through this module. */
export function fontkitLoaded(): boolean {
  return loaded !== undefined;
}
