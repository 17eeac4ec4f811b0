// `bulletin verify` on the archival and exchange editions: a PDF's PDF/A markers
// and structure tree (the PDF/A preflight), and an OFD's package structure
// (src/ofd-check/) with the same proof-reading of its text as a PDF's. Through
// the built CLI, as a user runs it; the OFD damaged by re-zipping it with fflate.
import fs from 'node:fs';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { beforeAll, describe, expect, it } from 'vitest';
import { bulletin, example, root, tmpDir } from '../helpers/cli.js';
import { editPart, rezip } from '../helpers/ofd.js';

const EXPECT = path.join(root, 'test/fixtures/issue-07-expect.txt');
const TEXT_CHECKS = ['text', 'line-start', 'line-end', 'split-mark', 'attribution', 'number-unit'];

interface JsonReport {
  format: string;
  ok: boolean;
  figures: Record<string, unknown>;
  checks: Array<{ id: string; ok: boolean; findings: Array<{ rule: string; severity?: string; where?: string; message: string }> }>;
}

const json = (args: string[]): { code: number; report: JsonReport } => {
  const r = bulletin(['verify', ...args, '--json', '--lang', 'en']);
  return { code: r.code, report: JSON.parse(r.stdout) as JsonReport };
};
const rules = (report: JsonReport, id: string) => report.checks.find((c) => c.id === id)!.findings.map((f) => f.rule);

let dir: string;
let archival: string;
let ofd: string;
let plain: string;

beforeAll(() => {
  dir = tmpDir();
  archival = path.join(dir, 'issue-07.pdf');
  ofd = path.join(dir, 'issue-07.ofd');
  plain = path.join(dir, 'plain.pdf');
  expect(bulletin(['build', example, '--format', 'pdf,ofd', '--pdfa', '-o', archival]).code).toBe(0);
  expect(bulletin(['build', example, '-o', plain]).code).toBe(0);
});

/** A file beside the example's editions. */
function write(name: string, bytes: Uint8Array): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return file;
}

describe('bulletin verify on the editions of `build --format pdf,ofd --pdfa`', () => {
  it('passes the PDF/A edition, and prints its PDF/A level and structure tree and the checks it ran', () => {
    const r = bulletin(['verify', archival, '--pdfa', '--breaks', '--footer-bottom', '--expect', EXPECT, '--in-order', '--lang', 'en']);
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout).toMatch(/note: PDF\/A-2A: the preflight's 16 checks hold; structure tree: Document 1, [^;]*H1 1[^;]*; first heading: 中心路街道探索人大代表“十联”机制办好民生实事 \[verify\/pdfa\]\n/);
    expect(r.stdout).toContain('PDF/A 2A\n');
    expect(r.stdout).toContain('checked: page-size, fonts, text, line-start, line-end, split-mark, attribution, number-unit, ragged, overhang, page-number, footer-bottom, pdfa\n');
    expect(r.stdout).toMatch(/issue-07\.pdf: all 13 checks hold\n$/);
  });

  it('passes the OFD: its structure and its text, read from the OFD alone (--expect in order, --breaks)', () => {
    const r = bulletin(['verify', ofd, '--breaks', '--expect', EXPECT, '--in-order', '--lang', 'en']);
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout).toMatch(/^pages 4, text lines \d+\nchecked: ofd, text, line-start, line-end, split-mark, attribution, number-unit\n.*issue-07\.ofd: all 7 checks hold\n$/);
  });

  it('JSON: the PDF has the pdfa check with its note and figures, the OFD its checks and figures', () => {
    const pdf = json([archival]);
    expect(pdf.code).toBe(0);
    expect(pdf.report.figures).toMatchObject({ pages: 4, pdfa: '2A' });
    expect(pdf.report.figures.structureElements).toBeGreaterThan(10);
    expect(pdf.report.checks.find((c) => c.id === 'pdfa')).toMatchObject({ ok: true, findings: [{ rule: 'verify/pdfa-claimed', severity: 'note' }] });
    const o = json([ofd]);
    expect(o.code).toBe(0);
    expect(o.report).toMatchObject({ format: 'ofd', ok: true, figures: { pages: 4 } });
    expect(o.report.checks.map((c) => c.id)).toEqual(['ofd', ...TEXT_CHECKS]);
  });

  it('the same text checks hold on both editions, and --expect finds what is in one in the other', () => {
    const p = json([archival, '--breaks', '--expect', EXPECT, '--in-order']);
    const o = json([ofd, '--breaks', '--expect', EXPECT, '--in-order']);
    for (const id of TEXT_CHECKS) {
      expect(rules(p.report, id), id).toEqual([]);
      expect(rules(o.report, id), id).toEqual([]);
    }
  });
});

