// Lint one item written as text, without a folder: load it, then lint it.
import { Diagnostics } from '../../src/diagnostics/diagnostic.js';
import { readItem } from '../../src/issue/item.js';
import type { Issue, Item } from '../../src/issue/model.js';
import { SourceText } from '../../src/issue/source.js';
import { lintIssue } from '../../src/lint/index.js';
import type { Template } from '../../src/template/model.js';

export const FILE = 'issue-07/01-keji.md';

export function fm(title = '我区开展高新技术企业培育攻坚行动'): string {
  return `---\ntitle: ${title}\ndepartment: 区科技局\n---\n`;
}

/** Lints the files given as text (the first is the lead); `body` strings get the front matter. */
export function lint(texts: string[], template?: Template, lintOff?: string[]) {
  const sources: Record<string, string> = {};
  const items: Item[] = [];
  texts.forEach((text, i) => {
    const file = i === 0 ? FILE : `issue-07/0${i + 1}-x.md`;
    sources[file] = text;
    const loaded = readItem(file, new SourceText(file, text), new Diagnostics());
    if (!loaded.item) throw new Error(`fixture text does not load: ${text}`);
    items.push(loaded.item);
  });
  const issue = { items, sources, ...(lintOff ? { lintOff } : {}) } as unknown as Issue;
  const result = lintIssue(issue, template);
  return { ...result, at: result.diagnostics.map((d) => `${d.start.line}:${d.start.column}-${d.end?.column} ${d.rule}`) };
}

export function body(text: string) {
  return lint([fm() + text]);
}
