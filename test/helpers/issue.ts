// A minimal Issue value for layout tests (the loader is tested on its own).
import type { Issue, Item } from '../../src/issue/model.js';

export const at = { file: 'test.md', line: 1, column: 1, offset: 0 };

export function item(title: string | undefined, body: string[], department = '区发改委', kind: Item['kind'] = 'item'): Item {
  return {
    file: 'test.md',
    kind,
    ...(title ? { title: { text: title, style: 'plain' as const, at } } : {}),
    department: { text: department, style: 'plain', at },
    paragraphs: body.map((text) => ({ at, inlines: [{ text, style: 'plain' as const, at }] })),
  };
}

export function issue(items: Item[], over: Partial<Issue> = {}): Issue {
  return {
    dir: 'test',
    issueFile: 'test/issue.yaml',
    masthead: { value: '政务信息', at },
    number: 7,
    date: { year: 2025, month: 1, day: 20 },
    publisher: { value: '中共上街区委办公室', at },
    distribution: [
      { label: '本期送', recipients: ['区县处级领导'], at },
      { label: '发', recipients: ['峡窝镇', '各街道办事处', '区直各单位负责同志'], at },
    ],
    editor: { value: '柴亚文', at },
    copies: 60,
    fonts: {},
    wordFonts: {},
    items,
    sources: {},
    ...over,
  };
}
