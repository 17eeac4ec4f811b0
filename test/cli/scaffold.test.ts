import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bulletin, copyExample, example, flatText, pdfText, tmpDir } from '../helpers/cli.js';

describe('bulletin init --from', () => {
  it('copies issue.yaml with number and total plus one and the new date, byte for byte otherwise, and no items', () => {
    const dir = path.join(tmpDir(), 'issue-08');
    const r = bulletin(['init', dir, '--from', example, '--date', '2025-01-27']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.trim()).toBe(path.join(dir, 'issue.yaml'));
    const before = fs.readFileSync(path.join(example, 'issue.yaml'), 'utf8');
    const after = fs.readFileSync(path.join(dir, 'issue.yaml'), 'utf8');
    // The comment naming the issue (# 第7期…) names the new one.
    expect(after).toBe(before.replace('number: 7', 'number: 8').replace('total: 312', 'total: 313').replace('date: 2025-01-20', 'date: 2025-01-27').replace('# 第7期', '# 第8期'));
    expect(fs.readdirSync(dir)).toEqual(['issue.yaml']);
  });

  it('dates the new issue today by default (SOURCE_DATE_EPOCH fixes today)', () => {
    const dir = path.join(tmpDir(), 'issue-08');
    expect(bulletin(['init', dir, '--from', example], { env: { SOURCE_DATE_EPOCH: '1738000000', TZ: 'Asia/Shanghai' } }).code).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'issue.yaml'), 'utf8')).toContain('date: 2025-01-28');
  });

  it('refuses a folder that is not empty, a date that does not exist, and a previous folder without issue.yaml', () => {
    const { folder } = copyExample();
    expect(bulletin(['init', folder, '--from', example]).code).toBe(2);
    const r = bulletin(['init', path.join(tmpDir(), 'x'), '--from', example, '--date', '2025-02-30']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('2025-02-30');
    const none = bulletin(['init', path.join(tmpDir(), 'y'), '--from', tmpDir()]);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('issue.yaml');
  });
});

describe('bulletin init (fresh)', () => {
  it('writes a commented issue.yaml and a sample item whose stand-in words stop the build until replaced', () => {
    const dir = path.join(tmpDir(), 'first');
    expect(bulletin(['init', dir, '--date', '2025-03-01']).code).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'issue.yaml'), 'utf8')).toMatch(/# .*报头/);
    const out = path.join(tmpDir(), 'first.pdf');
    const r = bulletin(['build', dir, '-o', out]);
    expect(r.code).toBe(1);
    expect(r.stderr.match(/\[item\/placeholder\]/g)).toHaveLength(4);
    expect(fs.existsSync(out)).toBe(false);
    const item = path.join(dir, '01-shili.md');
    fs.writeFileSync(item, '---\ntitle: 我区召开安全生产工作推进会\ndepartment: 区应急局\n---\n一是压实责任。\n');
    const built = bulletin(['build', dir, '-o', out]);
    expect(built.code, built.stderr).toBe(0);
    expect(flatText(pdfText(out))).toContain('2025年3月1日');
  });
});

describe('bulletin new', () => {
  it('writes the next numbered item with its frontmatter, and it appears last among the items of the next build', () => {
    const { dir, folder } = copyExample();
    const r = bulletin(['new', folder, '--department', '区发改委', '--title', '我区召开重点项目推进会']);
    expect(r.code, r.stderr).toBe(0);
    const file = r.stdout.trim();
    expect(path.basename(file)).toBe('09-区发改委.md');
    expect(fs.readFileSync(file, 'utf8')).toBe('---\ntitle: 我区召开重点项目推进会\ndepartment: 区发改委\n---\n一是……。二是……。三是……。\n');
    // the stand-in body is an error (item/placeholder) until the editor writes the text
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('一是……。二是……。三是……。', '一是明确责任分工。'));
    const out = path.join(dir, 'x.pdf');
    expect(bulletin(['build', folder, '-o', out]).code).toBe(0);
    const flat = flatText(pdfText(out));
    // an item: after the six items, before the briefs
    expect(flat.indexOf('我区召开重点项目推进会')).toBeGreaterThan(flat.indexOf('（区卫健委）'));
    expect(flat.indexOf('我区召开重点项目推进会')).toBeLessThan(flat.indexOf('△'));
  });

  it('writes a brief without a title, and a second file for the same department gets the next number', () => {
    const { folder } = copyExample();
    const a = bulletin(['new', folder, '--department', '区科技局', '--brief']).stdout.trim();
    const b = bulletin(['new', folder, '--department', '区科技局', '--brief']).stdout.trim();
    expect(path.basename(a)).toBe('09-区科技局.md');
    expect(path.basename(b)).toBe('10-区科技局.md');
    expect(fs.readFileSync(a, 'utf8')).toBe('---\ndepartment: 区科技局\nkind: brief\n---\n近日，……。\n');
  });

  it('gives the next free order when the folder orders its items', () => {
    const { folder } = copyExample();
    const f = path.join(folder, '02-fagaiwei.md');
    fs.writeFileSync(f, fs.readFileSync(f, 'utf8').replace('department: 区发改委', 'department: 区发改委\norder: 5'));
    const file = bulletin(['new', folder, '--department', '区应急局']).stdout.trim();
    expect(fs.readFileSync(file, 'utf8')).toContain('\norder: 6\n');
  });

  it('makes a safe file name from any department name', () => {
    const { folder } = copyExample();
    const file = bulletin(['new', folder, '--department', '区行政审批/政务 信息:管理局']).stdout.trim();
    expect(path.basename(file)).toBe('09-区行政审批-政务-信息-管理局.md');
    expect(path.dirname(file)).toBe(folder);
  });

  it('is wrong usage without --department or with a folder that does not exist', () => {
    expect(bulletin(['new', example]).code).toBe(2);
    expect(bulletin(['new', 'no/such/dir', '--department', '区发改委']).code).toBe(2);
  });
});
