// Draw a display list with pdfkit. Nothing here decides where anything goes:
// every run, rule and image arrives at its final place.

import type * as fontkit from 'fontkit';
import PDFDocument from 'pdfkit';
import type { FontTables } from '../fonts/font-tables.js';
import { PdfFace } from './pdf-face.js';
import { withFastSubset } from './subset-prime.js';
import type { Page } from '../layout/display-list.js';
import type { Color } from '../template/model.js';

export interface FaceFile {
  path: string;
  /** PostScript name that picks the face from a collection (.ttc); absent for a single-face file. */
  collectionName?: string;
  /** Draw filled and stroked: a role asks for bold and the face has no bold weight. */
  syntheticBold?: boolean;
  /** The face already opened with fontkit, if there is one: pdfkit then neither reads nor parses the file again,
   *  and the face's parsed glyphs carry over between renders (watch mode renders ~4x faster; same bytes). */
  fontkitFont?: object;
  /** The face's own tables (src/fonts/font-tables.ts): a CFF face is then embedded without fontkit. */
  tables?: FontTables;
  postscriptName?: string;
}

/** Stroke width of synthetic bold, as a fraction of the font size: about the weight step from regular to bold. */
const BOLD_STROKE = 1 / 30;

export interface PdfMeta {
  title: string;
  author: string;
  subject?: string;
  creationDate: Date;
}

export function renderPdf(pages: Page[], faces: Map<string, FaceFile>, colors: Record<string, Color>, meta: PdfMeta): Promise<Buffer> {
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

  // Registered once per file and face, so a face drawn both plain and synthetic bold is embedded once.
  const registered = new Set<string>();
  const names = new Set<string>();
  const useFace = (id: string): FaceFile => {
    const f = faces.get(id);
    if (!f) throw new Error(`face ${id} was not loaded`);
    const key = `${f.path}#${f.collectionName ?? ''}`;
    if (!registered.has(key)) {
      if (f.tables?.outlines === 'cff') {
        // pdfkit takes any object with layout() as a font. Its name must be unique: pdfkit merges two fonts of one name.
        let name = f.postscriptName || 'face';
        for (let n = 2; names.has(name); n++) name = `${f.postscriptName}~${n}`;
        names.add(name);
        const fallback = () => f.fontkitFont as fontkit.Font;
        doc.registerFont(key, new PdfFace(name, f.tables, f.path, fallback) as unknown as string);
      } else if (f.fontkitFont) {
        // pdfkit takes an opened fontkit face as it takes a path (PDFFontFactory.open): no second read or parse.
        doc.registerFont(key, withFastSubset(f.fontkitFont as fontkit.Font) as unknown as string);
      } else if (f.collectionName) doc.registerFont(key, f.path, f.collectionName);
      else doc.registerFont(key, f.path);
      registered.add(key);
    }
    doc.font(key);
    return f;
  };
  const paint = (name: string): PDFKit.Mixins.ColorValue => {
    const c = colors[name];
    if (!c) return 'black';
    return 'cmyk' in c ? (c.cmyk as unknown as PDFKit.Mixins.ColorValue) : c.rgb;
  };

  for (const page of pages) {
    doc.addPage({ size: [page.width, page.height], margin: 0 });
    for (const item of page.items) {
      if (item.kind === 'rule') {
        doc.rect(item.x, item.y - item.thickness / 2, item.width, item.thickness).fill(paint(item.color));
      } else if (item.kind === 'image') {
        // The bytes read at load time (not the path): the file may have changed since. pdfkit turns a JPEG by its EXIF orientation.
        const b = item.image.bytes;
        doc.image(Buffer.from(b.buffer, b.byteOffset, b.byteLength), item.x, item.y, { width: item.width, height: item.height });
      } else {
        const face = useFace(item.face);
        doc.fontSize(item.size).fillColor(paint(item.color));
        const options: PDFKit.Mixins.TextOptions = { lineBreak: false, characterSpacing: item.tracking, baseline: 'alphabetic' };
        if (face.syntheticBold) {
          doc.save().lineWidth(item.size * BOLD_STROKE).strokeColor(paint(item.color));
          doc.text(item.text, item.x, item.y, { ...options, fill: true, stroke: true });
          doc.restore();
        } else {
          doc.text(item.text, item.x, item.y, options);
        }
      }
    }
  }
  doc.end();
  return done;
}
