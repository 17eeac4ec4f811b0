import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bulletin, verifyPdf, firstMissingInOrder, copyExample, example, flatText, pdfFonts, pdfInfo, pdfText, root, tmpDir } from '../helpers/cli.js';
import { docxParts } from '../helpers/docx.js';
import { identicalLineShare, isPageNumber, libreOfficePdf, pdfLines, type PdfLine } from '../helpers/office.js';
import { missing } from '../helpers/system.js';

const expectLines = fs.readFileSync(path.join(root, 'test/fixtures/issue-07-expect.txt'), 'utf8').split('\n').filter((l) => l.trim());
const epoch = { SOURCE_DATE_EPOCH: '1737331200' }; // 2025-01-20

describe('bulletin build --docx', () => {
  it('writes DIR.docx beside DIR.pdf, and says so', () => {
    const { dir } = copyExample();
    const r = bulletin(['build', 'issue-07', '--docx'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('issue-07.docx');
    expect(fs.readdirSync(dir).sort()).toEqual(['issue-07', 'issue-07.docx', 'issue-07.pdf']);
    expect(fs.readFileSync(path.join(dir, 'issue-07.docx')).subarray(0, 2).toString()).toBe('PK');
  });

  it('--format docx writes only the Word file, beside -o with .docx', () => {
    const dir = tmpDir();
    const r = bulletin(['build', example, '--format', 'docx', '-o', path.join(dir, 'out.pdf')]);
    expect(r.code, r.stderr).toBe(0);
    expect(fs.readdirSync(dir)).toEqual(['out.docx']);
  });

  it('--format pdf,docx writes both; an unknown format is wrong usage', () => {
    const dir = tmpDir();
    expect(bulletin(['build', example, '--format', 'pdf,docx', '-o', path.join(dir, 'a.pdf')]).code).toBe(0);
    expect(fs.readdirSync(dir).sort()).toEqual(['a.docx', 'a.pdf']);
    const bad = bulletin(['build', example, '--format', 'pdf,odt', '-o', path.join(dir, 'b.pdf')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('pdf,docx');
    expect(fs.existsSync(path.join(dir, 'b.pdf'))).toBe(false);
  });

  it('gives byte-identical .docx files for the same input under SOURCE_DATE_EPOCH', () => {
    const dir = tmpDir();
    for (const name of ['a', 'b']) expect(bulletin(['build', example, '--format', 'docx', '-o', path.join(dir, `${name}.docx`)], { env: epoch }).code).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'a.docx')).equals(fs.readFileSync(path.join(dir, 'b.docx')))).toBe(true);
    expect(docxParts(path.join(dir, 'a.docx'))['docProps/core.xml']).toContain('2025-01-20T00:00:00Z');
  });

  it('a failing build leaves the old .docx alone and writes no temporary file', () => {
    const { dir, folder } = copyExample();
    expect(bulletin(['build', folder, '--docx'], { env: epoch }).code).toBe(0);
    const before = fs.readFileSync(path.join(dir, 'issue-07.docx'));
    const item = path.join(folder, '03-kejiju.md');
    fs.writeFileSync(item, fs.readFileSync(item, 'utf8').replace(/^title:.*$/m, ''));
    expect(bulletin(['build', folder, '--docx']).code).toBe(1);
    expect(fs.readFileSync(path.join(dir, 'issue-07.docx')).equals(before)).toBe(true);
    expect(fs.readdirSync(dir).sort()).toEqual(['issue-07', 'issue-07.docx', 'issue-07.pdf']);
  });
});

// LibreOffice stands in for Word: it reads the grid, the styles and the
// footers of the .docx and lays the pages out itself. Its PDF is proof-read
// like the bulletin's own. One conversion serves all the checks below (it
// takes seconds).
describe.skipIf(!!missing('libreoffice-writer-nogui', 'poppler-utils'))('the .docx converted to PDF by LibreOffice, proof-read like the PDF', () => {
  // The default template's text block on A4, in points: margins 37/35/28/26 mm.
  const mm = 72 / 25.4;
  const block = { left: 28 * mm, right: (210 - 26) * mm, top: 37 * mm, bottom: (297 - 35) * mm };
  const pitch = (225 * mm) / 22;
  let dir: string;
  let pdf: string;
  let pages: string[];
  let lines: PdfLine[];
  let ownLines: PdfLine[];
  let ownPages: number;
  beforeAll(() => {
    dir = tmpDir();
    const out = path.join(dir, 'issue-07.pdf');
    const r = bulletin(['build', example, '--format', 'pdf,docx', '-o', out], { env: epoch });
    if (r.code !== 0) throw new Error(r.stderr);
    ownLines = pdfLines(out);
    ownPages = Number(pdfInfo(out)['Pages']);
    pdf = libreOfficePdf(path.join(dir, 'issue-07.docx'));
    pages = pdfText(pdf).split('\f').slice(0, -1);
    lines = pdfLines(pdf);
  }, 240_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('gives back every title, paragraph, attribution, brief and footer line of the sample, in order', () => {
    const flat = flatText(pdfText(pdf));
    expect(firstMissingInOrder(flat, expectLines)).toBeUndefined();
    expect(flat.startsWith('政务信息第7期（总第312期）中共上街区委办公室2025年1月20日')).toBe(true);
  });

  it('has no closing mark at a line start, no opening mark at a line end, and nothing past the text block', () => {
    // The proof-reader the PDF gets (bulletin verify), on LibreOffice's PDF; its other checks (ragged lines,
    // attributions, page numbers) are where the word processor differs, and are measured below instead.
    const audit = verifyPdf(pdf, ['--breaks']);
    expect(audit.violations['line-start']).toEqual([]);
    expect(audit.violations['line-end']).toEqual([]);
    expect(audit.violations['overhang']).toEqual([]);
  });

  it('sets the 报尾 whole at the foot of the last page, its last line on the text block\'s bottom edge', () => {
    const last = lines.filter((l) => l.page === pages.length && !isPageNumber(l));
    const footer = last.slice(-3).map((l) => l.text);
    expect(footer).toEqual(['本期送：区县处级领导', '发：峡窝镇、各街道办事处、区直各单位负责同志', '责任编辑：柴亚文（共印60份）']);
    const bottom = last[last.length - 1]!.y;
    expect(bottom).toBeLessThanOrEqual(block.bottom + 1);
    expect(bottom).toBeGreaterThan(block.bottom - pitch / 2);
    // Not split: no footer line on an earlier page.
    expect(lines.filter((l) => l.page < pages.length && /本期送|责任编辑/.test(l.text))).toEqual([]);
  });

  it('keeps the grid: 28 characters a full line and 22 lines a full page', () => {
    const text = lines.filter((l) => !isPageNumber(l));
    // Lines of Chinese text only: Latin digits take part cells of the grid.
    const han = text.filter((l) => /^[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef“”‘’—]+$/.test(l.text)).map((l) => [...l.text].length);
    expect(Math.max(...han)).toBe(28);
    expect(han.filter((n) => n === 28).length).toBeGreaterThan(han.length / 2);
    const perPage = pages.map((_, i) => text.filter((l) => l.page === i + 1).length);
    expect(Math.max(...perPage.slice(1))).toBe(22);
    // Grid lines: body lines one pitch apart.
    const steps = text.filter((l) => l.page === 2).map((l, i, a) => (i ? l.y - a[i - 1]!.y : pitch)).map((d) => Math.round(d / pitch));
    expect(steps.every((n) => n === 1)).toBe(true);
  });

  it('has the PDF\'s page count, or one page more, and most of its lines', () => {
    // One more where LibreOffice cannot compress punctuation on the character grid (see README).
    expect(pages.length - ownPages).toBeGreaterThanOrEqual(0);
    expect(pages.length - ownPages).toBeLessThanOrEqual(1);
    expect(pdfInfo(pdf)['Page size']).toContain('(A4)');
    expect(identicalLineShare(ownLines, lines)).toBeGreaterThan(0.65);
    // The lead title in the PDF's lines.
    const title = ownLines.filter((l) => l.page === 1 && l.y > block.top + 7 * pitch - 1).slice(0, 2).map((l) => l.text);
    expect(lines.map((l) => l.text)).toEqual(expect.arrayContaining(title));
  });

  it('numbers the pages — N —, odd on the right and even on the left', () => {
    const numbers = pages.map((p, i) => p.includes(`— ${i + 1} —`) || p.includes(`—${i + 1}—`));
    expect(numbers.every(Boolean)).toBe(true);
    const bbox = execFileSync('pdftotext', ['-bbox', '-f', '1', '-l', '2', pdf, '-'], { encoding: 'utf8' });
    const xs = [...bbox.matchAll(/<word xMin="([\d.]+)"[^>]*>([12])<\/word>/g)].map((m) => [m[2], Number(m[1])] as const);
    const x1 = xs.find(([n]) => n === '1')![1];
    const x2 = xs.find(([n]) => n === '2')![1];
    expect(x1).toBeGreaterThan(595 / 2);
    expect(x2).toBeLessThan(595 / 2);
  });

  it('draws the text in the faces the roles name', () => {
    const names = pdfFonts(pdf).map((r) => r[0]!.replace(/^[A-Z]{6}\+/, ''));
    expect(names).toEqual(expect.arrayContaining(['FandolFang-Regular', 'FandolHei-Regular', 'FandolSong-Regular']));
  });
});

describe('--docx-embed-fonts', () => {
  it('puts the bundled faces in the file, and LibreOffice uses them when they are not installed', () => {
    const dir = tmpDir();
    const r = bulletin(['build', example, '--format', 'docx', '--docx-embed-fonts', '-o', path.join(dir, 'embedded.docx')], { env: epoch });
    expect(r.code, r.stderr).toBe(0);
    const docx = path.join(dir, 'embedded.docx');
    expect(fs.statSync(docx).size).toBeGreaterThan(10_000_000);
    const pdf = libreOfficePdf(docx, { bundledFonts: false });
    const names = pdfFonts(pdf).map((row) => row[0]!.replace(/^[A-Z]{6}\+/, ''));
    expect(names).toContain('FandolFang-Regular');
  }, 240_000);
});
