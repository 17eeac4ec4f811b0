// What the archival edition cannot take as it is: a CMYK JPEG would be device CMYK
// beside the sRGB output intent (PDF/A-2 6.2.4.3), and pdfkit embeds a JPEG unchanged.

import { Diagnostics, type Diagnostic } from '../../diagnostics/diagnostic.js';
import type { Issue } from '../../issue/model.js';

/** Errors for the figures that an sRGB PDF/A cannot hold. */
export function pdfaInputProblems(issue: Issue): Diagnostic[] {
  const diags = new Diagnostics();
  for (const item of issue.items) {
    for (const p of item.paragraphs) {
      const f = p.figure;
      if (f?.image?.format === 'jpeg' && jpegComponents(f.image.bytes) === 4) diags.error(f.at.file, f.at, 'pdfa/cmyk-image', { path: f.src }, f.end);
    }
  }
  return diags.list;
}

/** The number of colour components in a JPEG's frame header (1 grey, 3 YCbCr or RGB, 4 CMYK); 0 if none is found. */
export function jpegComponents(b: Uint8Array): number {
  let i = 2;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return 0;
    const marker = b[i + 1]!;
    if (marker === 0xff) {
      i++; // fill byte
      continue;
    }
    // SOF0–SOF15, except DHT (C4), JPG (C8) and DAC (CC).
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) return b[i + 9]!;
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd9)) {
      i += 2; // a marker without a length
      continue;
    }
    i += 2 + ((b[i + 2]! << 8) | b[i + 3]!);
  }
  return 0;
}
