// `bulletin verify` reads PDFs it did not write: pages drawn directly with
// pdfkit, each with one fault a proof-reader would mark (every check is shown
// to fail on its fault and to hold without it), a PDF with a font that is not
// embedded, LibreOffice's PDF of our Word edition, and files that are no PDF.
import fs from 'node:fs';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { Diagnostics } from '../../src/diagnostics/diagnostic.js';
import { templatesDir } from '../../src/paths.js';
import { loadTemplate } from '../../src/template/load.js';
import type { VerifyOptions } from '../../src/verify/checks.js';
import { geometryOf } from '../../src/verify/geometry.js';
import { holds, verifyFile } from '../../src/verify/registry.js';
import { bulletin, example, root, tmpDir } from '../helpers/cli.js';
import { libreOfficePdf } from '../helpers/office.js';
import { missing } from '../helpers/system.js';

const MM = 72 / 25.4;
// The default template's text block and body size, as the PDFs below are drawn on it.
const LEFT = 28 * MM;
const RIGHT = (210 - 26) * MM;
const BOTTOM = (297 - 35) * MM;
const BODY = 16;
const FANG = path.join(root, 'fonts/FandolFang-Regular.otf');

interface Text {
  text: string;
  x?: number;
  /** Baseline, from the top of the page. */
  y: number;
  size?: number;
  /** Letter-spaced to end at the text block's right edge. */
  justify?: boolean;
  /** Set so that the text ends here (x is then ignored). */
  endAt?: number;
}

/** A PDF drawn with pdfkit, one list of texts a page. */
function drawPdf(pages: Text[][], opts: { size?: [number, number]; font?: 'Helvetica' } = {}): Promise<string> {
  const file = path.join(tmpDir(), 'drawn.pdf');
  const doc = new PDFDocument({ autoFirstPage: false, margin: 0 });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<string>((resolve) => doc.on('end', () => {
    fs.writeFileSync(file, Buffer.concat(chunks));
    resolve(file);
  }));
  for (const texts of pages) {
    doc.addPage({ size: opts.size ?? 'A4', margin: 0 });
    doc.font(opts.font ?? FANG);
    for (const t of texts) {
      doc.fontSize(t.size ?? BODY);
      const x = t.endAt === undefined ? t.x ?? LEFT : t.endAt - doc.widthOfString(t.text);
      const tracking = t.justify ? (RIGHT - x - doc.widthOfString(t.text)) / ([...t.text].length - 1) : 0;
      doc.text(t.text, x, t.y, { lineBreak: false, baseline: 'alphabetic', characterSpacing: tracking });
    }
  }
  doc.end();
  return done;
}

/** A line of body characters that fills the text block from x to the right edge (justified). */
function full(text: string, y: number, x = LEFT): Text {
  return { text, x, y, justify: true };
}

/** Page numbers where the default template puts them: odd pages right, even pages left, one character in. */
function pageNumber(n: number): Text {
  const text = `— ${n} —`;
  return n % 2 ? { text, size: 14, y: BOTTOM + 7 * MM + 14, endAt: RIGHT - 14 } : { text, size: 14, y: BOTTOM + 7 * MM + 14, x: LEFT + 14 };
}

const template = loadTemplate(path.join(templatesDir, 'default.yaml'), new Diagnostics())!;

async function findings(file: string, options: VerifyOptions = {}): Promise<Record<string, number>> {
  const report = await verifyFile(file, geometryOf(template), options);
  // notes (a PDF that is not PDF/A) and warnings do not fail a check
  return Object.fromEntries(report.checks.filter((c) => !holds(c)).map((c) => [c.id, c.findings.filter((f) => !f.severity).length]));
}

/** A clean page 1 and 2: justified body lines, a short last line, the page numbers, the 报尾's line; each test adds one fault. */
function clean(extra: Text[] = [], page2: Text[] = [{ text: '本期送：区县处级领导', y: BOTTOM - 2 }]): Text[][] {
  const y = 300;
  return [
    [full('一是在部分镇街道试点将人大代表联系群众制度', y, LEFT + 2 * BODY), full('制度具体化为十项机制推动代表履职常态化长效化', y + 28), { text: '取得实效。', y: y + 56 }, ...extra, pageNumber(1)],
    [...page2, pageNumber(2)],
  ];
}

