import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bulletin, firstMissingInOrder, verifyPdf, copyExample, example, flatText, pdfFonts, pdfInfo, pdfText, root, tmpDir } from '../helpers/cli.js';

const expectLines = fs.readFileSync(path.join(root, 'test/fixtures/issue-07-expect.txt'), 'utf8').split('\n').filter((l) => l.trim());
const epoch = { SOURCE_DATE_EPOCH: '1737331200' }; // 2025-01-20

describe('bulletin build examples/issue-07', () => {
  let out: string;
  let run: ReturnType<typeof bulletin>;
  beforeAll(() => {
    out = path.join(tmpDir(), 'issue-07.pdf');
    run = bulletin(['build', 'examples/issue-07', '-o', out], { env: epoch });
  });

  it('exits 0 and says where the PDF went', () => {
    expect(run.stderr).toContain('issue-07.pdf');
    expect(run.code).toBe(0);
    expect(fs.readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('gives back every title, paragraph, attribution, brief and footer line of the sample, in order', () => {
    const flat = flatText(pdfText(out));
    expect(firstMissingInOrder(flat, expectLines)).toBeUndefined();
  });

  it('prints the masthead, the number and the footer as the template says', () => {
    const flat = flatText(pdfText(out));
    expect(flat.startsWith('政务信息第7期（总第312期）中共上街区委办公室2025年1月20日')).toBe(true);
    expect(flat).toContain('（中心路街道）');
    expect(flat).toContain('△近日，区退役军人事务局');
    expect(flat.endsWith('本期送：区县处级领导发：峡窝镇、各街道办事处、区直各单位负责同志责任编辑：柴亚文（共印60份）')).toBe(true);
  });

  it('embeds every font it uses', () => {
    const fonts = pdfFonts(out);
    expect(fonts.length).toBeGreaterThanOrEqual(4);
    for (const row of fonts) expect(row.at(-5), row.join(' ')).toBe('yes');
    expect(fonts.map((r) => r[0]!.replace(/^[A-Z]{6}\+/, ''))).toEqual(expect.arrayContaining(['FandolFang-Regular', 'FandolSong-Bold', 'FandolHei-Regular']));
  });

  it('has a title, an author and the Chinese language in its metadata', () => {
    const info = pdfInfo(out);
    expect(info.Title).toBe('政务信息 2025年第7期');
    expect(info.Author).toBe('中共上街区委办公室');
    expect(info['Page size']).toContain('(A4)');
    expect(fs.readFileSync(out).includes('/Lang (zh-CN)')).toBe(true);
  });

  it('passes `bulletin verify` with the 28 × 22 grid, outside page numbers and the footer on the bottom edge', () => {
    const report = verifyPdf(out);
    expect(Object.values(report.violations).flat()).toEqual([]);
    expect(report.figures.charsPerFullLine).toBe(28);
    expect(report.figures.bodyLinesPerFullPage).toBe(22);
  });
});

describe('a generated 60-item issue', () => {
  it('builds and passes `bulletin verify` with 0 violations on the 28 × 22 grid', async () => {
    const { generateIssue } = await import('../../bench/generate-issue.js');
    const dir = generateIssue(path.join(tmpDir(), 'issue-60'), 60, 1);
    const out = path.join(tmpDir(), 'issue-60.pdf');
    const r = bulletin(['build', dir, '-o', out]);
    expect(r.code, r.stderr).toBe(0);
    const report = verifyPdf(out);
    expect(Object.values(report.violations).flat()).toEqual([]);
    expect(report.figures.charsPerFullLine).toBe(28);
    expect(report.figures.bodyLinesPerFullPage).toBe(22);
    expect(report.figures.pages).toBeGreaterThan(30);
  });
});

describe('output', () => {
  it('writes DIR.pdf beside the folder when no -o is given', () => {
    const { dir } = copyExample();
    const r = bulletin(['build', 'issue-07'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(fs.existsSync(path.join(dir, 'issue-07.pdf'))).toBe(true);
    expect(fs.readdirSync(dir).sort()).toEqual(['issue-07', 'issue-07.pdf']);
  });

  it('gives byte-identical PDFs for the same input under SOURCE_DATE_EPOCH', () => {
    const dir = tmpDir();
    const a = path.join(dir, 'a.pdf');
    const b = path.join(dir, 'b.pdf');
    expect(bulletin(['build', example, '-o', a], { env: epoch }).code).toBe(0);
    expect(bulletin(['build', example, '-o', b], { env: epoch }).code).toBe(0);
    expect(fs.readFileSync(a).equals(fs.readFileSync(b))).toBe(true);
    expect(pdfInfo(a).CreationDate).toMatch(/2025/);
  });

  it('a failing build leaves the existing PDF byte-identical and no temporary file behind', () => {
    const { dir, folder } = copyExample();
    const out = path.join(dir, 'issue-07.pdf');
    expect(bulletin(['build', folder], { env: epoch }).code).toBe(0);
    const before = fs.readFileSync(out);
    const item = path.join(folder, '03-kejiju.md');
    fs.writeFileSync(item, fs.readFileSync(item, 'utf8').replace(/^title:.*$/m, ''));
    const r = bulletin(['build', folder], { env: { SOURCE_DATE_EPOCH: '1' } });
    expect(r.code).toBe(1);
    expect(fs.readFileSync(out).equals(before)).toBe(true);
    expect(fs.readdirSync(dir).sort()).toEqual(['issue-07', 'issue-07.pdf']);
  });
});

describe('characters', () => {
  it('rare name characters 刘䶮 and 李喆 are drawn from the fallback face and come back from the PDF', () => {
    const { dir, folder } = copyExample();
    const item = path.join(folder, '07-tuiyi-junren.md');
    fs.writeFileSync(item, fs.readFileSync(item, 'utf8').replace('段文超、张家润', '刘䶮、李喆'));
    const out = path.join(dir, 'names.pdf');
    const r = bulletin(['build', folder, '-o', out]);
    expect(r.code).toBe(0);
    const flat = flatText(pdfText(out));
    expect(flat).toContain('刘䶮、李喆两位');
    expect(pdfFonts(out).map((f) => f[0]!.replace(/^[A-Z]{6}\+/, ''))).toContain('NotoSerifCJKsc-Regular');
  });

  it('a Private Use Area character fails the build with its code point and file:line:column, and writes no PDF', () => {
    const { dir, folder } = copyExample();
    const item = path.join(folder, '02-fagaiwei.md');
    const text = fs.readFileSync(item, 'utf8');
    const lines = text.split('\n');
    const lineNo = lines.findIndex((l) => l.includes('二是优化审批方式'));
    lines[lineNo] = lines[lineNo]!.replace('审批', '审\uE5E5批');
    fs.writeFileSync(item, lines.join('\n'));
    const column = lines[lineNo]!.indexOf('\uE5E5') + 1;
    const r = bulletin(['build', folder]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('U+E5E5');
    expect(r.stderr).toContain(`${path.join(folder, '02-fagaiwei.md')}:${lineNo + 1}:${column}:`);
    expect(r.stderr).toContain('[font/missing-glyph]');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(fs.existsSync(path.join(dir, 'issue-07.pdf'))).toBe(false);
  });
});

describe('usage', () => {
  it('exits 2 for an unknown option or a folder that does not exist', () => {
    expect(bulletin(['build', example, '--no-such-option']).code).toBe(2);
    const r = bulletin(['build', 'no/such/folder']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no/such/folder');
    expect(bulletin([]).code).toBe(2);
  });

  it('speaks Chinese with --lang zh or a Chinese LANG', () => {
    expect(bulletin(['build', 'no/such/folder', '--lang', 'zh']).stderr).toContain('不是期刊文件夹');
    expect(bulletin(['build', 'no/such/folder'], { env: { LANG: 'zh_CN.UTF-8' } }).stderr).toContain('不是期刊文件夹');
  });
});

describe('several issues in one call', () => {
  function issues(): { dir: string; good: string[]; bad: string } {
    const dir = tmpDir();
    const good = ['issue-07', 'issue-08'].map((n) => path.join(dir, n));
    for (const g of good) fs.cpSync(example, g, { recursive: true });
    const bad = path.join(dir, 'issue-09');
    fs.cpSync(example, bad, { recursive: true });
    fs.writeFileSync(path.join(bad, '03-kejiju.md'), fs.readFileSync(path.join(bad, '03-kejiju.md'), 'utf8').replace(/^title:.*$/m, ''));
    return { dir, good, bad };
  }

  it('builds each folder, reports each result, and exits 1 when any failed', () => {
    const { dir, good, bad } = issues();
    const r = bulletin(['build', ...good, bad]);
    expect(r.code).toBe(1);
    for (const g of good) expect(fs.existsSync(`${g}.pdf`)).toBe(true);
    expect(fs.existsSync(`${bad}.pdf`)).toBe(false);
    expect(r.stderr).toContain(`wrote ${path.join(dir, 'issue-07.pdf')}`);
    expect(r.stderr).toContain(`failed ${bad}`);
    expect(r.stderr).toContain('[frontmatter/required]');
  });

  it('--json prints a summary per issue: output, pages, warnings and diagnostics', () => {
    const { good, bad } = issues();
    const r = bulletin(['build', good[0]!, bad, '--json']);
    expect(r.code).toBe(1);
    const summary = JSON.parse(r.stdout) as Array<Record<string, unknown>>;
    expect(summary.map((s) => [s.dir, s.ok, s.pages ?? null, s.errors])).toEqual([[good[0], true, 4, 0], [bad, false, null, 1]]);
    expect(summary[0]!.written).toEqual([`${good[0]}.pdf`]);
    expect((summary[1]!.diagnostics as Array<{ rule: string }>)[0]!.rule).toBe('frontmatter/required');
  });

  it('-o with more than one folder is wrong usage', () => {
    const { good } = issues();
    const r = bulletin(['build', ...good, '-o', 'x.pdf']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('-o');
  });
});

describe('--strict', () => {
  it('a warning fails the build and writes nothing', () => {
    const { dir, folder } = copyExample();
    const yaml = path.join(folder, 'issue.yaml');
    fs.writeFileSync(yaml, `${fs.readFileSync(yaml, 'utf8')}publsher: 拼错的键\n`);
    const loose = bulletin(['build', folder]);
    expect(loose.code).toBe(0);
    expect(loose.stderr).toContain('[issue/unknown-key]');
    fs.rmSync(path.join(dir, 'issue-07.pdf'));
    const strict = bulletin(['build', folder, '--strict']);
    expect(strict.code).toBe(1);
    expect(fs.existsSync(path.join(dir, 'issue-07.pdf'))).toBe(false);
  });
});
