// The front matter of nearly every item is a few `key: value` lines. Such a
// text is read here, line by line, into the nodes the `yaml` package would make
// (its own Pair and Scalar classes, values resolved by its own core-schema
// tags): in a cold build, where `yaml` runs in V8's interpreter, its parser
// costs a quarter of a millisecond per item, this a few hundredths.
// Anything else — quotes, brackets, indentation, a comment after a value, a
// repeated key, a line that is not `key: value` — returns undefined, and the
// `yaml` package reads the text, errors and all.

import { isScalar, Pair, Scalar, Schema, type ScalarTag } from 'yaml';

/**
 * Characters that send a text to the full parser wherever they stand: controls
 * (tab, CR), the BOM, quotes, flow brackets. (Without brackets and
 * indentation, yaml-guard's depth check has nothing to count.)
 */
const CONTROLS = '\\x00-\\x1f\\x7f-\\x9f\\ufeff';
const ANYWHERE = `${CONTROLS}"'\\[\\]{}`;
/** Characters that may not start a plain key or value (YAML's indicators), nor white space. */
const FIRST = `\\s\\-?:,#&*!|>%@\`${ANYWHERE}`;
/**
 * `key:` or `key: value`. A key has no `:` or `#` and does not start with `.`
 * (no `...` document end); a value has one space before it and none after.
 */
const ENTRY = new RegExp(`^([^.${FIRST}](?:[^:#${ANYWHERE}]*[^\\s:#${ANYWHERE}])?):(?: ([^${FIRST}][^${ANYWHERE}]*))?$`);
const COMMENT = new RegExp(`^#[^${CONTROLS}]*$`);
/** Longer keys are refused by YAML (1024 characters) and never front matter. */
const MAX_KEY = 100;

/** The core schema's scalar tags, in the order the composer tries them. */
let coreTags: ScalarTag[] | undefined;

/** The top-level pairs of `text`, or undefined when it is not simple `key: value` lines. */
export function simpleYamlMap(text: string): Pair<Scalar, Scalar>[] | undefined {
  const pairs: Pair<Scalar, Scalar>[] = [];
  const keys = new Set<string>();
  let start = 0;
  let emptyBefore = false;
  while (start <= text.length) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    const line = text.slice(start, end);
    if (line === '' || COMMENT.test(line)) {
      // yaml hangs a blank or comment line after `key:` on the empty value (spaceBefore, a longer range); the end of the text is not one.
      if (emptyBefore && !(line === '' && newline === -1)) return undefined;
    } else {
      const m = ENTRY.exec(line);
      if (!m) return undefined;
      const key = m[1]!;
      const value = m[2];
      if (key.length > MAX_KEY) return undefined;
      if (value !== undefined && (value.includes(': ') || value.includes(' #') || value.endsWith(':') || value.endsWith(' '))) return undefined;
      const keyNode = scalar(key, start, start + key.length);
      const afterColon = start + key.length + 1;
      const valueAt = afterColon + 1;
      // A value's node ends past its line break; an empty one is placed just after the colon.
      const valueNode = value === undefined ? scalar('', afterColon, afterColon) : scalar(value, valueAt, valueAt + value.length + (newline === -1 ? 0 : 1));
      if (!keyNode || !valueNode) return undefined;
      // yaml reports a repeated key (as values compared with ===); the String form catches every such pair, and more.
      const shown = String(keyNode.value);
      if (keys.has(shown)) return undefined;
      keys.add(shown);
      pairs.push(new Pair(keyNode, valueNode));
      emptyBefore = value === undefined;
    }
    if (newline === -1) break;
    start = newline + 1;
  }
  return pairs.length > 0 ? pairs : undefined;
}

/** A plain scalar as yaml's composer makes it: resolved by the first core tag whose test matches, else a string. */
function scalar(source: string, start: number, nodeEnd: number): Scalar | undefined {
  coreTags ??= new Schema({ schema: 'core' }).tags.filter((t): t is ScalarTag => !t.collection && t.default === true && t.test !== undefined);
  const tag = coreTags.find((t) => t.test!.test(source));
  let failed = false;
  const resolved = tag ? tag.resolve(source, () => (failed = true), {}) : source;
  if (failed) return undefined;
  const node = isScalar(resolved) ? resolved : new Scalar(resolved);
  node.range = [start, start + source.length, nodeEnd];
  node.source = source;
  node.type = 'PLAIN';
  if (tag?.format) node.format = tag.format;
  return node;
}
