// A template colour as screens show it: the preview's SVG and the OFD (whose
// readers draw in RGB) share this.

import type { Color } from '../template/model.js';

/** 0–255 red, green, blue: CMYK converted naively (no ICC profile), #rgb and #rrggbb as written; black when unknown. */
export function screenRgb(c: Color | undefined): [number, number, number] {
  if (!c) return [0, 0, 0];
  if ('cmyk' in c) {
    const [cy, m, y, k] = c.cmyk.map((v) => Math.min(100, Math.max(0, v)) / 100) as [number, number, number, number];
    const channel = (v: number) => Math.round(255 * (1 - v) * (1 - k));
    return [channel(cy), channel(m), channel(y)];
  }
  const hex = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(c.rgb)?.[1];
  if (!hex) return [0, 0, 0];
  const six = hex.length === 3 ? [...hex].map((d) => d + d).join('') : hex;
  return [0, 2, 4].map((i) => parseInt(six.slice(i, i + 2), 16)) as [number, number, number];
}
