// A template and the templates it extends, as parsed YAML documents. A key is
// looked up in the template first, then in what it extends, so every value —
// and every error about it — keeps the file and line it was written at.

import fs from 'node:fs';
import path from 'node:path';
import { isMap, isScalar, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { positionAt, type Diagnostics, type Position } from '../diagnostics/diagnostic.js';
import { decodeSource } from '../issue/decode.js';
import { checkFile, LIMITS, readRegularFile, reasonText } from '../issue/read-file.js';
import { YAML_REASONS } from '../issue/messages.js';
import { yamlReason, yamlTooDeep } from '../issue/yaml-guard.js';
import { displayPath, templatesDir } from '../paths.js';
import { templateReason } from './messages.js';

export interface TemplateDoc {
  file: string;
  shown: string;
  doc: Document;
  lc: LineCounter;
}

export interface Found {
  node: Node;
  src: TemplateDoc;
}

/** Names of the bundled templates, for "not found" messages. */
export function availableTemplates(): string {
  try {
    return fs.readdirSync(templatesDir).filter((f) => f.endsWith('.yaml')).map((f) => f.slice(0, -5)).sort().join(', ');
  } catch {
    return '';
  }
}

/** Find a template by name (templates/NAME.yaml) or by path (relative to `baseDir`). */
export function findTemplate(nameOrPath: string, baseDir: string): string {
  if (/[\\/]|\.ya?ml$/.test(nameOrPath)) return path.resolve(baseDir, nameOrPath);
  return path.join(templatesDir, `${nameOrPath}.yaml`);
}

export function positionOf(src: TemplateDoc, node: Node | null | undefined): Position {
  const off = node?.range?.[0] ?? 0;
  const p = src.lc.linePos(off);
  return { line: p.line, column: p.col, offset: off };
}

/**
 * Parsed templates by file, reused while the text is the same. A long-lived
 * caller (watch mode) keeps one between builds and passes it in; a one-shot
 * build passes none and parses each file once. Nothing mutates the documents.
 */
export type TemplateCache = Map<string, { text: string; doc: Document; lc: LineCounter }>;

function parsed(file: string, text: string, cache: TemplateCache | undefined): { doc: Document; lc: LineCounter } {
  const hit = cache?.get(file);
  if (hit && hit.text === text) return hit;
  const lc = new LineCounter();
  const entry = { text, doc: parseDocument(text, { lineCounter: lc, prettyErrors: false }), lc };
  cache?.set(file, entry);
  return entry;
}

/** Read a template and its `extends:` chain, child first. Undefined when any of them is unreadable. */
export function readChain(file: string, diags: Diagnostics, cache?: TemplateCache, seen: string[] = []): TemplateDoc[] | undefined {
  const shown = displayPath(file);
  if (seen.includes(file)) {
    diags.error(shown, { line: 1, column: 1 }, 'template/invalid', { name: shown, reason: templateReason('`extends`', `makes a loop: ${[...seen, file].map(displayPath).join(' → ')}`) });
    return undefined;
  }
  const read = readRegularFile(file, LIMITS.template);
  if (!read.ok) {
    if (read.why === 'missing') diags.error(shown, { line: 1, column: 1 }, 'template/not-found', { name: shown, looked: shown, available: availableTemplates() });
    else diags.error(shown, { line: 1, column: 1 }, 'template/unreadable', { path: shown, reason: reasonText(read) });
    return undefined;
  }
  const decoded = decodeSource(read.bytes);
  if (!decoded.ok) {
    diags.error(shown, { line: decoded.line, column: decoded.column }, 'template/unreadable', { path: shown, reason: YAML_REASONS['not-utf8']! });
    return undefined;
  }
  const text = decoded.text;
  const deep = yamlTooDeep(text);
  if (deep !== undefined) {
    diags.error(shown, positionAt(text, deep), 'template/invalid', { name: shown, reason: YAML_REASONS['too-deep']! });
    return undefined;
  }
  const { doc, lc } = parsed(file, text, cache);
  const src: TemplateDoc = { file, shown, doc, lc };
  for (const e of doc.errors) {
    const p = lc.linePos(e.pos[0]);
    diags.error(shown, { line: p.line, column: p.col }, 'template/invalid', { name: shown, reason: yamlReason(e) });
  }
  if (doc.errors.length) return undefined;
  if (doc.contents && !isMap(doc.contents)) {
    diags.error(shown, positionOf(src, doc.contents), 'template/invalid', { name: shown, reason: templateReason('', 'a template is a map of keys') });
    return undefined;
  }
  const parent = doc.get('extends', true) as Node | undefined;
  if (parent === undefined) return [src];
  if (!isScalar(parent) || typeof parent.value !== 'string') {
    diags.error(shown, positionOf(src, parent), 'template/invalid', { name: shown, reason: templateReason('`extends`', 'must name a template') });
    return undefined;
  }
  const parentFile = findTemplate(parent.value, path.dirname(file));
  const checked = checkFile(parentFile, LIMITS.template);
  if (!checked.ok) {
    // Reported at the `extends:` line, the one to change.
    if (checked.why === 'missing') diags.error(shown, positionOf(src, parent), 'template/not-found', { name: parent.value, looked: displayPath(parentFile), available: availableTemplates() });
    else diags.error(shown, positionOf(src, parent), 'template/unreadable', { path: displayPath(parentFile), reason: reasonText(checked) });
    return undefined;
  }
  const rest = readChain(parentFile, diags, cache, [...seen, file]);
  return rest ? [src, ...rest] : undefined;
}

/** The node at `keys` in the first template of the chain that has it. */
export function lookup(chain: TemplateDoc[], keys: string[]): Found | undefined {
  for (const src of chain) {
    const node = src.doc.getIn(keys, true) as Node | undefined;
    if (node !== undefined && node !== null) return { node, src };
  }
  return undefined;
}

/** Keys of the map at `keys`, over the whole chain, in first-seen order. */
export function keysAt(chain: TemplateDoc[], keys: string[]): string[] {
  const out: string[] = [];
  for (const src of [...chain].reverse()) {
    const node = keys.length ? src.doc.getIn(keys, true) : src.doc.contents;
    if (!isMap(node)) continue;
    for (const pair of node.items) {
      const k = String(isScalar(pair.key) ? pair.key.value : pair.key);
      if (!out.includes(k)) out.push(k);
    }
  }
  return out;
}