describe('bulletin verify --pdfa on PDFs that are not PDF/A', () => {
  it('the ordinary PDF passes with a note, and fails with --pdfa, naming the preflight rules', () => {
    const r = bulletin(['verify', plain, '--lang', 'en']);
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout).toContain('note: not PDF/A (the file does not claim it); --pdfa requires it [verify/pdfa]\n');
    const strict = bulletin(['verify', plain, '--pdfa', '--lang', 'en']);
    expect(strict.code).toBe(1);
    expect(strict.stdout).toMatch(/no XMP metadata stream.* \[verify\/pdfa pdfa\/no-metadata\]\n/);
    expect(strict.stdout).toMatch(/plain\.pdf: 2 problem\(s\) in 1 of 13 checks\n$/);
    expect(rules(json([plain, '--pdfa']).report, 'pdfa')).toEqual(['pdfa/no-metadata', 'pdfa/no-output-intent']);
  });

  it('a pdfkit PDF in standard Helvetica (not embedded) fails --pdfa on its font too', async () => {
    const doc = new PDFDocument({ size: 'A4', margin: 0 });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    const ended = new Promise((resolve) => doc.on('end', resolve));
    doc.font('Helvetica').fontSize(16).text('Hello, world', 80, 300, { lineBreak: false });
    doc.end();
    await ended;
    const file = write('helvetica.pdf', Buffer.concat(chunks));
    const r = bulletin(['verify', file, '--pdfa', '--page-numbers', 'none', '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/font Helvetica is not embedded \(PDF\/A-2 6\.2\.11\.4\) \[verify\/pdfa pdfa\/font-not-embedded\]/);
    expect(r.stdout).toMatch(/font `Helvetica` is not embedded.*\[verify\/fonts\]/);
  });
});

describe('bulletin verify on a damaged OFD', () => {
  const original = () => new Uint8Array(fs.readFileSync(ofd));

  it('a page part removed: exit 1, ofd/missing-part named with the part that refers to it', () => {
    const file = write('no-page.ofd', rezip(original(), (files) => delete files['Doc_0/Pages/Page_1/Content.xml']));
    const r = bulletin(['verify', file, '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('no-page.ofd: Doc_0/Document.xml: the part `Doc_0/Pages/Page_1/Content.xml` named here is not in the package [verify/ofd ofd/missing-part]\n');
    expect(r.stdout).toMatch(/no-page\.ofd: 1 problem\(s\) in 1 of 7 checks\n$/);
  });

  it('a font not embedded: exit 1, as a PDF without embedded fonts fails', () => {
    const file = write('no-font.ofd', editPart(original(), 'Doc_0/PublicRes.xml', '<ofd:FontFile>font_1.otf</ofd:FontFile>', ''));
    const r = bulletin(['verify', file, '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/Doc_0\/PublicRes\.xml: font FandolSong-Bold is not embedded.*\[verify\/ofd ofd\/font-not-embedded\]\n/);
  });

  it('an ID used twice: exit 1, ofd/duplicate-id in the text and in the JSON', () => {
    // page 2's first object takes the ID of page 1's masthead text
    const file = write('dup-id.ofd', editPart(original(), 'Doc_0/Pages/Page_1/Content.xml', /ID="\d+"/, 'ID="7"'));
    const r = bulletin(['verify', file, '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/Doc_0\/Pages\/Page_1\/Content\.xml: ID 7 is used twice \(also in Doc_0\/Pages\/Page_0\/Content\.xml\).* \[verify\/ofd ofd\/duplicate-id\]\n/);
    const { code, report } = json([file]);
    expect(code).toBe(1);
    expect(report.checks.find((c) => c.id === 'ofd')).toMatchObject({ ok: false, findings: [{ rule: 'ofd/duplicate-id', where: 'Doc_0/Pages/Page_1/Content.xml' }] });
  });

  it('a line of the OFD that starts with `，` and a forbidden phrase: the text checks fail on the OFD', () => {
    const file = write('comma.ofd', editPart(original(), 'Doc_0/Pages/Page_0/Content.xml', '>一是在部分镇', '>，一是在部分镇'));
    const forbid = write('forbid.txt', new TextEncoder().encode('民生实事办好办细\n'));
    const { code, report } = json([file, '--forbid', forbid]);
    expect(code).toBe(1);
    expect(rules(report, 'line-start')).toEqual(['verify/line-start']);
    expect(rules(report, 'text')).toEqual(['verify/text-forbidden']);
    expect(rules(report, 'ofd')).toEqual([]);
  });

  it('a zip without OFD.xml and a cut-off package cannot be read: exit 2 and one line on stderr', () => {
    const notOfd = write('word.ofd', rezip(original(), (files) => delete files['OFD.xml']));
    const cut = write('cut.ofd', original().subarray(0, 2000));
    for (const file of [notOfd, cut]) {
      const r = bulletin(['verify', file, '--lang', 'en']);
      expect(r.code, file).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(new RegExp(`^cannot read \`[^\`]*${path.basename(file)}\` as a PDF or an OFD \\([^\\n]+\\)\\n$`));
    }
  });
});
