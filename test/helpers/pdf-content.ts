// A PDF's streams, inflated where they are deflated: enough to look for content operators.
import zlib from 'node:zlib';

/** Every deflated stream of `pdf` inflated, joined (the page content streams among them). */
export function contents(pdf: Buffer): string {
  const text = pdf.toString('latin1');
  const out: string[] = [];
  for (const m of text.matchAll(/stream\r?\n/g)) {
    const start = m.index! + m[0].length;
    const end = text.indexOf('endstream', start);
    try {
      out.push(zlib.inflateSync(pdf.subarray(start, end)).toString('latin1'));
    } catch {
      // not a deflated stream
    }
  }
  return out.join('\n');
}
