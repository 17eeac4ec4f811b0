import { describe, expect, it } from 'vitest';
import type { Page } from '../../../src/layout/display-list.js';
import { displayLines, titleLineFinder } from '../../../src/render/docx/title-lines.js';

const run = (text: string, x: number, y: number) => ({ kind: 'glyphs' as const, face: 'f', size: 16, x, y, text, tracking: 0, color: 'black' });

describe('titles in the PDF\'s lines', () => {
  it('reads the display list as lines: runs grouped by baseline, left to right, pages in order', () => {
    const pages: Page[] = [
      { width: 595, height: 842, items: [run('实事', 200, 120), run('中心路', 100, 90), run('探索', 160, 90), { kind: 'rule', x: 0, y: 100, width: 10, thickness: 1, color: 'red' }] },
      { width: 595, height: 842, items: [run('正文', 80, 90)] },
    ];
    expect(displayLines(pages)).toEqual(['中心路探索', '实事', '正文']);
  });

  it('finds each title, in order, as whole consecutive lines, and leaves a title it cannot find whole', () => {
    const find = titleLineFinder(['报头', '中心路街道探索人大代表', '“十联”机制办好民生实事', '一是在部分镇', '第二个标题', '正文']);
    expect(find('中心路街道探索人大代表“十联”机制办好民生实事')).toEqual(['中心路街道探索人大代表', '“十联”机制办好民生实事']);
    // A line that only starts the title is not a match; the search goes on after the last title found.
    expect(find('一是在部分镇（街道）')).toEqual(['一是在部分镇（街道）']);
    expect(find('第二个 标题')).toEqual(['第二个标题']);
    expect(find('中心路街道探索人大代表“十联”机制办好民生实事')).toEqual(['中心路街道探索人大代表“十联”机制办好民生实事']);
  });
});
