// The archival edition (--pdfa): tagged PDF/A-2a in sRGB, read back with poppler
// (pdfinfo -meta, -struct-text, pdffonts, pdftotext) and with the project's own
// preflight (src/pdfa-check), which shares no code with the writer.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compile, renderIssue, type Compiled } from '../../src/pipeline/build.js';
import { readPdfA } from '../../src/pdfa-check/check.js';
import { renderPdf } from '../../src/render/pdf/index.js';
import { example, flatText, pdfFonts, pdfText, tmpDir } from '../helpers/cli.js';
import { landscapeJpeg, png, writeFiles } from '../helpers/images.js';
import { contents } from '../helpers/pdf-content.js';

const date = new Date(Date.UTC(2025, 0, 20, 8));
let compiled: Compiled;
let pdfa: Buffer;
let plain: Buffer;
let dir: string;
const file = (name: string, bytes: Buffer) => {
  const f = path.join(dir, name);
  fs.writeFileSync(f, bytes);
  return f;
};

beforeAll(async () => {
  const r = await compile(example);
  compiled = r.compiled!;
  pdfa = await renderIssue(compiled, date, { pdfa: true });
  plain = await renderIssue(compiled, date);
  dir = tmpDir();
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the PDF/A edition', () => {
  it('says PDF/A-2a in its XMP, and its Info agrees with the XMP (pdfinfo -meta, the preflight)', () => {
    const meta = execFileSync('pdfinfo', ['-meta', file('a.pdf', pdfa)], { encoding: 'utf8' });
    expect(meta).toMatch(/<pdfaid:part>2<\/pdfaid:part>/);
    expect(meta).toMatch(/<pdfaid:conformance>A<\/pdfaid:conformance>/);
    expect(meta).toContain('<xmp:CreateDate>2025-01-20T08:00:00Z</xmp:CreateDate>');
    expect(meta).toContain('政务信息 2025年第7期');
    const report = readPdfA(pdfa);
    expect(report.findings).toEqual([]);
    expect([report.part, report.conformance]).toEqual([2, 'A']);
  });

  it('embeds every font, each with a ToUnicode map (pdffonts)', () => {
    const fonts = pdfFonts(file('a.pdf', pdfa));
    expect(fonts.length).toBeGreaterThanOrEqual(4);
    // name type… emb sub uni: the last three columns before the object number.
    for (const f of fonts) expect(f.slice(-5, -2), f.join(' ')).toEqual(['yes', 'yes', 'yes']);
  });

  it('has the sRGB output intent and paints in RGB only: the template\'s CMYK red is converted', () => {
    const text = pdfa.toString('latin1');
    expect(text).toMatch(/\/OutputIntents \[\d+ 0 R\]/);
    expect(text).toMatch(/\/OutputConditionIdentifier \(sRGB IEC61966-2\.1\)/);
    // No device-CMYK operator in any content; the ordinary PDF has them.
    const report = readPdfA(pdfa);
    expect(report.findings.filter((f) => f.rule === 'pdfa/device-colour')).toEqual([]);
    expect(contents(pdfa)).not.toMatch(/ k\n/);
    expect(contents(pdfa)).toMatch(/^0\.9412 0\.2627 0\.2196 rg$/m); // 0/80/80/0 → #F04338, as viewers show the print red
    expect(contents(plain)).toMatch(/^0 0\.8 0\.8 0 k$/m);
  });

  it('has the same text as the ordinary PDF, and the same bytes again for the same date', async () => {
    expect(pdfText(file('a.pdf', pdfa))).toBe(pdfText(file('p.pdf', plain)));
    expect((await renderIssue(compiled, date, { pdfa: true })).equals(pdfa)).toBe(true);
    expect((await renderIssue(compiled, new Date(Date.UTC(2025, 0, 21)), { pdfa: true })).equals(pdfa)).toBe(false);
  });

  it('a title or publisher with & < > gives well-formed XMP that agrees with the Info (as full-width ＆ ＜ ＞)', async () => {
    const meta = { title: '政务信息 A&B <第7期>', author: '区委&区政府', creationDate: date };
    const pdf = await renderPdf(compiled.pages, compiled.fonts.faces, compiled.template.colors, meta, { pdfa: true });
    expect(readPdfA(pdf).findings).toEqual([]);
    const info = execFileSync('pdfinfo', ['-enc', 'UTF-8', file('amp.pdf', pdf)], { encoding: 'utf8' });
    expect(info).toMatch(/Title:\s+政务信息 A＆B ＜第7期＞/);
    expect(info).toMatch(/Author:\s+区委＆区政府/);
  });

  it('the ordinary PDF has no structure, no marked content and no XMP', () => {
    const text = plain.toString('latin1');
    expect(text).not.toMatch(/StructTreeRoot|\/MarkInfo|\/Metadata|OutputIntents/);
    expect(contents(plain)).not.toMatch(/BDC|EMC/);
  });
});

