// Reading YAML (issue.yaml and item front matter) while keeping where each
// value was written. The `yaml` package gives every node a range of offsets
// into the text it parsed; `YamlText.base` shifts them to offsets in the file
// (front matter starts after the opening `---` line).

import { isMap, isScalar, isSeq, parseDocument, type Pair, type Scalar } from 'yaml';
import type { Diagnostics } from '../diagnostics/diagnostic.js';
import type { SourcePlace } from './model.js';
import { joinLines } from './line-breaks.js';
import { positionOf, type SourceText } from './source.js';
import { YAML_REASONS } from './messages.js';
import { yamlReason, yamlTooDeep } from './yaml-guard.js';
import { simpleYamlMap } from './yaml-simple.js';

export class YamlText {
  constructor(
    readonly src: SourceText,
    /** Offset in the file where the YAML text starts. */
    readonly base: number,
    /** The YAML text itself. */
    readonly yaml: string,
  ) {}

  place(relative: number): SourcePlace {
    return this.src.place(this.base + relative);
  }
}

export interface YamlEntry {
  key: string;
  keyAt: SourcePlace;
  /** Just past the key's last character. */
  keyEnd: SourcePlace;
  /** The value node (a yaml Node), or null when nothing follows the colon. */
  value: unknown;
  /** Where the value is, or where it would be (just after the key). */
  valueAt: SourcePlace;
  /** Just past the value's last character (the same as valueAt when there is no value). */
  valueEnd: SourcePlace;
}

/**
 * Parses YAML and reports its syntax errors under `${area}/yaml-syntax` (or
 * `${area}/fullwidth-colon` for the common `key：value` slip).
 * Returns the top-level entries, or undefined when the text is not usable.
 * Plain `key: value` lines (most front matter) skip the parser: yaml-simple.ts.
 */
export function parseYamlMap(y: YamlText, area: 'issue' | 'frontmatter', diags: Diagnostics): YamlEntry[] | undefined {
  const simple = simpleYamlMap(y.yaml);
  return simple ? simple.map((pair) => entryOf(pair, y)) : parseYamlMapFully(y, area, diags);
}

/** parseYamlMap through the `yaml` package, for any text (exported for the test that holds the two paths equal). */
export function parseYamlMapFully(y: YamlText, area: 'issue' | 'frontmatter', diags: Diagnostics): YamlEntry[] | undefined {
  const deep = yamlTooDeep(y.yaml);
  if (deep !== undefined) {
    diags.error(y.src.file, positionOf(y.place(deep)), `${area}/yaml-syntax`, { reason: YAML_REASONS['too-deep']! });
    return undefined;
  }
  const doc = parseYaml(y.yaml);
  if (!doc) {
    // What the depth guard did not foresee and the parser's recursion could not take.
    diags.error(y.src.file, positionOf(y.place(0)), `${area}/yaml-syntax`, { reason: YAML_REASONS['too-deep']! });
    return undefined;
  }
  if (doc.errors.length > 0) {
    const reported = new Set<number>();
    for (const e of doc.errors) {
      const opening = openingOf(e.message, e.pos[0], y.yaml);
      const at = y.place(opening);
      // The opening quote or bracket alone, or the token yaml complains about.
      const end = y.place(opening === e.pos[0] ? Math.max(e.pos[1], opening + 1) : opening + 1);
      if (reported.has(at.line)) continue; // one error per line is enough
      reported.add(at.line);
      if (!reportFullwidthColon(y, at.line, area, diags)) {
        diags.error(y.src.file, positionOf(at), `${area}/yaml-syntax`, { reason: yamlReason(e) }, positionOf(end));
      }
    }
    return undefined;
  }
  const contents = doc.contents;
  if (contents === null) return []; // empty YAML: every key is missing
  if (!isMap(contents)) {
    const [start, end] = trimmedRange(contents, y.yaml);
    const at = y.place(start);
    if (!reportFullwidthColon(y, at.line, area, diags)) {
      diags.error(
        y.src.file,
        positionOf(at),
        `${area}/type`,
        {
          key: area === 'issue' ? 'issue.yaml' : 'front matter',
          example: area === 'issue' ? 'masthead: 政务信息' : 'department: 区发改委',
        },
        positionOf(y.place(end)),
      );
    }
    return undefined;
  }
  return contents.items.map((pair) => entryOf(pair, y));
}

