// The PDF/A preflight on files it must fail: PDFs made by pdfkit directly (another
// writer than ours), the ordinary bulletin PDF, and things that are not PDFs at all.
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { build, compile, renderIssue } from '../../src/pipeline/build.js';
import { formatMessage } from '../../src/report/catalogue.js';
import { PDF_A_CHECKS, checkPdfA, readPdfA } from '../../src/pdfa-check/check.js';
import { example, tmpDir } from '../helpers/cli.js';
import { bundled } from '../helpers/fonts.js';
import { libreOfficePdf } from '../helpers/office.js';

/** A one-page PDF drawn by pdfkit's own API. */
function pdfkit(options: PDFKit.PDFDocumentOptions, draw: (doc: PDFKit.PDFDocument) => void): Promise<Buffer> {
  const doc = new PDFDocument({ info: { CreationDate: new Date(0) }, ...options });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
  });
  draw(doc);
  doc.end();
  return done;
}

const rules = (bytes: Uint8Array) => checkPdfA(bytes).map((f) => f.rule);

describe('checkPdfA', () => {
  it('fails a PDF/A-2b whose font is not embedded (pdfkit\'s built-in Helvetica), naming the font', async () => {
    const pdf = await pdfkit({ subset: 'PDF/A-2b', pdfVersion: '1.7' }, (doc) => doc.text('Hello'));
    const findings = checkPdfA(pdf);
    expect(findings).toContainEqual({ rule: 'pdfa/font-not-embedded', severity: 'error', args: { font: 'Helvetica' } });
    // Level B: a missing ToUnicode is only a warning.
    expect(findings.find((f) => f.rule === 'pdfa/no-to-unicode')?.severity).toBe('warning');
    expect(readPdfA(pdf).part).toBe(2);
  });

  it('passes the same PDF/A-2b with an embedded font, and fails it when the page paints in device CMYK', async () => {
    const ok = await pdfkit({ subset: 'PDF/A-2b', pdfVersion: '1.7' }, (doc) => doc.font(bundled('FandolFang-Regular.otf')).text('政务信息'));
    expect(checkPdfA(ok)).toEqual([]);
    const cmyk = await pdfkit({ subset: 'PDF/A-2b', pdfVersion: '1.7' }, (doc) => {
      doc.font(bundled('FandolFang-Regular.otf')).text('政务信息');
      doc.rect(10, 10, 100, 2).fill([0, 80, 80, 0]);
    });
    expect(checkPdfA(cmyk)).toContainEqual({ rule: 'pdfa/device-colour', severity: 'error', args: { space: 'DeviceCMYK', channels: '3' } });
  });

  it('fails a tagged PDF/A-2a whose content is not all marked, and one without a language', async () => {
    const pdf = await pdfkit({ subset: 'PDF/A-2a', pdfVersion: '1.7', tagged: true }, (doc) => {
      doc.font(bundled('FandolFang-Regular.otf'));
      doc.addStructure(doc.struct('P', () => doc.text('政务信息')));
      doc.rect(10, 10, 100, 2).fill('#ff0000'); // neither structure nor artifact
    });
    const r = rules(pdf);
    expect(r).toContain('pdfa/content-unmarked');
    expect(r).toContain('pdfa/no-language');
    expect(r).not.toContain('pdfa/no-structure');
  });

  it('fails a page whose marked-content sequences do not pair up', async () => {
    const pdf = await pdfkit({ subset: 'PDF/A-2b', pdfVersion: '1.7' }, (doc) => {
      doc.font(bundled('FandolFang-Regular.otf')).text('政务信息');
      doc.addContent('EMC'); // an end without a beginning
    });
    expect(checkPdfA(pdf)).toEqual([{ rule: 'pdfa/marks-unbalanced', severity: 'error', args: { page: 1 } }]);
  });

  it('passes LibreOffice\'s own PDF/A-2 export of the Word edition (a writer it shares nothing with), and reads its structure', async () => {
    const dir = tmpDir();
    try {
      const r = await build({ dir: example, formats: ['docx'], output: path.join(dir, 'w.pdf'), date: new Date(0) });
      const pdf = fs.readFileSync(libreOfficePdf(r.written![0]!, { pdfa: true }));
      expect(checkPdfA(pdf)).toEqual([]);
      const report = readPdfA(pdf);
      expect(report.part).toBe(2);
      expect(report.structure[0]!.text).toContain('中心路街道探索人大代表“十联”机制办好民生实事');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 200_000);

  it('fails the ordinary bulletin PDF: not PDF/A (no XMP identification, no output intent)', async () => {
    const { compiled } = await compile(example);
    const r = rules(await renderIssue(compiled!, new Date(0)));
    expect(r).toEqual(['pdfa/no-metadata', 'pdfa/no-output-intent']);
  });

  it('fails a PDF that claims another part, and a file that is not a PDF', async () => {
    const pdf = await pdfkit({ subset: 'PDF/A-1b', pdfVersion: '1.4', font: bundled('FandolFang-Regular.otf') }, (doc) => doc.text('政务信息'));
    expect(rules(pdf)).toContain('pdfa/not-part-2');
    expect(rules(Buffer.from('PK\x03\x04 not a pdf'))).toEqual(['pdfa/not-pdf']);
    expect(rules(Buffer.alloc(0))).toEqual(['pdfa/not-pdf']);
  });

  it('reads an incremental update: a later object replaces the earlier one', async () => {
    const pdf = await pdfkit({ subset: 'PDF/A-2b', pdfVersion: '1.7' }, (doc) => doc.font(bundled('FandolFang-Regular.otf')).text('政务信息'));
    const text = pdf.toString('latin1');
    const root = /\/Root (\d+) 0 R/.exec(text)![1];
    // The catalog again, without its output intent, appended as an update.
    const catalog = new RegExp(`\\n${root} 0 obj\\n(<<[\\s\\S]*?>>)\\nendobj`).exec(text)![1]!.replace(/\/OutputIntents \[[^\]]*\]/, '');
    const updated = Buffer.concat([pdf, Buffer.from(`\n${root} 0 obj\n${catalog}\nendobj\n`, 'latin1')]);
    expect(rules(updated)).toEqual(['pdfa/no-output-intent']);
  });

  it('has a message in both languages for every finding and every check', () => {
    const ids = ['not-pdf', 'no-catalog', 'header', 'no-id', 'encrypted', 'no-metadata', 'metadata-filtered', 'not-pdfa', 'not-part-2', 'conformance',
      'info-disagrees', 'no-output-intent', 'device-colour', 'font-not-embedded', 'cid-to-gid', 'no-to-unicode', 'forbidden', 'not-marked',
      'no-structure', 'no-language', 'content-unmarked', 'marks-unbalanced', 'cmyk-image', ...PDF_A_CHECKS.map((c) => `checked/${c}`)];
    for (const id of ids) {
      for (const lang of ['en', 'zh'] as const) expect(formatMessage(`pdfa/${id}`, {}, lang), `${id} ${lang}`).not.toBe(`pdfa/${id}`);
    }
  });
});