describe('the structure tree', () => {
  it('holds all the text in reading order: masthead, lead title, paragraphs, briefs, footer; page numbers are artifacts', () => {
    const doc = readPdfA(pdfa).structure[0]!;
    expect(doc.type).toBe('Document');
    // pdftotext reads the page as drawn; the structure gives the same characters in the same order, less the page numbers.
    expect(doc.text.replace(/\s+/g, '')).toBe(flatText(pdfText(file('a.pdf', pdfa))));
    expect(doc.text).not.toMatch(/— \d —/);
  });

  it('pdfinfo -struct-text: the lead title under H1 first in the body, then the paragraphs in order', () => {
    const out = execFileSync('pdfinfo', ['-struct-text', file('a.pdf', pdfa)], { encoding: 'utf8' });
    const lines = out.split('\n');
    const h1 = lines.findIndex((l) => l.trim() === 'H1 (block)');
    expect(lines[h1 + 1]!.trim()).toBe('"中心路街道探索人大代表“十联”机制办好民生实事"');
    // Before the H1 only the masthead's division; after it the lead's paragraph, then the next item's.
    expect(lines.slice(0, h1).filter((l) => /^\s*(Art|H\d|P)\b/.test(l)).map((l) => l.trim())).toEqual(['P (block)', 'P (block)', 'P (block)', 'P (block)', 'Art']);
    const body = lines.slice(h1).join('\n');
    const first = body.indexOf('一是在部分镇（街道）试点');
    const second = body.indexOf('我区加大攻坚力度扎实推动省市重点项目建设');
    const briefs = body.indexOf('△ 近日，区退役军人事务局');
    expect(first).toBeGreaterThan(0);
    expect(second).toBeGreaterThan(first);
    expect(briefs).toBeGreaterThan(second);
    // poppler and the preflight read the same text from the tree.
    const quoted = [...out.matchAll(/^\s*"(.*)"$/gm)].map((m) => m[1]).join('');
    expect(quoted).toBe(readPdfA(pdfa).structure[0]!.text);
  });

  it('a run-in title is a Span at the start of its paragraph, followed by the separator as real text', () => {
    const s = readPdfA(pdfa).structure;
    const span = s.findIndex((e) => e.type === 'Span');
    expect(s[span]!.text).toBe('我区加大攻坚力度扎实推动省市重点项目建设');
    expect(s[span - 1]!.type).toBe('P');
    expect(s[span - 1]!.text.startsWith('我区加大攻坚力度扎实推动省市重点项目建设　一是以全区')).toBe(true);
  });
});

describe('figures', () => {
  it('an image is a Figure whose alternative text is its caption (or, without one, its file name); the caption follows it', async () => {
    const folder = path.join(dir, 'figures');
    const item = (n: number, body: string) => `---\ntitle: 标题${n}\ndepartment: 区发改委\n---\n${body}\n`;
    writeFiles(folder, {
      'issue.yaml': 'masthead: 政务信息\nnumber: 7\ndate: 2025-01-20\npublisher: 中共上街区委办公室\n',
      '01.md': item(1, '正文一段。\n\n![重点项目建设现场](photos/a.jpg)'),
      '02.md': item(2, '正文二段。\n\n![](photos/b.png)'),
      'photos/a.jpg': landscapeJpeg(),
      'photos/b.png': png(60, 40, [40, 90, 160], true),
    });
    const c = (await compile(folder)).compiled!;
    const report = readPdfA(await renderIssue(c, date, { pdfa: true }));
    // The PNG's alpha is a soft mask, which PDF/A-2 allows; everything drawn is marked.
    expect(report.findings).toEqual([]);
    const figures = report.structure.filter((e) => e.type === 'Figure');
    expect(figures.map((f) => f.alt)).toEqual(['重点项目建设现场', 'b.png']);
    const i = report.structure.findIndex((e) => e.type === 'Figure');
    expect(report.structure[i + 1]).toMatchObject({ type: 'Caption', text: '重点项目建设现场' });
  });
});

describe('word spaces at line breaks', () => {
  it('a space a line break took away is text in the structure: English words do not run together', async () => {
    const folder = path.join(dir, 'latin');
    const sentence = 'The quick brown fox jumps over the lazy dog while the district office prepares the bulletin for the archive and the readers who listen to it, again and again until the line breaks between words somewhere.';
    writeFiles(folder, {
      'issue.yaml': 'masthead: 政务信息\nnumber: 7\ndate: 2025-01-20\npublisher: 中共上街区委办公室\n',
      '01.md': `---\ntitle: 英文测试\ndepartment: 区外事办\n---\n代表团成员说 ${sentence}\n`,
    });
    const c = (await compile(folder)).compiled!;
    // The paragraph is broken at spaces (else this test tests nothing).
    const lines = c.pages[0]!.items.filter((i) => i.kind === 'glyphs' && i.after !== undefined);
    expect(lines.length).toBeGreaterThanOrEqual(2);
    const report = readPdfA(await renderIssue(c, date, { pdfa: true }));
    expect(report.findings).toEqual([]);
    expect(report.structure.find((e) => e.type === 'P' && e.text.includes('The quick'))!.text).toBe(`代表团成员说 ${sentence}（区外事办）`);
    // The ordinary PDF draws no more than it did: pdftotext's words are the same.
    const words = (b: Buffer, name: string) => pdfText(file(name, b)).split(/\s+/).filter(Boolean);
    expect(words(await renderIssue(c, date, { pdfa: true }), 'la.pdf')).toEqual(words(await renderIssue(c, date), 'lp.pdf'));
  });
});
