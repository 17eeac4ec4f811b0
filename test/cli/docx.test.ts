import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { bulletin, firstMissingInOrder, copyExample, example, flatText, pdfFonts, pdfInfo, pdfText, root, tmpDir } from '../helpers/cli.js';
import { docxParts } from '../helpers/docx.js';
import { libreOfficePdf, pdfLines } from '../helpers/office.js';
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
// footers of the .docx and lays the pages out itself. One conversion serves
// all the checks below (it takes seconds).
describe.skipIf(!!missing('libreoffice-writer-nogui', 'poppler-utils'))('the .docx converted to PDF by LibreOffice', () => {
  let pdf: string;
  let pages: string[];
  beforeAll(() => {
    const dir = tmpDir();
    const out = path.join(dir, 'issue-07.pdf');
    const r = bulletin(['build', example, '--docx', '-o', out], { env: epoch });
    if (r.code !== 0) throw new Error(r.stderr);
    pdf = libreOfficePdf(path.join(dir, 'issue-07.docx'));
    pages = pdfText(pdf).split('\f').slice(0, -1);
  }, 240_000);

  it('gives back every title, paragraph, attribution, brief and footer line of the sample, in order', () => {
    const flat = flatText(pdfText(pdf));
    expect(firstMissingInOrder(flat, expectLines)).toBeUndefined();
    expect(flat.startsWith('政务信息第7期（总第312期）中共上街区委办公室2025年1月20日')).toBe(true);
  });

  it('has a page count within one of the PDF (4 pages)', () => {
    expect(Math.abs(pages.length - 4)).toBeLessThanOrEqual(1);
    expect(pdfInfo(pdf)['Page size']).toContain('(A4)');
  });

  it('sets full body lines of 28 characters and full pages of 22 lines, from the document grid', () => {
    const lines = pdfLines(pdf).filter((l) => !/^[—–-]\d+[—–-]$/.test(l.text));
    // Lines of Chinese text only: Latin digits take part cells of the grid.
    const han = lines.filter((l) => /^[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef“”‘’—]+$/.test(l.text)).map((l) => [...l.text].length);
    // 28 cells a line; a closing mark may hang past the last one.
    expect(Math.max(...han)).toBe(29);
    expect(han.filter((n) => n === 28).length).toBeGreaterThan(han.length / 2);
    const hanging = lines.filter((l) => [...l.text].length === 29 && !/[\d\w%]/.test(l.text));
    for (const l of hanging) expect(l.text).toMatch(/[，。、；：）”]$/);
    const perPage = pages.map((_, i) => lines.filter((l) => l.page === i + 1).length);
    expect(Math.max(...perPage.slice(1))).toBe(22);
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
