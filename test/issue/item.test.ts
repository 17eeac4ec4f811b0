// One item file at a time, from text (the fixtures in load.test.ts cover whole folders).

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Diagnostics } from '../../src/diagnostics/diagnostic.js';
import { formatMessage } from '../../src/report/catalogue.js';
import { readItem } from '../../src/issue/item.js';
import { SourceText } from '../../src/issue/source.js';

function read(text: string) {
  const diags = new Diagnostics();
  const loaded = readItem('03-keji.md', new SourceText('issue-07/03-keji.md', text), diags);
  return { ...loaded, diagnostics: diags.list, at: diags.list.map((d) => `${d.start.line}:${d.start.column} ${d.severity} ${d.rule}`) };
}

const FM = '---\ntitle: 我区开展高新技术企业培育攻坚行动\ndepartment: 区科技局\n---\n';
const text = (r: ReturnType<typeof read>) => r.item!.paragraphs.map((p) => p.inlines.map((i) => i.text).join(''));

describe('item front matter', () => {
  it('frontmatter/brief-title: a brief with a title warns and drops the title', () => {
    const r = read('---\ntitle: 简讯标题\ndepartment: 区科技局\nkind: brief\n---\n近日，……\n');
    expect(r.at).toEqual(['2:1 warning frontmatter/brief-title']);
    expect(r.item?.kind).toBe('brief');
    expect(r.item?.title).toBeUndefined();
  });

  it('a brief needs no title', () => {
    expect(read('---\ndepartment: 区科技局\nkind: brief\n---\n近日，……\n').at).toEqual([]);
  });

  it('frontmatter/type: an order that is not a whole number', () => {
    expect(read(FM.replace('department: 区科技局\n', 'department: 区科技局\norder: 二\n') + '正文。\n').at).toEqual(['4:8 error frontmatter/type']);
  });

  it('frontmatter/unknown-key: a misspelt key suggests the right one', () => {
    const r = read(FM.replace('department:', 'departmant:') + '正文。\n');
    // The missing department is the load stage's to report (it knows the kind, the lead and, for briefs, the template).
    expect(r.at).toEqual(['3:1 warning frontmatter/unknown-key']);
    expect(r.diagnostics[0]!.args).toEqual({ key: 'departmant', suggestion: 'department' });
    expect(r.departmentMissing?.at).toMatchObject({ line: 1, column: 1 });
  });

  it('a title continued on the next line joins without a space', () => {
    const r = read('---\ntitle: 我区加大攻坚力度\n  扎实推动省市重点项目建设\ndepartment: 区发改委\n---\n正文。\n');
    expect(r.item?.title?.text).toBe('我区加大攻坚力度扎实推动省市重点项目建设');
  });

  it('frontmatter/yaml-syntax is reported at its line in the file, not in the block', () => {
    // The indented `kind:` makes the department value run on; yaml flags that value (line 3 of the file, line 2 of the block).
    expect(read('---\ntitle: 标题\ndepartment: 区科技局\n  kind: brief\n---\n正文。\n').at).toEqual(['3:13 error frontmatter/yaml-syntax']);
  });

  it('frontmatter/missing: an opening --- that is never closed is one error, not many', () => {
    expect(read('---\ntitle: 标题\n\n正文。\n').at).toEqual(['1:1 error frontmatter/missing']);
  });
});

describe('item body', () => {
  it('a hard line break joins like a soft one', () => {
    expect(text(read(FM + '一是实施计划，  \n持续完善体系。\nword\\\nword\n'))).toEqual(['一是实施计划，持续完善体系。word word']);
  });

  it('a line break next to **strong** joins across the runs', () => {
    const r = read(FM + '**一是**\n以全区活动为抓手。\n');
    expect(r.item!.paragraphs[0]!.inlines.map((i) => [i.text, i.style])).toEqual([
      ['一是', 'strong'],
      ['以全区活动为抓手。', 'plain'],
    ]);
  });

  it('markdown/unsupported: a list, a block quote, inline code, raw HTML; image/inline: an image beside text', () => {
    const r = read(FM + '- 一\n\n> 引文\n\n正文`代码`与![图](photos/a.jpg)和<br>。\n');
    expect(r.at).toEqual([
      '5:1 error markdown/unsupported',
      '7:1 error markdown/unsupported',
      '9:3 error markdown/unsupported',
      '9:8 error image/inline',
      '9:27 error markdown/unsupported',
    ]);
    expect(r.diagnostics.map((d) => d.args.construct ?? d.args.src)).toEqual(['list', 'block quote', 'inline code', 'photos/a.jpg', 'raw HTML']);
  });

  it('markdown/unsupported: a paragraph indented by four spaces is a code block', () => {
    const r = read(FM + '    一是实施计划。\n');
    expect(r.at).toEqual(['5:1 error markdown/unsupported']);
    expect(r.diagnostics[0]!.args.construct).toBe('code block (a line indented by 4 spaces)');
  });

  it('markdown/unsupported: a line underlined with --- is a heading, not a rule', () => {
    const r = read(FM + '正文\n---\n');
    expect(r.diagnostics.map((d) => d.args.construct)).toEqual(['heading (a line underlined with === or ---)']);
  });

  it('markdown/unsupported: bold and emphasis together', () => {
    // Reported once, at the inner marks; no extra "empty body" error for the same line.
    expect(read(FM + '***重点***\n').at).toEqual(['5:2 error markdown/unsupported']);
  });

  it('item/attribution-duplicated: only when the body ends with the same department', () => {
    expect(read(FM + '正文。（区发改委）\n').at).toEqual([]); // another department: kept as written
    const r = read(FM + '正文。（区科技局）\n');
    expect(r.at).toEqual(['5:4 warning item/attribution-duplicated']);
    expect(text(r)).toEqual(['正文。']);
  });

  it('item/empty-body: a body that was only the attribution', () => {
    expect(read(FM + '（区科技局）\n').at).toEqual(['5:1 warning item/attribution-duplicated', '4:1 error item/empty-body']);
  });

  it('item/empty-body names the kind: a brief is not called an item', () => {
    const r = read('---\ndepartment: 区科技局\nkind: brief\n---\n');
    expect(r.at).toEqual(['4:1 error item/empty-body']);
    expect(formatMessage('item/empty-body', r.diagnostics[0]!.args, 'en')).toMatch(/^this brief has no text/);
    expect(formatMessage('item/empty-body', r.diagnostics[0]!.args, 'zh')).toMatch(/^此简讯没有正文/);
  });

  it('gives no item when the file has errors, but still its kind and order for ordering', () => {
    const r = read('---\ndepartment: 区科技局\norder: 3\n---\n正文。\n');
    expect(r.item).toBeUndefined();
    expect(r.kind).toBe('item');
    expect(r.order?.value).toBe(3);
  });
});

