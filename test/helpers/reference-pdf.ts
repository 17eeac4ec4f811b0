// The display list drawn the plain pdfkit way (fonts opened by pdfkit from their
// files, shaped and subset by fontkit, text through doc.text): what our own
// text and font writing must look the same as.
import PDFDocument from 'pdfkit';
import { compile, type Compiled } from '../../src/pipeline/build.js';
import { renderPdf } from '../../src/render/pdf/index.js';
import { example } from './cli.js';
import type { Page } from '../../src/layout/display-list.js';
import type { FaceFile } from '../../src/render/pdf/index.js';
import type { Color } from '../../src/template/model.js';

export function referencePdf(pages: Page[], faces: Map<string, FaceFile>, colors: Record<string, Color>): Promise<Buffer> {
  const doc = new PDFDocument({ autoFirstPage: false, margin: 0, font: null as unknown as string });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
  });
  const paint = (name: string) => {
    const c = colors[name];
    return (c && 'cmyk' in c ? c.cmyk : c?.rgb ?? 'black') as PDFKit.Mixins.ColorValue;
  };
  for (const page of pages) {
    doc.addPage({ size: [page.width, page.height], margin: 0 });
    for (const item of page.items) {
      if (item.kind === 'rule') doc.rect(item.x, item.y - item.thickness / 2, item.width, item.thickness).fill(paint(item.color));
      else if (item.kind === 'image') doc.image(Buffer.from(item.image.bytes), item.x, item.y, { width: item.width, height: item.height });
      else {
        const f = faces.get(item.face)!;
        if (f.collectionName) doc.font(f.path, f.collectionName);
        else doc.font(f.path);
        doc.fontSize(item.size).fillColor(paint(item.color));
        const options = { lineBreak: false, characterSpacing: item.tracking, baseline: 'alphabetic' as const };
        if (f.syntheticBold) {
          doc.save().lineWidth(item.size / 30).strokeColor(paint(item.color));
          doc.text(item.text, item.x, item.y, { ...options, fill: true, stroke: true });
          doc.restore();
        } else doc.text(item.text, item.x, item.y, options);
      }
    }
  }
  doc.end();
  return done;
}

/** The example compiled, rendered by renderPdf and by referencePdf: the two PDFs to compare. */
export async function exampleBothWays(): Promise<{ compiled: Compiled; ours: Buffer; theirs: Buffer }> {
  const { compiled } = await compile(example);
  if (!compiled) throw new Error('the example does not compile');
  const ours = await renderPdf(compiled.pages, compiled.fonts.faces, compiled.template.colors, { title: 't', author: 'a', creationDate: new Date(0) });
  const theirs = await referencePdf(compiled.pages, compiled.fonts.faces, compiled.template.colors);
  return { compiled, ours, theirs };
}
