// `bulletin series` and `bulletin stats` over a generated year of 50 issues, run as a user would.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSeries } from '../../bench/generate-series.js';
import { bulletin, tmpDir } from '../helpers/cli.js';

let dir: string;
let clean: string;
let faulty: string;

beforeAll(() => {
  dir = tmpDir();
  clean = generateSeries(path.join(dir, 'clean'), { issues: 50 });
  faulty = generateSeries(path.join(dir, 'faulty'), { issues: 50, repeat: 20, totalGap: 30 });
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Item files counted from the folders themselves, not through bulletin. */
function itemFiles(series: string, keep: (date: string) => boolean = () => true): number {
  return fs.readdirSync(series).reduce((n, f) => {
    const yaml = fs.readFileSync(path.join(series, f, 'issue.yaml'), 'utf8');
    const date = /^date: (\S+)/m.exec(yaml)![1]!;
    return keep(date) ? n + fs.readdirSync(path.join(series, f)).filter((x) => x.endsWith('.md')).length : n;
  }, 0);
}

describe('bulletin series', () => {
  it('finds nothing in a clean year of 50 issues and exits 0', () => {
    const r = bulletin(['series', clean, '--lang', 'en']);
    expect(r.stderr).toContain('50 issues; no problems found');
    expect(r.code).toBe(0);
  });

  it('gives exactly the two planted faults, located at their issue.yaml lines, and exits 1', () => {
    const r = bulletin(['series', faulty, '--json', '--lang', 'en']);
    expect(r.code).toBe(1);
    const list = JSON.parse(r.stdout) as Array<{ file: string; line: number; column: number; rule: string; severity: string; message: string }>;
    expect(list.map((d) => [path.relative(faulty, d.file), d.rule, d.line, d.severity])).toEqual([
      [path.join('2025-20', 'issue.yaml'), 'series/number-repeat', 3, 'error'],
      [path.join('2025-30', 'issue.yaml'), 'series/total-gap', 4, 'error'],
    ]);
    expect(list[0]!.message).toContain('No. 19');
    expect(list[1]!.message).toContain('总第330期');
  });

  it('says in Chinese where the fault is, with the source line', () => {
    const r = bulletin(['series', faulty, '--lang', 'zh']);
    expect(r.stderr).toContain('2025年第19期重复');
    expect(r.stderr).toMatch(/issue\.yaml:3:9: 错误/);
    expect(r.stderr).toContain('number: 19');
  });

  it('a folder that is not there is wrong usage (exit 2)', () => {
    const r = bulletin(['series', path.join(dir, 'nowhere')]);
    expect(r.code).toBe(2);
  });
});

describe('bulletin stats', () => {
  it('--csv: BOM, CRLF, one row per department, totals that add up to the number of items', () => {
    const r = bulletin(['stats', clean, '--csv']);
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('\uFEFF部门,头条,条目,简讯,合计\r\n')).toBe(true);
    const rows = r.stdout.slice(1).split('\r\n').filter(Boolean).slice(1).map((l) => l.split(','));
    const sum = rows.pop()!;
    expect(sum[0]).toBe('合计');
    const n = itemFiles(clean);
    expect(Number(sum[4])).toBe(n);
    expect(rows.reduce((t, r) => t + Number(r[4]), 0)).toBe(n);
    for (const row of rows) expect(Number(row[1]) + Number(row[2]) + Number(row[3])).toBe(Number(row[4]));
    // One lead per issue.
    expect(Number(sum[1])).toBe(50);
    expect(new Set(rows.map((r) => r[0])).size).toBe(rows.length);
  });

  it('--from/--to count only the issues dated inside', () => {
    const r = bulletin(['stats', clean, '--csv', '--from', '2025-03-01', '--to', '2025-05-31']);
    const sum = r.stdout.split('\r\n').filter(Boolean).pop()!.split(',');
    expect(Number(sum[4])).toBe(itemFiles(clean, (d) => d >= '2025-03-01' && d <= '2025-05-31'));
  });

  it('prints a table in the terminal and rejects a bad date (exit 2)', () => {
    const r = bulletin(['stats', clean, '--lang', 'zh']);
    expect(r.stdout.split('\n')[0]).toMatch(/^部门\s+头条\s+条目\s+简讯\s+合计$/);
    expect(r.stdout).toMatch(new RegExp(`合计\\s+50\\s+\\d+\\s+\\d+\\s+${itemFiles(clean)}\\n$`));
    expect(bulletin(['stats', clean, '--from', '2025-13-01']).code).toBe(2);
  });
});
