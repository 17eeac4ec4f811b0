// The `---` block at the top of an item file: title, department, kind, order,
// attribution (false: none printed), note (编者按).

import type { Yaml } from 'mdast';
import { isScalar } from 'yaml';
import type { Diagnostics, Localized } from '../diagnostics/diagnostic.js';
import type { Inline, ItemKind, Placed, SourcePlace } from './model.js';
import { positionOf, type SourceText } from './source.js';
import { nearest } from '../text/suggest.js';
import { parseYamlMap, readInteger, readText, writtenForm, YamlText, type YamlEntry } from './yaml-nodes.js';

export const FRONTMATTER_KEYS = ['title', 'department', 'kind', 'order', 'attribution', 'note'] as const;
type FrontmatterKey = (typeof FRONTMATTER_KEYS)[number];
const KINDS: readonly ItemKind[] = ['item', 'brief'];

const EXAMPLES: Record<FrontmatterKey, string> = {
  title: 'title: 我区加大攻坚力度扎实推动省市重点项目建设',
  department: 'department: 区发改委',
  kind: 'kind: brief',
  order: 'order: 2',
  attribution: 'attribution: false',
  note: 'note: 这篇稿件介绍的做法值得各地借鉴。',
};

/** Only an item (not a brief) requires a title; the department's message (attribution.ts) names its own kind. */
const AN_ITEM: Localized = { en: 'an item', zh: '稿件' };

export interface Frontmatter {
  /** False when the block could not be read at all (YAML syntax error); nothing else is checked then. */
  readable: boolean;
  /** Undefined when `kind` was misspelt (already reported). */
  kind?: ItemKind;
  title?: Inline;
  department?: Inline;
  order?: Placed<number>;
  /** `attribution:` as written (a boolean); absent when not written. */
  attribution?: boolean;
  /** Where `department` is missing or empty, when it is (reported by the load stage once the kind and the lead are known). */
  departmentMissing?: { at: SourcePlace; end?: SourcePlace };
  note?: Inline;
}

/** Reads and checks the front matter; `node` is remark-frontmatter's yaml node at the top of the file. */
export function readFrontmatter(node: Yaml, src: SourceText, diags: Diagnostics): Frontmatter {
  const start = node.position?.start.offset ?? 0;
  // The YAML text starts on the line after the opening `---`.
  const base = src.text.indexOf('\n', start) + 1;
  const y = new YamlText(src, base, node.value);
  const entries = parseYamlMap(y, 'frontmatter', diags);
  if (!entries) return { readable: false };

  const byKey = new Map<FrontmatterKey, YamlEntry>();
  for (const entry of entries) {
    if (isFrontmatterKey(entry.key)) byKey.set(entry.key, entry);
    else diags.warning(src.file, positionOf(entry.keyAt), 'frontmatter/unknown-key', { key: entry.key, suggestion: nearest(entry.key, FRONTMATTER_KEYS) }, positionOf(entry.keyEnd));
  }
  const blockStart = src.place(start);

  /** A text field; `required` reports it when missing or empty. */
  const text = (key: FrontmatterKey, required: boolean): Inline | undefined => {
    const entry = byKey.get(key);
    if (!entry) {
      if (required) diags.error(src.file, positionOf(blockStart), 'frontmatter/required', { key, kind: AN_ITEM, example: EXAMPLES[key], unless: '' });
      return undefined;
    }
    const t = readText(entry.value, entry.valueAt, y);
    if (t.kind === 'text') return { text: t.value, style: 'plain', at: t.at };
    if (t.kind === 'wrong') diags.error(src.file, positionOf(t.at), 'frontmatter/type', { key, example: EXAMPLES[key] }, positionOf(t.end));
    else if (required) diags.error(src.file, positionOf(t.at), 'frontmatter/required', { key, kind: AN_ITEM, example: EXAMPLES[key], unless: '' }, positionOf(t.end));
    return undefined;
  };

  const kind = readKind(byKey.get('kind'), y, diags);
  const result: Frontmatter = { readable: true };
  if (kind) result.kind = kind;

  if (kind === 'item') {
    const title = text('title', true);
    if (title) result.title = title;
  } else if (kind === 'brief') {
    const entry = byKey.get('title');
    if (entry) diags.warning(src.file, positionOf(entry.keyAt), 'frontmatter/brief-title', {}, positionOf(entry.keyEnd));
  } else {
    // Misspelt kind: we cannot tell whether a title is needed, but can still check its form.
    const title = text('title', false);
    if (title) result.title = title;
  }

  const attribution = readBoolean(byKey.get('attribution'), y, diags);
  if (attribution !== undefined) result.attribution = attribution;
  // Whether a department is required depends on the kind, the lead and the template: said later (attribution.ts).
  const department = text('department', false);
  if (department) result.department = department;
  else if (!byKey.has('department')) result.departmentMissing = { at: blockStart };
  else {
    const t = readText(byKey.get('department')!.value, byKey.get('department')!.valueAt, y);
    if (t.kind === 'empty') result.departmentMissing = { at: t.at, end: t.end };
  }
  const note = text('note', false);
  if (note) result.note = note;

  const order = readOrder(byKey.get('order'), y, diags);
  if (order) result.order = order;
  return result;
}

function readKind(entry: YamlEntry | undefined, y: YamlText, diags: Diagnostics): ItemKind | undefined {
  if (!entry) return 'item';
  const t = readText(entry.value, entry.valueAt, y);
  if (t.kind === 'empty') return 'item';
  const value = t.kind === 'text' ? t.value : writtenForm(entry.value, y);
  if ((KINDS as readonly string[]).includes(value)) return value as ItemKind;
  diags.error(y.src.file, positionOf(t.at), 'item/kind', { value, suggestion: nearest(value, KINDS) }, positionOf(t.end));
  return undefined;
}

function readBoolean(entry: YamlEntry | undefined, y: YamlText, diags: Diagnostics): boolean | undefined {
  if (!entry) return undefined;
  if (isScalar(entry.value) && typeof entry.value.value === 'boolean') return entry.value.value;
  const t = readText(entry.value, entry.valueAt, y);
  diags.error(y.src.file, positionOf(t.at), 'frontmatter/type', { key: 'attribution', example: EXAMPLES.attribution }, positionOf(t.end));
  return undefined;
}

function readOrder(entry: YamlEntry | undefined, y: YamlText, diags: Diagnostics): Placed<number> | undefined {
  if (!entry) return undefined;
  const t = readText(entry.value, entry.valueAt, y);
  if (t.kind === 'empty') return undefined;
  const n = readInteger(entry.value);
  if (n !== undefined) return { value: n, at: t.at, end: t.end };
  diags.error(y.src.file, positionOf(t.at), 'frontmatter/type', { key: 'order', example: EXAMPLES.order }, positionOf(t.end));
  return undefined;
}

function isFrontmatterKey(key: string): key is FrontmatterKey {
  return (FRONTMATTER_KEYS as readonly string[]).includes(key);
}
