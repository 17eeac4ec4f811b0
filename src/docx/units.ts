// Word's units: twentieths of a point (twips) for lengths, half-points for
// type sizes, eighths of a point for borders, hex RGB for colours.

import type { Color } from '../template/model.js';

export const twips = (pt: number): number => Math.round(pt * 20);
export const halfPoints = (pt: number): number => Math.round(pt * 2);
/** Border widths: Word accepts 2 to 96 eighths of a point. */
export const eighths = (pt: number): number => Math.min(96, Math.max(2, Math.round(pt * 8)));

/** RGB hex for Word. CMYK is converted the simple way PDF viewers show it (0/80/80/0 → FF3333). */
export function hexColor(c: Color | undefined): string {
  if (!c) return '000000';
  if ('rgb' in c) return c.rgb.replace(/^#/, '').toUpperCase();
  const [cy, m, y, k] = c.cmyk.map((v) => v / 100) as [number, number, number, number];
  const channel = (v: number) => Math.round(255 * (1 - v) * (1 - k)).toString(16).padStart(2, '0');
  return (channel(cy) + channel(m) + channel(y)).toUpperCase();
}