describe('figures', () => {
  it('a paragraph that is only an image is a figure; its alt text is the caption', () => {
    const r = read(FM + '一是实施计划。\n\n![培育行动现场](photos/a.jpg)\n\n二是强化服务。\n');
    expect(r.at).toEqual([]);
    const [, p, ] = r.item!.paragraphs;
    expect(p!.inlines).toEqual([]);
    expect(p!.figure).toMatchObject({ src: 'photos/a.jpg', caption: { text: '培育行动现场' }, at: { line: 7, column: 1 }, end: { line: 7, column: 24 } });
    expect(p!.figure!.path).toBe(path.resolve('issue-07/photos/a.jpg'));
    // The caption's place is its first character in the source, for lint and coverage.
    expect(p!.figure!.caption!.at.column).toBe(3);
    expect(r.figures).toEqual([p!.figure]);
  });

  it('an image with no alt text has no caption', () => {
    const r = read(FM + '![](photos/a.png)\n');
    expect(r.item!.paragraphs[0]!.figure).toMatchObject({ src: 'photos/a.png' });
    expect(r.item!.paragraphs[0]!.figure!.caption).toBeUndefined();
  });

  it('images on consecutive lines are one figure each', () => {
    const r = read(FM + '![甲](a.jpg)\n![乙](b.jpg)\n');
    expect(r.item!.paragraphs.map((p) => p.figure?.caption?.text)).toEqual(['甲', '乙']);
  });

  it('a figure as the last paragraph keeps the attribution check away from it', () => {
    const r = read(FM + '正文。\n\n![图](a.jpg)\n');
    expect(r.at).toEqual([]);
    expect(r.item!.paragraphs).toHaveLength(2);
  });

  it('an item of nothing but a figure is not empty', () => {
    expect(read(FM + '![图](a.jpg)\n').at).toEqual([]);
  });

  it('figures are listed even when the file has other errors', () => {
    const r = read(FM + '- 列表\n\n![图](a.jpg)\n');
    expect(r.item).toBeUndefined();
    expect(r.figures.map((f) => f.src)).toEqual(['a.jpg']);
  });

  it('an image on its own line between lines of text cuts the paragraph: text, figure, text', () => {
    const r = read(FM + '一是实施计划，\n持续完善体系。\n![现场](a.jpg)\n二是强化服务。\n');
    expect(r.at).toEqual([]);
    expect(r.item!.paragraphs.map((p) => p.figure?.caption?.text ?? p.inlines.map((i) => i.text).join(''))).toEqual(['一是实施计划，持续完善体系。', '现场', '二是强化服务。']);
    const [before, , after] = r.item!.paragraphs;
    expect([before!.at.line, before!.at.column]).toEqual([5, 1]);
    expect([after!.at.line, after!.at.column, after!.inlines[0]!.at.line]).toEqual([8, 1, 8]);
  });

  it('an image after a hard line break (two spaces) is on its own line too', () => {
    const r = read(FM + '正文。  \n![图](a.jpg)\n');
    expect(r.at).toEqual([]);
    expect(r.item!.paragraphs.map((p) => (p.figure ? 'figure' : p.inlines.map((i) => i.text).join('')))).toEqual(['正文。', 'figure']);
  });

  it('image/inline: an image with text before or after it on the same line', () => {
    expect(read(FM + '图为![现场](a.jpg)\n').at).toEqual(['5:3 error image/inline']);
    expect(read(FM + '![现场](a.jpg)。\n').at).toEqual(['5:1 error image/inline']);
    expect(read(FM + '正文\n![甲](a.jpg)之后\n').at).toEqual(['6:1 error image/inline']);
  });

  it('lint sees the text around a figure at its true place', () => {
    const r = read(FM + '第一行\n![图](a.jpg)\n第三行,有错。\n');
    const after = r.item!.paragraphs[2]!;
    expect(after.inlines[0]!.at.offset).toBe((FM + '第一行\n![图](a.jpg)\n').length);
  });
});

