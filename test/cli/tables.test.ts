// Tables through the command line: a table too wide is a located error that
// says by how much; a folder with a table that breaks across a page builds into
// a PDF that reads back row by row and passes `bulletin verify`, an OFD that
// draws its rules, and a Word file holding a real table (w:tbl, the header row
// repeated, outer borders thick and inner thin, figures flush right) that
// LibreOffice prints with every cell.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { bulletin, tmpDir, verifyPdf } from '../helpers/cli.js';
import { docxParts } from '../helpers/docx.js';
import { writeFiles } from '../helpers/images.js';
import { libreOfficePdf } from '../helpers/office.js';
import { missing } from '../helpers/system.js';

const YAML = 'masthead: 政务信息\nnumber: 7\ndate: 2025-01-20\npublisher: 中共上街区委办公室\ndistribution:\n  本期送: 区县处级领导\neditor: 柴亚文\n';
const item = (title: string, body: string) => `---\ntitle: ${title}\ndepartment: 区统计局\n---\n${body}\n`;
const TOWNS = ['城关镇', '峡窝镇', '中心路街道', '工业路街道', '济源路街道', '矿山路街道'];
const ROWS = 30;
const town = (i: number) => `${TOWNS[i % TOWNS.length]}${i + 1}`;
const figure = (i: number) => ((i + 1) ** 3 * 7).toLocaleString('en-US');
const growth = (i: number) => `${(i % 5) - 1}.${i % 10}%`;
const TABLE = [
  '| 镇（街道） | 规上工业产值（万元） | 同比增长 | 备注 |',
  '| --- | --- | --- | :-: |',
  ...Array.from({ length: ROWS }, (_, i) => `| ${town(i)} | ${figure(i)} | ${growth(i)} | ${i % 4 === 0 ? '**重点**' : '正常'} |`),
].join('\n');
const epoch = { SOURCE_DATE_EPOCH: '1737331200' };

describe('a table too wide for the text block', () => {
  it('is an error at the table\'s line that says by how many mm and characters, and what to do', () => {
    const dir = path.join(tmpDir(), 'issue');
    const wide = '| 编号 | 项目 |\n| --- | --- |\n| ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJKLMN | 1234567890123456789012345678901234 |';
    writeFiles(dir, { 'issue.yaml': YAML, '01-wide.md': item('过宽的表格', `下表排不下。\n\n${wide}`) });
    for (const command of ['check', 'build']) {
      const r = bulletin([command, dir, '--lang', 'en']);
      expect(r.code, r.stderr).toBe(1);
      const out = r.stdout + r.stderr;
      const m = /01-wide\.md:7:1: error: this table is ([\d.]+) mm \(about (\d+) characters\) wider than the text block/.exec(out);
      expect(m, out).not.toBeNull();
      // The two numbers say the same excess: characters of the table's 四号 (14 pt) type.
      const mm = Number(m![1]);
      expect(mm).toBeGreaterThan(0);
      expect(Number(m![2])).toBe(Math.ceil((mm / 25.4) * 72 / 14 - 1e-3));
      expect(out).toContain('`ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJKLMN` in column 1');
      expect(out).toContain('[layout/table-too-wide]');
    }
    expect(fs.existsSync(`${dir}.pdf`)).toBe(false);
    const zh = bulletin(['check', dir, '--lang', 'zh']);
    expect(zh.stdout + zh.stderr).toMatch(/仍比版心宽 [\d.]+ 毫米（约 \d+ 个字）/);
  });
});

