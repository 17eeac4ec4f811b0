// Issue 16 through the CLI: a long masthead fits or fails at issue.yaml's masthead line
// (check and build agree); titles with an author's break; the PDF read back with poppler.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bulletin, copyExample, flatText, pdfText } from '../helpers/cli.js';

const made: string[] = [];
afterEach(() => {
  for (const d of made.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function withMasthead(name: string): { dir: string; folder: string; yaml: string } {
  const { dir, folder } = copyExample();
  made.push(dir);
  const yaml = path.join(folder, 'issue.yaml');
  fs.writeFileSync(yaml, fs.readFileSync(yaml, 'utf8').replace('masthead: 政务信息', `masthead: ${name}`));
  return { dir, folder, yaml };
}

describe('the masthead name is fitted to the text block', () => {
  it('an 11-character name (上街区人民政府政务信息) fits: check is clean and build prints it whole', () => {
    const { dir, folder } = withMasthead('上街区人民政府政务信息');
    expect(bulletin(['check', folder]).code).toBe(0);
    const out = path.join(dir, 'out.pdf');
    const r = bulletin(['build', '--strict', folder, '-o', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(flatText(pdfText(out))).toContain('上街区人民政府政务信息');
  });

  it('a name too long for the smallest size is an error at the masthead line, in check and in build', () => {
    const { dir, folder, yaml } = withMasthead('上街区人民政府办公室政务信息专报');
    const line = fs.readFileSync(yaml, 'utf8').split('\n').findIndex((l) => l.startsWith('masthead:')) + 1;
    const check = bulletin(['check', folder]);
    expect(check.code).not.toBe(0);
    expect(check.stderr).toContain(`${yaml}:${line}:11: error:`);
    expect(check.stderr).toContain('[layout/masthead-too-long]');
    const out = path.join(dir, 'out.pdf');
    const build = bulletin(['build', folder, '-o', out]);
    expect(build.code).not.toBe(0);
    expect(build.stderr).toContain('[layout/masthead-too-long]');
    expect(fs.existsSync(out)).toBe(false);
  });
});

describe('titles', () => {
  it('a line break written in the title (YAML | block) is a line break in the PDF', () => {
    const { dir, folder } = copyExample();
    made.push(dir);
    const file = path.join(folder, '01-zhongxinlu.md');
    const text = fs.readFileSync(file, 'utf8').replace(/^title: .*$/m, 'title: |\n  中心路街道探索人大代表\n  “十联”机制办好民生实事');
    fs.writeFileSync(file, text);
    const out = path.join(dir, 'out.pdf');
    const r = bulletin(['build', folder, '-o', out]);
    expect(r.code, r.stderr).toBe(0);
    const lines = pdfText(out).split('\n').map((l) => l.trim());
    const i = lines.indexOf('中心路街道探索人大代表');
    expect(i, lines.slice(0, 12).join('|')).toBeGreaterThan(-1);
    expect(lines[i + 1]).toBe('“十联”机制办好民生实事');
  });
});

describe('the text layer reads as the source', () => {
  it('the space after a run-in title and after △ comes out of pdftotext', () => {
    const { dir, folder } = copyExample();
    made.push(dir);
    const out = path.join(dir, 'out.pdf');
    expect(bulletin(['build', folder, '-o', out]).code).toBe(0);
    const text = pdfText(out);
    expect(text).toMatch(/扎实推动省市重点项目建设[ \u3000]+一是/);
    expect(text).toMatch(/△[ \u3000]+近日/);
    expect(text).not.toMatch(/△近日/);
  });
});
