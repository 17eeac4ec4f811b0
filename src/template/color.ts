// Template colours for editions drawn in RGB (the Word file, the sRGB PDF/A edition).

import type { Color } from './model.js';

/**
 * A template colour as RRGGBB hex. CMYK is converted the simple way PDF viewers show device
 * CMYK (0/80/80/0 → FF3333): the template gives ink percentages, not a characterized press.
 */
export function rgbHex(c: Color | undefined): string {
  if (!c) return '000000';
  if ('rgb' in c) return c.rgb.replace(/^#/, '').toUpperCase();
  const [cy, m, y, k] = c.cmyk.map((v) => Math.min(100, Math.max(0, v)) / 100) as [number, number, number, number];
  const channel = (v: number) => Math.round(255 * (1 - v) * (1 - k)).toString(16).padStart(2, '0');
  return (channel(cy) + channel(m) + channel(y)).toUpperCase();
}
