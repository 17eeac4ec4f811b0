// Read a PDF back as a proof-reader sees it: each page's size, its text as
// lines (words on one baseline, with their left and right ends and size), and
// the fonts it uses. pdfjs-dist (Mozilla's PDF.js) does the reading: a reader
// of its own, with no code shared with the writer in src/render/, in plain
// JavaScript on every platform. It is loaded only by `verify`.

import { createRequire } from 'node:module';
import path from 'node:path';

export interface TextLine {
  /** Baseline, from the top of the page, in points. */
  y: number;
  x0: number;
  x1: number;
  /** Median text size of the line's runs, in points. */
  size: number;
  /** The line's characters with white space removed (a gap in letter-spaced text reads as a space). */
  text: string;
}

export interface PdfPage {
  width: number;
  height: number;
  /** Top to bottom. */
  lines: TextLine[];
}

export interface PdfFont {
  name: string;
  embedded: boolean;
}

export interface PdfDocument {
  pages: PdfPage[];
  fonts: PdfFont[];
}

/** The PDF could not be read at all (not a PDF, damaged, encrypted). */
export class UnreadablePdf extends Error {}

/** pdfjs-dist could not be loaded: it needs @napi-rs/canvas, which npm installs only where a build of it exists. */
export class NoPdfReader extends Error {}

type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

const require = createRequire(import.meta.url);

export async function readPdf(bytes: Uint8Array): Promise<PdfDocument> {
  // The legacy build is the one for Node; CMaps (for text in fonts that are not embedded) are read from the
  // package's own folder. Its standard fonts are not given: pdfjs would then take their files for embedded ones.
  let pdfjs: Pdfjs;
  try {
    pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  } catch (e) {
    throw new NoPdfReader(e instanceof Error ? e.message : String(e));
  }
  const dir = path.dirname(require.resolve('pdfjs-dist/package.json'));
  let doc: Awaited<ReturnType<Pdfjs['getDocument']>['promise']>;
  try {
    doc = await pdfjs.getDocument({
      data: bytes,
      verbosity: pdfjs.VerbosityLevel.ERRORS,
      cMapUrl: `${dir}/cmaps/`,
      isEvalSupported: false,
      // the fonts are looked at, not drawn
      disableFontFace: true,
    }).promise;
  } catch (e) {
    throw new UnreadablePdf(e instanceof Error ? e.message : String(e));
  }
  try {
    const pages: PdfPage[] = [];
    const fonts = new Map<string, PdfFont>();
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const [, , width, height] = page.view as [number, number, number, number];
      // Full-width marks (，。：) must stay as they are: no Unicode normalisation.
      const content = await page.getTextContent({ disableNormalization: true });
      pages.push({ width, height, lines: toLines(content.items, height) });
      const ops = await page.getOperatorList();
      ops.fnArray.forEach((fn, i) => {
        if (fn !== pdfjs.OPS.setFont) return;
        const id = (ops.argsArray[i] as [string])[0];
        if (fonts.has(id) || !page.commonObjs.has(id)) return;
        const font = page.commonObjs.get(id) as { name?: string; missingFile?: boolean; isType3Font?: boolean };
        fonts.set(id, { name: font.name ?? id, embedded: font.isType3Font === true || font.missingFile !== true });
      });
      page.cleanup();
    }
    return { pages, fonts: [...fonts.values()] };
  } finally {
    await doc.destroy();
  }
}

interface Run {
  str: string;
  transform: number[];
  width: number;
}

/** Runs grouped by baseline (to half a point), each line read left to right. */
function toLines(items: readonly object[], pageHeight: number): TextLine[] {
  const rows = new Map<number, Array<{ x0: number; x1: number; size: number; text: string }>>();
  for (const item of items) {
    if (!('str' in item)) continue;
    const run = item as Run;
    const text = run.str.replace(/\s+/g, '');
    if (!text) continue;
    const [a, b, c, d, e, f] = run.transform as [number, number, number, number, number, number];
    const y = Math.round((pageHeight - f) * 2) / 2;
    const size = Math.hypot(c, d) || Math.hypot(a, b);
    const row = rows.get(y) ?? [];
    row.push({ x0: e, x1: e + run.width, size, text });
    rows.set(y, row);
  }
  return [...rows.keys()].sort((p, q) => p - q).map((y) => {
    const runs = rows.get(y)!.sort((p, q) => p.x0 - q.x0);
    const sizes = runs.map((r) => r.size).sort((p, q) => p - q);
    return {
      y,
      x0: runs[0]!.x0,
      x1: Math.max(...runs.map((r) => r.x1)),
      size: sizes[sizes.length >> 1]!,
      text: runs.map((r) => r.text).join(''),
    };
  });
}
