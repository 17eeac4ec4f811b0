// Draw a display list as PDF. Nothing here decides where anything goes:
// every run, rule and image arrives at its final place. pdfkit writes the
// document and the images; text and rules are written here, text as glyph
// codes of the fonts that fonts.ts embeds: the layout already placed every
// run, so there is nothing for pdfkit to measure or shape again.

import os from 'node:os';
import PDFDocument from 'pdfkit';
import type { FontTables } from '../../fonts/font-tables.js';
import type { Page } from '../../layout/display-list.js';
import { rgbHex } from '../../template/color.js';
import type { Color } from '../../template/model.js';
import { CodeList, EmbeddedFont, type FontProgramCache } from './fonts.js';
import { ContentStreams, type Ref, type RefMaker, type StreamCache } from './streams.js';
import { StructureWriter } from './tags.js';

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

export interface PdfOptions {
  /**
   * The archival edition: tagged PDF/A-2a in sRGB (pdfkit's PDF/A mode writes the XMP
   * identification and the sRGB output intent it ships), every template colour in RGB.
   */
  pdfa?: boolean;
  /** Font programs of earlier renders (watch mode), re-used when a face's glyphs are the same. */
  programs?: FontProgramCache;
  /** Compressed page contents of earlier renders (watch mode), re-used for a page drawn the same. */
  streams?: StreamCache;
}

/**
 * What is read and written of pdfkit's page (PDFPage of pdfkit 0.20.2, pinned): its font resources (`fonts`),
 * its dictionary, whose Contents we make an array (PDF 32000, 7.7.3.3), and its own content stream (`content`).
 */
interface PdfPage {
  fonts: Record<string, unknown>;
  dictionary: { data: { Contents: unknown } };
  content: Ref;
}

