// Draw a display list as PDF. Nothing here decides where anything goes:
// every run, rule and image arrives at its final place. pdfkit writes the
// document, the rules and the images; text is written here, as glyph codes of
// the fonts that pdf-fonts.ts embeds: the layout already placed every run,
// so there is nothing for pdfkit to measure or shape again.

import PDFDocument from 'pdfkit';
import type { FontTables } from '../fonts/font-tables.js';
import type { GlyphRun, Page } from '../layout/display-list.js';
import type { Color } from '../template/model.js';
import { EmbeddedFont, type RefMaker } from './pdf-fonts.js';

export interface FaceFile {
  path: string;
  /** PostScript name that picks the face from a collection (.ttc); absent for a single-face file. */
  collectionName?: string;
  postscriptName?: string;
  /** Draw filled and stroked: a role asks for bold and the face has no bold weight. */
  syntheticBold?: boolean;
  /** cmap, hmtx and metrics (src/fonts/font-tables.ts). */
  tables: FontTables;
  /** fontkit's parse of the face, for a face our CFF subsetter cannot subset; read only when asked for. */
  fontkitFont: object;
}

/** Stroke width of synthetic bold, as a fraction of the font size: about the weight step from regular to bold. */
const BOLD_STROKE = 1 / 30;

export interface PdfMeta {
  title: string;
  author: string;
  subject?: string;
  creationDate: Date;
}

/** The page's font resources (pdfkit's PDFPage.fonts). */
interface PageResources {
  fonts: Record<string, unknown>;
  height: number;
}

export async function renderPdf(pages: Page[], faces: Map<string, FaceFile>, colors: Record<string, Color>, meta: PdfMeta): Promise<Buffer> {
  // Every run encoded first, in page order: then each font's glyphs are known and its
  // subset can be compressed in the background while the document is made and the pages drawn.
  const fonts = new Map<string, EmbeddedFont>();
  const names = new Set<string>();
  const fontFor = (id: string): EmbeddedFont => {
    const f = faces.get(id);
    if (!f) throw new Error(`face ${id} was not loaded`);
    // One font per file and face: drawn plain and synthetic bold, it is embedded once.
    const key = `${f.path}#${f.collectionName ?? ''}`;
    let font = fonts.get(key);
    if (!font) {
      let base = f.postscriptName || 'Face';
      for (let n = 2; names.has(base); n++) base = `${f.postscriptName}~${n}`;
      names.add(base);
      font = new EmbeddedFont(`F${fonts.size + 1}`, base, f);
      fonts.set(key, font);
    }
    return font;
  };
  const encoded = new Map<GlyphRun, { font: EmbeddedFont; hex: string }>();
  for (const page of pages) {
    for (const item of page.items) {
      if (item.kind !== 'glyphs') continue;
      const font = fontFor(item.face);
      encoded.set(item, { font, hex: font.encode(item.text) });
    }
  }
  // The largest subset first: its compression, the longest, starts soonest.
  for (const font of [...fonts.values()].sort((a, b) => b.glyphCount - a.glyphCount)) font.startProgram();

  const first = pages[0];
  const doc = new PDFDocument({
    autoFirstPage: false,
    size: first ? [first.width, first.height] : 'A4',
    margin: 0,
    // No default font: pdfkit would otherwise read Helvetica's AFM file at start, for nothing.
    font: null as unknown as string,
    lang: 'zh-CN',
    displayTitle: true,
    info: {
      Title: meta.title,
      Author: meta.author,
      ...(meta.subject ? { Subject: meta.subject } : {}),
      Creator: 'bulletin',
      Producer: 'bulletin',
      CreationDate: meta.creationDate,
      ModDate: meta.creationDate,
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const refs = doc as unknown as RefMaker;
  // The fonts' objects in the order the fonts were first met, numbered before any page's.
  for (const font of fonts.values()) font.attach(refs);

  const paint = (name: string): PDFKit.Mixins.ColorValue => {
    const c = colors[name];
    if (!c) return 'black';
    return 'cmyk' in c ? (c.cmyk as unknown as PDFKit.Mixins.ColorValue) : c.rgb;
  };

  for (const page of pages) {
    doc.addPage({ size: [page.width, page.height], margin: 0 });
    const resources = doc.page as unknown as PageResources;
    // Runs in a row go in one text object; the text state is set only where it changes.
    let text: string[] | undefined;
    let state = { font: '', size: 0, tracking: 0, color: '', bold: false };
    const closeText = () => {
      if (!text) return;
      text.push('ET Q');
      // As bytes: pdfkit would copy a string into bytes one character at a time.
      doc.addContent(Buffer.from(`${text.join('\n')}\n`, 'latin1') as unknown as string);
      text = undefined;
    };
    for (const item of page.items) {
      if (item.kind !== 'glyphs') {
        closeText();
        if (item.kind === 'rule') {
          doc.rect(item.x, item.y - item.thickness / 2, item.width, item.thickness).fill(paint(item.color));
        } else {
          // The bytes read at load time (not the path): the file may have changed since. pdfkit turns a JPEG by its EXIF orientation.
          const b = item.image.bytes;
          doc.image(Buffer.from(b.buffer, b.byteOffset, b.byteLength), item.x, item.y, { width: item.width, height: item.height });
        }
        continue;
      }
      const { font, hex } = encoded.get(item)!;
      const bold = faces.get(item.face)!.syntheticBold === true;
      if (!text) {
        closeText();
        // pdfkit's pages are y-down; text space is y-up.
        text = [`q 1 0 0 -1 0 ${num(page.height)} cm BT`];
        state = { font: '', size: 0, tracking: 0, color: '', bold: false };
      }
      resources.fonts[font.name] ??= font.ref;
      if (state.font !== font.name || state.size !== item.size) text.push(`/${font.name} ${num(item.size)} Tf`);
      if (state.tracking !== item.tracking) text.push(`${num(item.tracking)} Tc`);
      if (state.color !== item.color) text.push(colorOps(colors[item.color]));
      if (bold && (!state.bold || state.size !== item.size || state.color !== item.color)) {
        text.push(`2 Tr ${num(item.size * BOLD_STROKE)} w ${colorOps(colors[item.color], true)}`);
      } else if (!bold && state.bold) {
        text.push('0 Tr');
      }
      text.push(`1 0 0 1 ${num(item.x)} ${num(page.height - item.y)} Tm <${hex}> Tj`);
      state = { font: font.name, size: item.size, tracking: item.tracking, color: item.color, bold };
    }
    closeText();
  }

  for (const font of fonts.values()) await font.finish(refs);
  doc.end();
  return done;
}

/** Fill (or stroke) colour operators: CMYK in per cent in the template, 0–1 in PDF; RGB as #rrggbb (the template loader checks it). */
function colorOps(c: Color | undefined, stroke = false): string {
  if (c && 'cmyk' in c) return `${c.cmyk.map((v) => num(v / 100)).join(' ')} ${stroke ? 'K' : 'k'}`;
  const rgb = c ? /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(c.rgb) : null;
  const parts = rgb ? rgb.slice(1).map((h) => num(parseInt(h, 16) / 255)) : ['0', '0', '0'];
  return `${parts.join(' ')} ${stroke ? 'RG' : 'rg'}`;
}

/** A number as PDF content writes it: at most 4 decimals, no exponent. */
function num(n: number): string {
  const r = Math.round(n * 10000) / 10000;
  return Object.is(r, -0) ? '0' : String(r);
}