describe('a folder with a table that runs onto a second page', () => {
  let dir: string;
  beforeAll(() => {
    const root = tmpDir();
    dir = path.join(root, 'issue');
    writeFiles(dir, {
      'issue.yaml': YAML,
      '01-lead.md': item('前三季度全区经济运行总体平稳', '前三季度，全区经济运行总体平稳，主要指标好于预期。'.repeat(8)),
      '02-tongji.md': item('前三季度各镇（街道）主要经济指标完成情况', `主要指标完成情况如下表。\n\n${TABLE}\n\n从表中看，各镇（街道）增幅差距较大。`),
    });
    const r = bulletin(['build', dir, '--format', 'pdf,docx,ofd'], { env: epoch });
    expect(r.code, r.stderr).toBe(0);
  });

  it('prints each row on one line of the PDF, its cells in order, the header on each page of the table', () => {
    const layout = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', `${dir}.pdf`, '-'], { encoding: 'utf8' });
    const lines = layout.split('\n');
    for (let i = 0; i < ROWS; i++) {
      const line = lines.find((l) => l.trim().startsWith(town(i) + ' '));
      expect(line, town(i)).toBeDefined();
      expect(line!.trim().split(/\s+/)).toEqual([town(i), figure(i), growth(i), i % 4 === 0 ? '重点' : '正常']);
    }
    const pages = layout.split('\f').filter((p) => p.includes('镇（街道）'));
    expect(pages.length).toBeGreaterThanOrEqual(2);
    for (const p of pages) expect(p.split('\n').filter((l) => /镇（街道）\s+规上工业产值（万元）\s+同比增长\s+备注/.test(l))).toHaveLength(1);
  });

  it('passes bulletin verify (page numbers outside, footer at the bottom)', () => {
    const audit = verifyPdf(`${dir}.pdf`, ['--footer-bottom']);
    for (const [check, found] of Object.entries(audit.violations)) expect(found, check).toEqual([]);
  });

  it('draws the rules in the OFD: thick vertical rules at both sides of the table on each of its pages', () => {
    const files = unzipSync(fs.readFileSync(`${dir}.ofd`));
    const outer = ((1 / 72) * 25.4).toFixed(3); // 1 pt in mm
    const pages = Object.entries(files).filter(([n]) => /Pages\/Page_\d+\/Content\.xml$/.test(n)).map(([, b]) => strFromU8(b));
    const ruled = pages.filter((xml) => [...xml.matchAll(/<ofd:PathObject[^>]*Boundary="[\d.]+ [\d.]+ ([\d.]+) ([\d.]+)"/g)].filter((m) => Number(m[1]).toFixed(3) === outer && Number(m[2]) > 10).length === 2);
    expect(ruled.length).toBeGreaterThanOrEqual(2);
  });

  it('writes a real Word table: header row repeated, outer borders thick and inner thin, figures flush right, the PDF\'s widths', () => {
    const xml = docxParts(`${dir}.docx`)['word/document.xml']!;
    const tables = xml.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? [];
    expect(tables).toHaveLength(1);
    const tbl = tables[0]!;
    const rows = tbl.match(/<w:tr>[\s\S]*?<\/w:tr>/g)!;
    expect(rows).toHaveLength(ROWS + 1);
    expect(rows[0]).toMatch(/<w:tblHeader\/>/);
    for (const r of rows.slice(1)) expect(r).not.toMatch(/<w:tblHeader\/>/);
    for (const r of rows) expect(r).toContain('<w:cantSplit/>');
    const border = (side: string) => Number(new RegExp(`<w:${side} [^>]*w:sz="(\\d+)"`).exec(tbl)![1]);
    // Eighths of a point: 1 pt round, 0.5 pt inside.
    for (const side of ['top', 'bottom', 'left', 'right']) expect(border(side)).toBe(8);
    expect(border('insideH')).toBe(4);
    expect(border('insideV')).toBe(4);
    // The figures' cells right, the town's left, the centred 备注 column centred.
    const cells = (row: string) => row.match(/<w:tc>[\s\S]*?<\/w:tc>/g)!;
    const jc = (cell: string) => /<w:jc w:val="(\w+)"\/>/.exec(cell)![1];
    expect(cells(rows[5]!).map(jc)).toEqual(['left', 'right', 'right', 'center']);
    expect(cells(rows[0]!).map(jc)).toEqual(['center', 'center', 'center', 'center']);
    // The header in its own style (the heading face); **重点** in the body's bold character style.
    expect(cells(rows[0]!)[0]).toContain('<w:pStyle w:val="BulletinTableHeader"/>');
    expect(cells(rows[1]!)[3]).toMatch(/<w:rStyle w:val="BulletinStrong"\/>[\s\S]*重点/);
    expect(cells(rows[2]!)[3]).not.toContain('BulletinStrong');
    // Columns fill the text width (A4 less 28 mm and 26 mm), as in the PDF.
    const grid = [...tbl.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    expect(grid).toHaveLength(4);
    expect(Math.abs(grid.reduce((a, b) => a + b, 0) - Math.round(((210 - 28 - 26) / 25.4) * 1440))).toBeLessThanOrEqual(4);
    expect(grid[1]).toBeGreaterThan(grid[2]!); // the long header's column is the widest figures' column
  });

  it('LibreOffice prints the Word table with every cell, the header repeated on the next page', { skip: missing('libreoffice-writer-nogui') }, () => {
    const copy = path.join(tmpDir(), 'issue.docx');
    fs.copyFileSync(`${dir}.docx`, copy);
    // Row by row (-layout): LibreOffice may space a digit off a Chinese character, so spaces are dropped.
    const lines = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', libreOfficePdf(copy), '-'], { encoding: 'utf8' }).split('\n').map((l) => l.replace(/\s+/g, ''));
    let from = 0;
    for (let i = 0; i < ROWS; i++) {
      const at = lines.indexOf(`${town(i)}${figure(i)}${growth(i)}${i % 4 === 0 ? '重点' : '正常'}`, from);
      expect(at, town(i)).toBeGreaterThanOrEqual(0);
      from = at;
    }
    const text = lines.join('');
    expect(text.split('镇（街道）规上工业产值（万元）同比增长备注').length - 1).toBeGreaterThanOrEqual(2);
  });
});
