// Reading typed values out of a template chain (source.ts): each reader looks a
// key up in the template, then in what it extends, and reports a missing or
// wrong value as `template/invalid` at the line that wrote it (or, for a key
// nobody wrote, at its nearest written parent). There are no fallbacks here:
// every default is written once, in templates/default.yaml.

import path from 'node:path';
import { isScalar, isSeq, type Node } from 'yaml';
import type { Diagnostics, Localized } from '../diagnostics/diagnostic.js';
import { TEMPLATE_REASONS, templateReason } from './messages.js';
import { ROLES, type FontSpec, type Role, type TextStyle } from './model.js';
import { lookup, positionOf, type Found, type TemplateDoc } from './source.js';
import { parseLength } from './units.js';

export interface TemplateReader {
  readonly chain: TemplateDoc[];
  found(keys: string[]): Found | undefined;
  /** An error about the value at `keys` (English reasons are translated by messages.ts). */
  fail(keys: string[], reason: string | Localized): void;
  /** The value at `keys` as plain data; undefined when no template in the chain has it. */
  raw(keys: string[]): unknown;
  num(keys: string[]): number;
  /** A length in points; `em` is the size an `em` is relative to. */
  len(keys: string[], em?: number): number;
  /** A length greater than 0. */
  positive(keys: string[]): number;
  str(keys: string[]): string;
  bool(keys: string[]): boolean;
  role(keys: string[]): Role;
  oneOf<T extends string>(keys: string[], options: readonly T[]): T;
  /** `font`, `size` and `color` of a styled element. */
  style(keys: string[]): TextStyle;
  /** A font value: a face, or a list [face, fallback…]; [] when not written. */
  fontSpecs(keys: string[]): FontSpec[];
}

export function templateReader(chain: TemplateDoc[], diags: Diagnostics): TemplateReader {
  const top = chain[0]!;
  const found = (keys: string[]) => lookup(chain, keys);

  const fail = (keys: string[], reason: string | Localized) => {
    let at = found(keys);
    for (let k = keys.length - 1; !at && k > 0; k--) at = found(keys.slice(0, k));
    const src = at?.src ?? top;
    const where = positionOf(src, at?.node ?? src.doc.contents);
    const key = `\`${keys.join('.')}\``;
    const said = typeof reason === 'string' ? templateReason(key, reason) : { en: `${key} ${reason.en}`, zh: `${key} ${reason.zh}` };
    // A value read twice (a size is also the em of its letter spacing) is reported once.
    const same = (d: Diagnostics['list'][number]) =>
      d.file === src.shown && d.start.offset === where.offset && d.rule === 'template/invalid' && (d.args.reason as Localized | undefined)?.en === said.en;
    if (diags.list.some(same)) return;
    diags.error(src.shown, where, 'template/invalid', { name: src.shown, reason: said });
  };

  const raw = (keys: string[]): unknown => {
    const n = found(keys)?.node;
    return isScalar(n) ? n.value : n === undefined ? undefined : (n as { toJSON(): unknown }).toJSON();
  };
  /** The value, or undefined after reporting that no template in the chain has it. */
  const given = (keys: string[]): unknown => {
    const v = raw(keys);
    if (v === undefined) fail(keys, TEMPLATE_REASONS.missing);
    return v;
  };

  const num = (keys: string[]) => {
    const v = given(keys);
    if (v === undefined) return 0;
    if (typeof v !== 'number' || !Number.isFinite(v)) { fail(keys, 'must be a number'); return 0; }
    return v;
  };
  const len = (keys: string[], em?: number) => {
    const v = given(keys);
    if (v === undefined) return 0;
    const pt = parseLength(v, em);
    if (pt === undefined) { fail(keys, 'must be a length such as 16pt, 37mm, 0.25em or 三号'); return 0; }
    return pt;
  };
  const str = (keys: string[]) => {
    const v = given(keys);
    if (v === undefined) return '';
    if (typeof v !== 'string') { fail(keys, 'must be text'); return ''; }
    return v;
  };
  const bool = (keys: string[]) => {
    const v = given(keys);
    if (v !== undefined && typeof v !== 'boolean') fail(keys, 'must be true or false');
    return v === true;
  };
  const positive = (keys: string[]) => {
    const v = len(keys);
    if (v <= 0 && raw(keys) !== undefined) fail(keys, 'must be a length greater than 0');
    return v;
  };
  const oneOf = <T extends string>(keys: string[], options: readonly T[]): T => {
    const v = str(keys);
    if (!(options as readonly string[]).includes(v)) {
      if (raw(keys) !== undefined) fail(keys, `must be one of ${options.join(', ')}`);
      return options[0]!;
    }
    return v as T;
  };
  const role = (keys: string[]) => oneOf(keys, ROLES);
  const style = (keys: string[]): TextStyle => ({ font: role([...keys, 'font']), size: len([...keys, 'size']), color: str([...keys, 'color']) });

  // Each face keeps the template that named it: its line for messages, its folder for relative paths.
  const fontSpecs = (keys: string[]): FontSpec[] => {
    const at = found(keys);
    if (!at) return [];
    const items = isSeq(at.node) ? at.node.items : [at.node];
    const out: FontSpec[] = [];
    for (const item of items) {
      const v = isScalar(item) ? item.value : undefined;
      if (typeof v !== 'string' || !v.trim()) { fail(keys, 'must be a font (file or name) or a list of them'); return []; }
      const p = positionOf(at.src, item as Node);
      out.push({ spec: v.trim(), line: p.line, column: p.column, file: at.src.shown, dir: path.dirname(at.src.file) });
    }
    return out;
  };

  return { chain, found, fail, raw, num, len, positive, str, bool, role, oneOf, style, fontSpecs };
}