/** The parsed document, or undefined when the parser ran out of stack. */
function parseYaml(text: string): ReturnType<typeof parseDocument> | undefined {
  try {
    return parseDocument(text, { schema: 'core', prettyErrors: false, uniqueKeys: true });
  } catch (e) {
    if (e instanceof RangeError) return undefined;
    throw e;
  }
}

/** The entries of a nested map (e.g. `distribution:`), or undefined if `node` is not a map. */
export function mapEntries(node: unknown, y: YamlText): YamlEntry[] | undefined {
  return isMap(node) ? node.items.map((pair) => entryOf(pair, y)) : undefined;
}

/**
 * yaml reports an unclosed quote or bracket where it gave up looking, often a
 * line or two later; the opening character is where the writer must look.
 */
function openingOf(message: string, pos: number, yaml: string): number {
  const opener = /closing "quote/.test(message)
    ? '"'
    : /closing 'quote/.test(message)
      ? "'"
      : /end with a \]/.test(message)
        ? '['
        : /end with a \}/.test(message)
          ? '{'
          : undefined;
  if (!opener) return pos;
  const i = yaml.lastIndexOf(opener, Math.max(0, Math.min(pos, yaml.length) - 1));
  return i === -1 ? pos : i;
}

function entryOf(pair: Pair, y: YamlText): YamlEntry {
  const keyNode = pair.key;
  const keyStart = isScalar(keyNode) ? (keyNode.range?.[0] ?? 0) : 0;
  const keyEnd = isScalar(keyNode) ? (keyNode.range?.[1] ?? keyStart) : keyStart;
  const key = isScalar(keyNode) ? String(keyNode.value) : String(keyNode);
  // For `key:` with nothing after it, point just past the colon.
  const valueStart = Math.min(pair.value ? rangeOf(pair.value)[0] : keyEnd + 1, y.yaml.length);
  const valueEnd = pair.value ? trimmedRange(pair.value, y.yaml)[1] : valueStart;
  return {
    key,
    keyAt: y.place(keyStart),
    keyEnd: y.place(keyEnd),
    value: pair.value,
    valueAt: y.place(valueStart),
    valueEnd: y.place(Math.max(valueStart, valueEnd)),
  };
}

