// Word's units: twentieths of a point (twips) for lengths, half-points for
// type sizes, eighths of a point for borders, hex RGB for colours.

import type { Color } from '../template/model.js';

export const twips = (pt: number): number => Math.round(pt * 20);
export const halfPoints = (pt: number): number => Math.round(pt * 2);
/** Border widths: Word accepts 2 to 96 eighths of a point. */
export const eighths = (pt: number): number => Math.min(96, Math.max(2, Math.round(pt * 8)));

/**
 * Screen RGB (0–1) of the 16 corners of the CMYK cube, indexed by the bits
 * c m y k (c is 8): the solid inks and their overprints as PDF viewers
 * (poppler, xpdf) show them on screen. Word takes only RGB, so the Word
 * file's red is the red the PDF shows, not the naive 1 − C conversion.
 */
const CORNERS: ReadonlyArray<readonly [number, number, number]> = [
  [1, 1, 1], [0.1373, 0.1216, 0.1255], [1, 0.949, 0], [0.1098, 0.102, 0],
  [0.9255, 0, 0.549], [0.1412, 0, 0], [0.9294, 0.1098, 0.1412], [0.1333, 0, 0],
  [0, 0.6784, 0.9373], [0, 0.0588, 0.1412], [0, 0.651, 0.3137], [0, 0.0745, 0],
  [0.1804, 0.1922, 0.5725], [0, 0, 0.0078], [0.2118, 0.2119, 0.2235], [0, 0, 0],
];

/**
 * RGB hex for Word. CMYK is interpolated between the corners above
 * (0/80/80/0 → F04338, the PDF's red on screen); black ink alone stays a
 * neutral grey (K 100 → 000000), as text black is meant.
 */
export function hexColor(c: Color | undefined): string {
  if (!c) return '000000';
  if ('rgb' in c) return c.rgb.replace(/^#/, '').toUpperCase();
  const ink = c.cmyk.map((v) => v / 100);
  if (ink[0] === 0 && ink[1] === 0 && ink[2] === 0) return hex([1, 1, 1].map(() => 1 - ink[3]!));
  const rgb = [0, 0, 0];
  CORNERS.forEach((corner, bits) => {
    // Weight of a corner: the product of each ink's share (v where the corner has it, 1 − v where not).
    const w = ink.reduce((p, v, i) => p * ((bits >> (3 - i)) & 1 ? v : 1 - v), 1);
    corner.forEach((x, j) => (rgb[j]! += w * x));
  });
  return hex(rgb);
}

const hex = (rgb: number[]): string => rgb.map((v) => Math.round(255 * Math.min(1, v)).toString(16).padStart(2, '0')).join('').toUpperCase();