export async function renderPdf(pages: Page[], faces: Map<string, FaceFile>, colors: Record<string, Color>, meta: PdfMeta, options: PdfOptions = {}): Promise<Buffer> {
  const pdfa = options.pdfa === true;
  // Device CMYK is not allowed beside an sRGB output intent: the archival edition is drawn in RGB.
  if (pdfa) colors = Object.fromEntries(Object.entries(colors).map(([name, c]) => [name, { rgb: `#${rgbHex(c)}` }]));
  // Every run encoded first, in page order: then each font's glyphs are known and its
  // subset can be compressed in the background while the document is made and the pages drawn.
  const fonts = new Map<string, EmbeddedFont>();
  const names = new Set<string>();
  const byFace = new Map<string, { font: EmbeddedFont; bold: boolean }>();
  const fontFor = (id: string): { font: EmbeddedFont; bold: boolean } => {
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
    const entry = { font, bold: f.syntheticBold === true };
    byFace.set(id, entry);
    return entry;
  };
  // Run k's codes are codes[starts[k]] up to codes[starts[k + 1]], runs counted in page order.
  const codes = new CodeList();
  const starts: number[] = [];
  for (const page of pages) {
    for (const item of page.items) {
      if (item.kind !== 'glyphs') continue;
      starts.push(codes.length);
      const font = (byFace.get(item.face) ?? fontFor(item.face)).font;
      // The tagged edition keeps a space a line break took away as text: drawn past the line's end, it shows nothing.
      font.encode(pdfa && item.after ? item.text + drawable(item.after, faces.get(item.face)!) : item.text, codes);
    }
  }
  starts.push(codes.length);
  // The codes as two big-endian bytes each: a run's hex digits are then one native call (toString('hex')).
  const codeBytes = Buffer.from(codes.codes.buffer, 0, 2 * codes.length);
  if (os.endianness() === 'LE') codeBytes.swap16();
  // The largest subset first: its compression, the longest, starts soonest.
  for (const font of [...fonts.values()].sort((a, b) => b.glyphCount - a.glyphCount)) font.startProgram(options.programs);

  const first = pages[0];
  const info = pdfa ? archivalInfo(meta) : meta;
  const doc = new PDFDocument({
    autoFirstPage: false,
    size: first ? [first.width, first.height] : 'A4',
    margin: 0,
    // No default font: pdfkit would otherwise read Helvetica's AFM file at start, for nothing.
    font: null as unknown as string,
    lang: 'zh-CN',
    displayTitle: true,
    // The ordinary edition compresses its pages' text and rules here (ContentStreams) and the font programs in
    // fonts.ts; pdfkit's own page streams then hold the image placements (and, on a page with two images, what is
    // drawn between them), left uncompressed like a PNG's palette: a few bytes, against a deflate call a page.
    // The tagged edition's marked content is in pdfkit's content streams: pdfkit compresses them.
    ...(pdfa ? { pdfVersion: '1.7', subset: 'PDF/A-2a', tagged: true } : { compress: false }),
    info: {
      Title: info.title,
      Author: info.author,
      ...(info.subject ? { Subject: info.subject } : {}),
      Creator: 'bulletin',
      Producer: 'bulletin',
      CreationDate: meta.creationDate,
      // pdfkit's XMP has no ModifyDate, and PDF/A wants every Info entry in the XMP too.
      ...(pdfa ? {} : { ModDate: meta.creationDate }),
    },
  });
  const structure = pdfa ? new StructureWriter(doc) : undefined;
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const refs = doc as unknown as RefMaker;
  // The fonts' Type0 dictionaries in the order the fonts were first met, numbered before any page's.
  for (const font of fonts.values()) font.attach(refs);

  const out = new ContentWriter();
  const streams = new ContentStreams(refs, options.streams);
  const fillOps = new Map<string, string>();
  const strokeOps = new Map<string, string>();
  let run = 0;
  for (const page of pages) {
    doc.addPage({ size: [page.width, page.height], margin: 0 });
    structure?.newPage();
    const pdfPage = doc.page as unknown as PdfPage;
    // pdfkit's pages are y-down; text space is y-up.
    const flip = `q 1 0 0 -1 0 ${num(page.height)} cm`;
    const begin = `${flip} BT`;
    // What is written goes to pdfkit's content stream only where pdfkit writes too: the tagged edition's
    // marked content, and between two images (uncompressed there: rare). Before a page's first image it
    // is a stream of ours drawn before pdfkit's (whose first operator turns the page y-down: ours does
    // the same inside q … Q), after the last image one drawn after pdfkit's (streams.ts).
    let before: Ref | undefined;
    let imaged = false;
    const toPdfkit = () => {
      // As bytes: pdfkit would copy a string into bytes one character at a time.
      if (out.pending) doc.addContent(out.take() as unknown as string);
    };
    // Runs in a row go in one text object; the text state is set only where it changes.
    let inText = false;
    let font: EmbeddedFont | undefined;
    let size = 0;
    let tracking = 0;
    let color = '';
    let bold = false;
    const closeText = () => {
      if (!inText) return;
      out.line('ET Q');
      inText = false;
    };
    for (const item of page.items) {
      if (structure) {
        // Marked-content sequences stay outside text objects: one ends, the next begins, between ET and BT.
        const mark = structure.markOf(item);
        if (structure.changes(mark)) {
          closeText();
          toPdfkit();
          structure.begin(mark, item);
        }
      }
      if (item.kind !== 'glyphs') {
        closeText();
        if (item.kind === 'rule') {
          out.line(cached(fillOps, item.color, () => colorOps(colors[item.color])));
          out.line(`${num(item.x)} ${num(item.y - item.thickness / 2)} ${num(item.width)} ${num(item.thickness)} re f`);
        } else {
          if (structure || imaged) toPdfkit();
          else if (out.pending) before = streams.add(Buffer.concat([Buffer.from(`${flip}\n`), out.take(), Buffer.from('Q\n')]));
          imaged = true;
          // The bytes read at load time (not the path): the file may have changed since. pdfkit turns a JPEG by its EXIF orientation.
          const b = item.image.bytes;
          const img = (doc as unknown as ImageOpener).openImage(Buffer.from(b.buffer, b.byteOffset, b.byteLength));
          doc.image(img as unknown as Buffer, item.x, item.y, { width: item.width, height: item.height });
          await imageWritten(img);
        }
        continue;
      }
      const face = byFace.get(item.face)!;
      if (!inText) {
        out.line(begin);
        inText = true;
        font = undefined;
        size = tracking = 0;
        color = '';
        bold = false;
      }
      pdfPage.fonts[face.font.name] ??= face.font.ref;
      if (font !== face.font || size !== item.size) out.line(`/${face.font.name} ${num(item.size)} Tf`);
      if (tracking !== item.tracking) out.line(`${num(item.tracking)} Tc`);
      if (color !== item.color) out.line(cached(fillOps, item.color, () => colorOps(colors[item.color])));
      if (face.bold && (!bold || size !== item.size || color !== item.color)) {
        out.line(`2 Tr ${num(item.size * BOLD_STROKE)} w ${cached(strokeOps, item.color, () => colorOps(colors[item.color], true))}`);
      } else if (!face.bold && bold) {
        out.line('0 Tr');
      }
      out.text(`1 0 0 1 ${num(item.x)} ${num(page.height - item.y)} Tm <`);
      out.text(codeBytes.toString('hex', 2 * starts[run]!, 2 * starts[run + 1]!));
      out.line('> Tj');
      run++;
      font = face.font;
      size = item.size;
      tracking = item.tracking;
      color = item.color;
      bold = face.bold;
    }
    closeText();
    if (structure) toPdfkit();
    const after = out.pending ? streams.add(out.take()) : undefined;
    if (before || after) pdfPage.dictionary.data.Contents = [...(before ? [before] : []), pdfPage.content, ...(after ? [after] : [])];
  }

  for (const font of fonts.values()) await font.finish(refs, streams);
  streams.finish();
  // Both caches now hold what this render used, no more.
  options.programs?.endRender();
  options.streams?.endRender();
  doc.end();
  return done;
}

