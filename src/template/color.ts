// Template colours for everything drawn in RGB: the preview's SVG, the Word
// file, the sRGB PDF/A edition and the OFD. One conversion, so every edition
// shows the print PDF's red as a PDF viewer shows the PDF's own CMYK.

import type { Color } from './model.js';

/**
 * Screen RGB (0–1) of the 16 corners of the CMYK cube, indexed by the bits
 * c m y k (c is 8): the solid inks and their overprints as PDF viewers
 * (poppler, xpdf) show them on screen. The naive 1 − C conversion would make
 * the masthead's 0/80/80/0 a pink FF3333 that no printed copy has.
 */
const CORNERS: ReadonlyArray<readonly [number, number, number]> = [
  [1, 1, 1], [0.1373, 0.1216, 0.1255], [1, 0.949, 0], [0.1098, 0.102, 0],
  [0.9255, 0, 0.549], [0.1412, 0, 0], [0.9294, 0.1098, 0.1412], [0.1333, 0, 0],
  [0, 0.6784, 0.9373], [0, 0.0588, 0.1412], [0, 0.651, 0.3137], [0, 0.0745, 0],
  [0.1804, 0.1922, 0.5725], [0, 0, 0.0078], [0.2118, 0.2119, 0.2235], [0, 0, 0],
];

/**
 * 0–255 red, green, blue. CMYK is interpolated between the corners above
 * (0/80/80/0 → 240 67 56); black ink alone stays a neutral grey (K 100 →
 * 0 0 0), as text black is meant. #rgb and #rrggbb as written; black when unknown.
 */
export function screenRgb(c: Color | undefined): [number, number, number] {
  if (!c) return [0, 0, 0];
  if ('cmyk' in c) {
    const ink = c.cmyk.map((v) => Math.min(100, Math.max(0, v)) / 100);
    if (ink[0] === 0 && ink[1] === 0 && ink[2] === 0) return byte([1, 1, 1].map(() => 1 - ink[3]!));
    const rgb = [0, 0, 0];
    CORNERS.forEach((corner, bits) => {
      // Weight of a corner: the product of each ink's share (v where the corner has it, 1 − v where not).
      const w = ink.reduce((p, v, i) => p * ((bits >> (3 - i)) & 1 ? v : 1 - v), 1);
      corner.forEach((x, j) => (rgb[j]! += w * x));
    });
    return byte(rgb);
  }
  const hex = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(c.rgb)?.[1];
  if (!hex) return [0, 0, 0];
  const six = hex.length === 3 ? [...hex].map((d) => d + d).join('') : hex;
  return [0, 2, 4].map((i) => parseInt(six.slice(i, i + 2), 16)) as [number, number, number];
}

/** The same as RRGGBB hex (Word's colours, the PDF/A edition's). */
export function rgbHex(c: Color | undefined): string {
  return screenRgb(c).map((v) => v.toString(16).padStart(2, '0')).join('').toUpperCase();
}

const byte = (rgb: number[]): [number, number, number] => rgb.map((v) => Math.round(255 * Math.min(1, Math.max(0, v)))) as [number, number, number];