/** If line `line` of the file reads `key：value`, reports that and returns true. */
function reportFullwidthColon(y: YamlText, line: number, area: string, diags: Diagnostics): boolean {
  const text = y.src.lineText(line);
  const m = /^(\s*(?:-\s+)?)([^\s:：#][^:：]*?)\s*：\s*(.*)$/.exec(text);
  if (!m) return false;
  const at = y.src.place(y.src.lineStart(line) + text.indexOf('：'));
  const end = y.src.position(at.offset + 1);
  diags.error(y.src.file, positionOf(at), `${area}/fullwidth-colon`, { fixed: `${m[2]}: ${m[3]}`.trimEnd() }, end);
  return true;
}

/** `at` is where the value starts (inside quotes), `end` just past it. */
export type TextValue =
  | { kind: 'text'; value: string; at: SourcePlace; end: SourcePlace }
  | { kind: 'empty'; at: SourcePlace; end: SourcePlace }
  | { kind: 'wrong'; at: SourcePlace; end: SourcePlace };

/**
 * A scalar value as the text the user meant. Numbers and booleans keep their
 * written form (`editor: 2025` is "2025"); a plain value continued on the next
 * line is joined by the Chinese line-break rule, not with YAML's space.
 */
export function readText(node: unknown, fallback: SourcePlace, y: YamlText): TextValue {
  if (node === null || node === undefined) return { kind: 'empty', at: fallback, end: fallback };
  const [start, end] = rangeOf(node);
  const trimmedEnd = y.place(trimmedRange(node, y.yaml)[1]);
  if (!isScalar(node)) return { kind: 'wrong', at: y.place(start), end: trimmedEnd };
  const contentAt = contentStart(node, y);
  const at = y.place(contentAt);
  const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE';
  // Inside the quotes, like `at`.
  const valueEnd = quoted ? y.place(Math.max(contentAt, trimmedEnd.offset - y.base - 1)) : trimmedEnd;
  if (node.value === null) return { kind: 'empty', at, end: at };
  const written = y.yaml.slice(start, end);
  let value: string;
  if (typeof node.value !== 'string') value = written;
  else if (node.type === 'PLAIN' && written.includes('\n')) value = joinLines(written.split('\n').map((l) => l.trim()));
  else value = node.value.trim();
  return value === '' ? { kind: 'empty', at, end: at } : { kind: 'text', value, at, end: valueEnd };
}

/** A scalar or a list of scalars, as a list of texts; undefined if it is neither or any part is empty. */
export function readTextList(node: unknown, fallback: SourcePlace, y: YamlText): { values: string[]; at: SourcePlace } | undefined {
  if (isSeq(node)) {
    const values: string[] = [];
    let first: SourcePlace | undefined;
    for (const item of node.items) {
      const t = readText(item, fallback, y);
      if (t.kind !== 'text') return undefined;
      values.push(t.value);
      first ??= t.at;
    }
    return values.length > 0 ? { values, at: first! } : undefined;
  }
  const t = readText(node, fallback, y);
  return t.kind === 'text' ? { values: [t.value], at: t.at } : undefined;
}

/** The value as written in the file (for messages). */
export function writtenForm(node: unknown, y: YamlText): string {
  if (node === null || node === undefined) return '';
  const [start, end] = rangeOf(node);
  return y.yaml.slice(start, end).trim();
}

/** An integer value (plain or quoted digits) that a double holds exactly; undefined otherwise. */
export function readInteger(node: unknown): number | undefined {
  if (!isScalar(node)) return undefined;
  const v = node.value;
  // Past 2^53 a number is no longer exact (99999999999999999999999 would print as 1e+23).
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^[+-]?\d+$/.test(v.trim()) ? Number(v.trim()) : undefined;
  return n !== undefined && Number.isSafeInteger(n) ? n : undefined;
}

export function rangeOf(node: unknown): [number, number] {
  const range = (node as { range?: [number, number, number] } | null)?.range;
  return range ? [range[0], range[1]] : [0, 0];
}

/** The node's range without the white space and line breaks yaml counts into a block value. */
function trimmedRange(node: unknown, yaml: string): [number, number] {
  const [start, end] = rangeOf(node);
  let e = Math.min(end, yaml.length);
  while (e > start && /\s/.test(yaml[e - 1]!)) e--;
  return [start, e];
}

/** Offset of the value's first character: inside quotes, or the first line of a block scalar. */
function contentStart(node: Scalar, y: YamlText): number {
  const start = rangeOf(node)[0];
  switch (node.type) {
    case 'QUOTE_DOUBLE':
    case 'QUOTE_SINGLE':
      return start + 1;
    case 'BLOCK_LITERAL':
    case 'BLOCK_FOLDED': {
      const lineEnd = y.yaml.indexOf('\n', start);
      if (lineEnd === -1) return start;
      let i = lineEnd + 1;
      while (y.yaml[i] === ' ' || y.yaml[i] === '\n') i++;
      return Math.min(i, y.yaml.length);
    }
    default:
      return start;
  }
}
