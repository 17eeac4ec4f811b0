// `bulletin volume` over a generated year of 50 issues, read back with pdftotext:
// the contents give the page where each issue starts, and that page holds its masthead.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSeries } from '../../bench/generate-series.js';
import { bulletin, pdfInfo, tmpDir } from '../helpers/cli.js';

let dir: string;
let series: string;
let pdf: string;
let pages: string[];
let run: ReturnType<typeof bulletin>;

beforeAll(() => {
  dir = tmpDir();
  series = generateSeries(path.join(dir, '2025'), { issues: 50 });
  pdf = path.join(dir, 'volume.pdf');
  run = bulletin(['volume', series, '-o', pdf, '--lang', 'en'], { env: { SOURCE_DATE_EPOCH: '1735689600' } });
  pages = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' }).split('\f');
}, 60_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('bulletin volume', () => {
  it('writes one PDF and says so', () => {
    expect(run.code).toBe(0);
    const count = Number(pdfInfo(pdf).Pages);
    expect(run.stderr).toContain(`(50 issues, ${count} pages)`);
    expect(pages[0]).toContain('2025年合订本');
    expect(pages[0]).toContain('第1期—第50期');
  });

  it('gives the same bytes for the same input', () => {
    const again = path.join(dir, 'again.pdf');
    expect(bulletin(['volume', series, '-o', again], { env: { SOURCE_DATE_EPOCH: '1735689600' } }).code).toBe(0);
    expect(fs.readFileSync(again).equals(fs.readFileSync(pdf))).toBe(true);
  });

  it('lists every issue in the contents with the page on which its masthead stands', () => {
    const listed = new Map<number, number>();
    for (const text of pages) {
      for (const m of text.matchAll(/^第(\d+)期（总第\d+期）\s+2025年\d+月\d+日\s+(\d+)\s*$/gm)) listed.set(Number(m[1]), Number(m[2]));
    }
    const mastheads = new Map<number, number>();
    pages.forEach((text, i) => {
      // The masthead page: publisher and number line together (the title page has no 总第, the contents no publisher).
      const m = /第(\d+)期（总第\d+期）/.exec(text);
      if (m && text.includes('中共上街区委办公室')) mastheads.set(Number(m[1]), i + 1);
    });
    expect([...listed.keys()]).toEqual(Array.from({ length: 50 }, (_, k) => k + 1));
    expect(listed).toEqual(mastheads);
    for (const [, page] of mastheads) {
      expect(page % 2, `issue on page ${page} starts on a right-hand page`).toBe(1);
      // Numbered on in the volume: the page number printed on it is its place in the PDF.
      expect(pages[page - 1]).toMatch(new RegExp(`— ${page} —`));
    }
  });

  it('has an index by department listing every item once', () => {
    const start = pages.findIndex((p) => /部门索引/.test(p));
    expect(start).toBeGreaterThan(1);
    const first = Math.min(...pages.map((p, i) => (/中共上街区委办公室/.test(p) && /总第/.test(p) ? i : Infinity)));
    const entries = pages.slice(start, first).join('\n').match(/^\s*第\d+期（总第\d+期）/gm) ?? [];
    const items = fs.readdirSync(series).reduce((n, f) => n + fs.readdirSync(path.join(series, f)).filter((x) => x.endsWith('.md')).length, 0);
    expect(entries.length).toBe(items);
  });

  it('writes nothing when an issue has an error, and says where', () => {
    const broken = path.join(dir, 'broken');
    generateSeries(broken, { issues: 2 });
    fs.writeFileSync(path.join(broken, '2025-02', 'issue.yaml'), 'masthead: 政务信息\nnumber: 2\n');
    const out = path.join(dir, 'broken.pdf');
    const r = bulletin(['volume', broken, '-o', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/2025-02[\\/]issue\.yaml:1:1: error: .*\[issue\/required\]/);
    expect(fs.existsSync(out)).toBe(false);
    expect(bulletin(['volume', broken, '-o', out, '--year', '25']).code).toBe(2);
  });
});