describe('bulletin verify on PDFs drawn by pdfkit', () => {
  it('a clean page passes every check, the 报尾 on the bottom edge included', async () => {
    expect(await findings(await drawPdf(clean()), { breaks: true, footerBottom: true })).toEqual({});
  });

  it.each<[string, Text[], Text[], VerifyOptions]>([
    ['line-start', [{ text: '。后面的文字', y: 400 }], [], {}],
    ['line-start', [{ text: '——后面的文字', y: 400 }], [], { breaks: true }],
    ['line-end', [{ text: '前面的文字“', y: 400 }], [], {}],
    ['split-mark', [full('这是一段较长的文字他接着说—', 400), { text: '—这样', y: 428 }], [], {}],
    ['attribution', [full('这项工作的成效十分显著（区', 400), { text: '卫健委）', y: 428 }], [], { breaks: true }],
    ['number-unit', [full('排查出各类风险隐患和危险因素91', 400), { text: '个，制定', y: 428 }], [], { breaks: true }],
    ['ragged', [{ text: '短的一行', x: LEFT + 2 * BODY, y: 400 }, { text: '下一行接着写', y: 428 }], [], {}],
    ['overhang', [{ text: '超出版心的一行', x: RIGHT - 60, y: 400 }], [], {}],
    ['page-number', [pageNumber(2)], [], {}],
    ['footer-bottom', [], [{ text: '本期送：区县处级领导', y: 500 }], { footerBottom: true }],
  ])('%s: a page with the fault fails it, and only it', async (check, extra, page2, options) => {
    const got = await findings(await drawPdf(clean(extra, page2)), options);
    expect(Object.keys(got)).toEqual([check]);
  });

  it('the stricter breaks are checked only with --breaks', async () => {
    const file = await drawPdf(clean([full('这项工作的成效十分显著（区', 400), { text: '卫健委）', y: 428 }]));
    expect(await findings(file)).toEqual({});
  });

  it('a page number in the wrong place, or missing, or centred where it should be outside', async () => {
    const wrongSide = await drawPdf([[{ ...pageNumber(2), text: '— 1 —' }], [{ text: '正文', y: 300 }, pageNumber(2)], [{ text: '报尾', y: BOTTOM }]]);
    const report = await verifyFile(wrongSide, geometryOf(template), {});
    const pageNo = report.checks.find((c) => c.id === 'page-number')!.findings;
    expect(pageNo).toEqual([{ check: 'page-number', message: 'verify/page-number-not-right', page: 1, args: expect.any(Object) }]);
    // the same PDF checked for centred numbers: both numbers are off centre; with `any`, their place is not checked
    expect((await verifyFile(wrongSide, geometryOf(template), { pageNumbers: 'center' })).checks.find((c) => c.id === 'page-number')!.findings).toHaveLength(2);
    expect(await findings(wrongSide, { pageNumbers: 'any' })).toEqual({});
    const none = await drawPdf([[{ text: '正文', y: 300 }], [{ text: '报尾', y: BOTTOM }]]);
    expect((await verifyFile(none, geometryOf(template), {})).checks.find((c) => c.id === 'page-number')!.findings).toEqual([
      { check: 'page-number', message: 'verify/page-number-missing', page: 1, args: {} },
    ]);
  });

  it('a Letter page and a font that is not embedded fail page-size and fonts (CLI: exit 1, both named)', async () => {
    const file = await drawPdf([[{ text: 'Hello, world', y: 300 }]], { size: [612, 792], font: 'Helvetica' });
    const r = bulletin(['verify', file, '--page-numbers', 'none', '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('page 1: the page is 612.0 × 792.0 pt, not 595.3 × 841.9 pt [verify/page-size]');
    expect(r.stdout).toMatch(/font `Helvetica` is not embedded.*\[verify\/fonts\]/);
    expect(r.stdout).toMatch(/: 2 problem\(s\) in 2 of 13 checks\n$/);
    expect(r.stderr).toBe('');
  });

  it('--expect and --forbid compare the text, white space ignored; --in-order also the order', async () => {
    const file = await drawPdf(clean());
    const dir = tmpDir();
    const list = (name: string, lines: string[]) => {
      fs.writeFileSync(path.join(dir, name), lines.join('\n'));
      return path.join(dir, name);
    };
    const expectFile = list('expect.txt', ['取得实效。', '一是在部分镇 街道试点']);
    expect(bulletin(['verify', file, '--expect', expectFile]).code).toBe(0);
    const r = bulletin(['verify', file, '--expect', expectFile, '--in-order', '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('not after the line expected before it: 一是在部分镇 街道试点 [verify/text]');
    const forbid = bulletin(['verify', file, '--forbid', list('forbid.txt', ['长效化']), '--lang', 'zh']);
    expect(forbid.code).toBe(1);
    expect(forbid.stdout).toContain('文字中不应出现：长效化 [verify/text]');
  });
});

describe('bulletin verify on files it cannot read', () => {
  it('a file that is no PDF, a damaged PDF and a missing file: exit 2 and one line on stderr', () => {
    const dir = tmpDir();
    fs.writeFileSync(path.join(dir, 'notes.pdf'), '这不是 PDF\n');
    fs.writeFileSync(path.join(dir, 'cut.pdf'), '%PDF-1.7\n1 0 obj\n<< /Type /Catalog');
    for (const name of ['notes.pdf', 'cut.pdf', 'gone.pdf']) {
      const r = bulletin(['verify', path.join(dir, name), '--lang', 'en']);
      expect(r.code, name).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(new RegExp(`^cannot read \`[^\`]*${name}\` as a PDF or an OFD \\([^\\n]+\\)\\n$`));
    }
  });
});

describe('bulletin verify on our own PDF', () => {
  it('the example passes with the footer on the bottom edge; the JSON gives the grid it measured', () => {
    const out = path.join(tmpDir(), 'issue-07.pdf');
    expect(bulletin(['build', example, '-o', out]).code).toBe(0);
    const r = bulletin(['verify', out, '--footer-bottom', '--json', '--expect', path.join(root, 'test/fixtures/issue-07-expect.txt'), '--in-order']);
    expect(r.code, r.stdout).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report).toMatchObject({ format: 'pdf', ok: true, figures: { pages: 4, charsPerFullLine: 28, bodyLinesPerFullPage: 22 } });
    expect(report.checks.map((c: { id: string }) => c.id)).toEqual(['page-size', 'fonts', 'text', 'line-start', 'line-end', 'split-mark', 'attribution', 'number-unit', 'ragged', 'overhang', 'page-number', 'footer-bottom', 'pdfa']);
    // the same file under the template with centred page numbers fails on them
    expect(bulletin(['verify', out, '--template', 'gongzuo-jianbao']).code).toBe(1);
  });
});

describe.skipIf(!!missing('libreoffice-writer-nogui'))('bulletin verify on a PDF LibreOffice made', () => {
  it('our Word edition, converted by LibreOffice: A4, fonts embedded, the text in order, no mark at a line start or end', async () => {
    const dir = tmpDir();
    expect(bulletin(['build', example, '--format', 'docx', '-o', path.join(dir, 'issue-07.pdf')]).code).toBe(0);
    const pdf = libreOfficePdf(path.join(dir, 'issue-07.docx'));
    const expectLines = fs.readFileSync(path.join(root, 'test/fixtures/issue-07-expect.txt'), 'utf8').split('\n');
    const report = await verifyFile(pdf, geometryOf(template), { expect: expectLines, inOrder: true });
    const ok = (id: string) => report.checks.find((c) => c.id === id)!.findings;
    for (const id of ['page-size', 'fonts', 'text', 'line-start', 'line-end', 'page-number']) expect(ok(id), id).toEqual([]);
    expect(report.figures).toMatchObject({ bodyLinesPerFullPage: 22 });
  }, 240_000);
});
