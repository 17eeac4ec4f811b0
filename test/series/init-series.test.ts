// `bulletin init --from PREV` when PREV's folder holds a series: numbers from the series, a warning for an older PREV.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSeries } from '../../bench/generate-series.js';
import { bulletin, tmpDir } from '../helpers/cli.js';

let dir: string;
let series: string;
beforeAll(() => {
  dir = tmpDir();
  series = generateSeries(path.join(dir, '2025'), { issues: 5 });
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const yamlOf = (folder: string) => fs.readFileSync(path.join(folder, 'issue.yaml'), 'utf8');

describe('bulletin init --from inside a series', () => {
  it('from the latest issue: the next number and 总第, no warning', () => {
    const next = path.join(series, '2025-06');
    const r = bulletin(['init', next, '--from', path.join(series, '2025-05'), '--date', '2025-02-10', '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain('warning');
    expect(yamlOf(next)).toMatch(/^number: 6$/m);
    expect(yamlOf(next)).toMatch(/^total: 306\b/m);
    expect(yamlOf(next)).toMatch(/^date: 2025-02-10$/m);
    fs.rmSync(next, { recursive: true });
  });

  it('from an older issue: warns and numbers after the latest', () => {
    const next = path.join(dir, 'elsewhere');
    const r = bulletin(['init', next, '--from', path.join(series, '2025-03'), '--date', '2025-02-10', '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/warning: .*2025-03.* is not the latest issue.*2025-05.*No\. 5 of 2025.*No\. 6/);
    expect(yamlOf(next)).toMatch(/^number: 6$/m);
    expect(yamlOf(next)).toMatch(/^total: 306\b/m);
  });

  it('in a new year: 第1期, 总第 runs on', () => {
    const next = path.join(dir, '2026-01');
    expect(bulletin(['init', next, '--from', path.join(series, '2025-05'), '--date', '2026-01-05']).code).toBe(0);
    expect(yamlOf(next)).toMatch(/^number: 1$/m);
    expect(yamlOf(next)).toMatch(/^total: 306\b/m);
  });
});
