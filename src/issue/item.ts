// One item file: front matter, then a body of paragraphs and figures.

import type { Root, RootContent } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTable } from 'micromark-extension-gfm-table';
import { unified, type Processor } from 'unified';
import type { Diagnostics } from '../diagnostics/diagnostic.js';
import { stripAttribution } from './attribution.js';
import { reportPlaceholders } from './placeholders.js';
import { readFrontmatter, type Frontmatter } from './frontmatter.js';
import { readBlock } from './figure.js';
import { reportUnsupported } from './inline.js';
import { errorCount } from './issue-yaml.js';
import { markdownProblem } from './markdown-guard.js';
import { readTable } from './table.js';
import type { Figure, Item, ItemKind, Paragraph, Placed } from './model.js';
import type { SourceText } from './source.js';

const parser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkTables);

/**
 * GFM tables only (not all of remark-gfm, whose bare-URL links would make
 * every web address an error): a department's statistics table (table.ts).
 */
function remarkTables(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmTable());
  (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown());
}

export interface LoadedItem {
  /** Display path. */
  file: string;
  /** File name inside the issue folder. */
  name: string;
  /** Known when the front matter gave a valid kind (or none), even if the file has other errors. */
  kind?: ItemKind;
  order?: Placed<number>;
  /** The item, only when the file has no errors. */
  item?: Item;
  /** Every figure of the body, also when the file has other errors, so a missing image is reported in the same run. */
  figures: Figure[];
  /** `attribution:` as written, and where `department` is missing: the load stage says whether that is an error. */
  attribution?: boolean;
  departmentMissing?: Item['departmentMissing'];
}

export function readItem(name: string, src: SourceText, diags: Diagnostics): LoadedItem {
  const file = src.file;
  const errorsBefore = errorCount(diags);
  const problem = markdownProblem(src.text);
  if (problem) {
    diags.error(file, src.position(problem.offset), 'markdown/too-complex', { what: problem.what });
    return { file, name, figures: [] };
  }
  const tree = parser.parse(src.text) as Root;
  const [first, ...rest] = tree.children;

  let frontmatter: Frontmatter | undefined;
  let body: RootContent[] = tree.children;
  let bodyStart = 0;
  if (first?.type === 'yaml') {
    frontmatter = readFrontmatter(first, src, diags);
    body = rest;
    // The closing `---` line: where the body should start.
    bodyStart = src.lineStart(src.position(first.position?.end.offset ?? 0).line);
  } else {
    diags.error(file, src.position(0), 'frontmatter/missing', {});
    // An opening `---` that is never closed: the rest would only produce noise.
    if (/^---[ \t]*(\n|$)/.test(src.text)) return { file, name, figures: [] };
  }

  const paragraphs: Paragraph[] = [];
  const errorsBeforeBody = errorCount(diags);
  let lastEnd = 0;
  for (const node of body) {
    if (node.type === 'table') {
      const table = readTable(node, src, diags);
      if (table) paragraphs.push(table);
      continue;
    }
    if (node.type !== 'paragraph') {
      reportUnsupported(node, src, diags);
      continue;
    }
    const read = readBlock(node, src, diags).filter((p) => p.figure || p.inlines.length > 0);
    if (read.length === 0) continue;
    paragraphs.push(...read);
    lastEnd = node.position?.end.offset ?? src.text.length;
  }

  const department = frontmatter?.department;
  if (department && frontmatter?.attribution !== false) stripAttribution(paragraphs, department.text, lastEnd, src, diags);
  reportPlaceholders(src, diags);

  // Nothing left to print, and not because of a construct already reported.
  if (paragraphs.length === 0 && errorCount(diags) === errorsBeforeBody) {
    const start = src.position(bodyStart);
    const kind = frontmatter?.kind === 'brief' ? { en: 'brief', zh: '简讯' } : { en: 'item', zh: '稿件' };
    diags.error(file, start, 'item/empty-body', { kind }, src.position(bodyStart + src.lineText(start.line).length));
  }

  const figures = paragraphs.flatMap((p) => (p.figure ? [p.figure] : []));
  const loaded: LoadedItem = { file, name, figures };
  if (frontmatter?.kind) loaded.kind = frontmatter.kind;
  if (frontmatter?.order) loaded.order = frontmatter.order;
  if (frontmatter?.attribution !== undefined) loaded.attribution = frontmatter.attribution;
  if (frontmatter?.departmentMissing) loaded.departmentMissing = frontmatter.departmentMissing;
  if (errorCount(diags) === errorsBefore && frontmatter?.kind) {
    loaded.item = {
      file,
      kind: frontmatter.kind,
      ...(frontmatter.kind === 'item' && frontmatter.title ? { title: frontmatter.title } : {}),
      ...(department ? { department } : {}),
      ...(frontmatter.attribution !== undefined ? { attribution: frontmatter.attribution } : {}),
      ...(frontmatter.departmentMissing ? { departmentMissing: frontmatter.departmentMissing } : {}),
      ...(frontmatter.note ? { note: frontmatter.note } : {}),
      paragraphs,
    };
  }
  return loaded;
}