/** pdfkit's `openImage` (public, untyped): the image `doc.image` would open, kept so we can wait for it. */
interface ImageOpener {
  openImage(src: Buffer): object;
}

/**
 * pdfkit embeds a PNG with an alpha channel, transparency or interlacing only once zlib's thread pool has decoded
 * it, and writes its object then: two builds of the same issue put it at different places in the file (1 build
 * in 8 differed, two RGBA images). Waiting for it here puts it at the same place every time. Relies on pdfkit
 * 0.20.2's PNGImage (pinned), which holds its decoder in `image` until the object is written; a JPEG or a plain
 * PNG is written at once.
 */
async function imageWritten(img: object): Promise<void> {
  while ((img as { image?: unknown }).image) await new Promise((r) => setImmediate(r));
}

/**
 * The title, author and subject as the archival edition writes them: pdfkit puts them into its XMP
 * unescaped, so XML's & < > become their full-width forms (＆ ＜ ＞), in the XMP and the Info alike.
 */
function archivalInfo(meta: PdfMeta): PdfMeta {
  const safe = (s: string) => s.replace(/[&<>]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
  return { ...meta, title: safe(meta.title), author: safe(meta.author), ...(meta.subject ? { subject: safe(meta.subject) } : {}) };
}

/** The characters of `text` that `face` has a glyph for (a missing one would draw .notdef, which PDF/A forbids). */
function drawable(text: string, face: FaceFile): string {
  return [...text].filter((ch) => face.tables.glyphForCodePoint(ch.codePointAt(0)!) !== 0).join('');
}

function cached(map: Map<string, string>, key: string, make: () => string): string {
  let v = map.get(key);
  if (v === undefined) map.set(key, (v = make()));
  return v;
}

/**
 * A page's content written as bytes (all ASCII): the text objects one after another in a buffer, each handed
 * to pdfkit as a view of it. A view handed over is never written again: a full buffer is replaced, not reused.
 */
class ContentWriter {
  private buf = Buffer.allocUnsafe(1 << 16);
  private at = 0;
  private start = 0;

  private room(n: number): void {
    if (this.at + n <= this.buf.length) return;
    const grown = Buffer.allocUnsafe(Math.max(1 << 16, 2 * (this.at - this.start + n)));
    this.buf.copy(grown, 0, this.start, this.at);
    this.at -= this.start;
    this.start = 0;
    this.buf = grown;
  }

  text(s: string): void {
    // And room for a newline after it.
    this.room(s.length + 1);
    this.at += this.buf.write(s, this.at, 'latin1');
  }

  /** `s` and a newline. */
  line(s: string): void {
    this.text(s);
    this.buf[this.at++] = 10;
  }

  /** Whether anything was written since the last take. */
  get pending(): boolean {
    return this.at > this.start;
  }

  /** What was written since the last take. */
  take(): Buffer {
    const view = this.buf.subarray(this.start, this.at);
    this.start = this.at;
    return view;
  }
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
