// What stands between a YAML text and the `yaml` package: a linear scan that
// refuses nesting deeper than any bulletin needs (the parser recurses, and
// 10,000 levels end in "Maximum call stack size exceeded"), and the package's
// error codes said in the project's own words (its wording names its API,
// e.g. "please use YAML.parseAllDocuments()").

import { YAMLError } from 'yaml';
import type { Localized } from '../diagnostics/diagnostic.js';
import { YAML_REASONS } from './messages.js';

/** Levels of `[`/`{` or of block indentation; issue.yaml needs 3, a template 4. */
export const MAX_YAML_DEPTH = 32;

/** Characters after which a quote opens a quoted string (elsewhere it is part of a plain value): line start : - [ { , */
const QUOTE_AFTER = new Set([10, 58, 45, 91, 123, 44]);

/** Offset where `text` first nests deeper than MAX_YAML_DEPTH, or undefined. */
export function yamlTooDeep(text: string): number | undefined {
  let flow = 0;
  let lineStart = true;
  let blockMarks = 0;
  let prev = 10; // the last character that was not a space
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32) continue;
    const before = prev;
    prev = c;
    if (c === 10) {
      lineStart = true;
      blockMarks = 0;
      continue;
    }
    if (lineStart) {
      // Indentation and `- ` / `? ` marks at the start of a line open block levels.
      const indent = i - text.lastIndexOf('\n', i) - 1;
      if (indent > 2 * MAX_YAML_DEPTH) return i;
      if ((c === 45 || c === 63) && (text.charCodeAt(i + 1) === 32 || text.charCodeAt(i + 1) === 10)) {
        if (++blockMarks > MAX_YAML_DEPTH) return i;
        continue;
      }
      lineStart = false;
    }
    if (c === 35 && (i === 0 || text.charCodeAt(i - 1) === 32)) {
      // A comment: skip to the line's end.
      const end = text.indexOf('\n', i);
      if (end === -1) break;
      i = end - 1;
    } else if ((c === 34 || c === 39) && QUOTE_AFTER.has(before)) {
      // A quoted string: brackets in it do not nest ("" and '' both end at the next unescaped quote).
      let j = i + 1;
      while (j < text.length && text.charCodeAt(j) !== c) j += c === 34 && text.charCodeAt(j) === 92 ? 2 : 1;
      i = j;
    } else if (c === 91 || c === 123) {
      if (++flow > MAX_YAML_DEPTH) return i;
    } else if ((c === 93 || c === 125) && flow > 0) {
      flow--;
    }
  }
  return undefined;
}

/** The reason for a YAML error, in both languages, from its code (never the package's wording). */
export function yamlReason(e: unknown): Localized {
  const code = e instanceof YAMLError ? e.code : undefined;
  if (code === 'MISSING_CHAR') {
    const message = (e as YAMLError).message;
    if (/quote/.test(message)) return YAML_REASONS['missing-quote']!;
    if (/[\]}]/.test(message)) return YAML_REASONS['missing-bracket']!;
  }
  return (code && YAML_REASONS[code]) || YAML_REASONS.other!;
}
