// Word's units: twentieths of a point (twips) for lengths, half-points for
// type sizes, eighths of a point for borders, hex RGB for colours.

import { rgbHex } from '../../template/color.js';

export const twips = (pt: number): number => Math.round(pt * 20);
export const halfPoints = (pt: number): number => Math.round(pt * 2);
/** Border widths: Word accepts 2 to 96 eighths of a point. */
export const eighths = (pt: number): number => Math.min(96, Math.max(2, Math.round(pt * 8)));

/** RGB hex for Word: the template's colour as the PDF shows it on screen (src/template/color.ts). */
export const hexColor = rgbHex;
