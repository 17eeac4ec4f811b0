import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/pipeline/build.js';
import type { GlyphRun } from '../../src/layout/display-list.js';
import { gridOf } from '../../src/layout/grid.js';
import { bulletin, copyExample, flatText, pdfInfo, pdfText, verifyPdf } from '../helpers/cli.js';

function withTemplate(template: string): { dir: string; folder: string } {
  const c = copyExample();
  const yaml = path.join(c.folder, 'issue.yaml');
  fs.writeFileSync(yaml, fs.readFileSync(yaml, 'utf8').replace('masthead: 政务信息', `masthead: 工作简报\ntemplate: ${template}`));
  return c;
}

describe('the gongzuo-jianbao template', () => {
  it('sets item titles as centred blocks and page numbers in the centre, and passes `bulletin verify`', async () => {
    const { dir, folder } = withTemplate('gongzuo-jianbao');
    const out = path.join(dir, 'gz.pdf');
    const r = bulletin(['build', folder, '-o', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(flatText(pdfText(out)).startsWith('工作简报第7期')).toBe(true);
    const report = verifyPdf(out, ['--template', 'gongzuo-jianbao', '--footer-bottom']);
    expect(Object.values(report.violations).flat()).toEqual([]);
    expect(report.figures.charsPerFullLine).toBe(28);

    const { compiled } = await compile(folder);
    const grid = gridOf(compiled!.template);
    const runs = compiled!.pages.flatMap((p) => p.items.filter((i): i is GlyphRun => i.kind === 'glyphs'));
    const title = runs.find((r) => r.text === '我区加大攻坚力度扎实推动省市重点项目建设')!;
    expect(title).toBeDefined();
    const face = compiled!.fonts.faces.get(title.face)!;
    const width = [...title.text].reduce((w, ch) => w + (face.advance(ch.codePointAt(0)!) / face.unitsPerEm) * title.size, 0);
    expect(title.x + width / 2).toBeCloseTo(grid.left + grid.measure / 2, 1);
  });

  it('a template that does not exist is an error at the template line of issue.yaml', () => {
    const { folder } = withTemplate('no-such-template');
    const r = bulletin(['build', folder]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${path.join(folder, 'issue.yaml')}:3:11:`);
    expect(r.stderr).toContain('[template/not-found]');
    expect(r.stderr).toContain('default, gongzuo-jianbao');
  });
});

describe('a supplement', () => {
  it('`supplement: true` prints 增刊第N期 in the masthead and the PDF title', () => {
    const { dir, folder } = copyExample();
    const yaml = path.join(folder, 'issue.yaml');
    fs.writeFileSync(yaml, fs.readFileSync(yaml, 'utf8').replace('number: 7', 'number: 2\nsupplement: true'));
    const out = path.join(dir, 's.pdf');
    const r = bulletin(['build', folder, '-o', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(flatText(pdfText(out)).startsWith('政务信息增刊第2期（总第312期）')).toBe(true);
    expect(pdfInfo(out).Title).toBe('政务信息 2025年增刊第2期');
  });

  it('`supplement` must be true or false, reported at its value', () => {
    const { folder } = copyExample();
    const yaml = path.join(folder, 'issue.yaml');
    fs.writeFileSync(yaml, fs.readFileSync(yaml, 'utf8').replace('number: 7', 'number: 2\nsupplement: 是'));
    const r = bulletin(['build', folder]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${path.join(folder, 'issue.yaml')}:4:13:`);
    expect(r.stderr).toContain('[issue/type]');
  });
});
