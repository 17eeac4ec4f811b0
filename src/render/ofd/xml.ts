// What the OFD's XML parts are written with: numbers in millimetres, escaped text.

export const NS = 'http://www.ofdspec.org/2016';

/** The XML declaration and a root element in the OFD namespace. */
export function xmlPart(root: string, attrs: string, body: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<ofd:${root} xmlns:ofd="${NS}"${attrs}>${body}</ofd:${root}>\n`;
}

/** PDF points (the display list's unit) in millimetres (OFD's). */
export function mm(pt: number): number {
  return (pt * 25.4) / 72;
}

/** A number as the XML holds it: at most 3 decimals (a micrometre), no exponent. */
export function num(n: number): string {
  const r = Math.round(n * 1000) / 1000;
  return Object.is(r, -0) ? '0' : String(r);
}

/** Text for element content or an attribute value. */
export function esc(s: string): string {
  return s.replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}

/** A TextCode's text: spaces written as references too, so that no reader trims one away. */
export function escText(s: string): string {
  return esc(s).replace(/ /g, '&#x20;');
}

/**
 * An OFD array of numbers (ST_Array), runs of one value written with the `g` abbreviation of GB/T 33190 §11.3
 * (`g 3 5.6` is `5.6 5.6 5.6`).
 */
export function deltas(values: readonly number[]): string {
  const out: string[] = [];
  for (let i = 0; i < values.length; ) {
    const v = num(values[i]!);
    let n = 1;
    while (i + n < values.length && num(values[i + n]!) === v) n++;
    out.push(n > 2 ? `g ${n} ${v}` : n === 2 ? `${v} ${v}` : v);
    i += n;
  }
  return out.join(' ');
}
