// `bulletin new`: the next item file of a folder, with its frontmatter filled in.

import fs from 'node:fs';
import path from 'node:path';
import { PLACEHOLDER } from '../issue/placeholders.js';
import { LIMITS, readRegularFile } from '../issue/read-file.js';
import { parse } from 'yaml';

export interface NewItem {
  department: string;
  brief: boolean;
  title?: string;
}

export interface Existing {
  name: string;
  prefix?: number;
  width: number;
  kind: string;
  order?: number;
  title?: string;
  department?: string;
}

export function readExisting(dir: string): Existing[] {
  return fs.readdirSync(dir).filter((f) => f.endsWith('.md')).map((name) => {
    const m = /^(\d+)[-_ ]?/.exec(name);
    let kind = 'item';
    let order: number | undefined;
    let title: string | undefined;
    let department: string | undefined;
    try {
      const read = readRegularFile(path.join(dir, name), LIMITS.item);
      if (!read.ok) throw new Error(read.why);
      const text = read.bytes.toString('utf8').replace(/^\uFEFF/, '');
      const front = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1];
      const meta = front ? (parse(front) as Record<string, unknown> | null) : null;
      if (meta && meta.kind === 'brief') kind = 'brief';
      if (meta && Number.isInteger(meta.order)) order = meta.order as number;
      if (meta && typeof meta.title === 'string') title = meta.title;
      if (meta && typeof meta.department === 'string') department = meta.department;
    } catch {
      // A broken file still takes its number; `bulletin check` reports what is wrong with it.
    }
    return { name, ...(m ? { prefix: Number(m[1]) } : {}), width: m ? m[1]!.length : 0, kind, ...(order !== undefined ? { order } : {}), ...(title !== undefined ? { title } : {}), ...(department !== undefined ? { department } : {}) };
  });
}

/** A file name from a department name: Chinese is fine, path and shell-unfriendly characters are not. */
export function safeName(text: string): string {
  const cleaned = text.normalize('NFC').replace(/[\\/:*?"<>|\s()（）【】\[\]{}'`$&;,，、。]+/gu, '-').replace(/^-+|-+$/g, '');
  return cleaned || 'item';
}

export function yamlString(s: string): string {
  return /^[\p{L}\p{N}][\p{L}\p{N}\p{Pd}·（）“”《》、，。 ]*$/u.test(s) && !/^(true|false|null|yes|no|on|off|\d)/i.test(s) ? s : JSON.stringify(s);
}

/** The next item file's path in `dir` (number after the highest, then the department) and its `order`, if any. */
export function nextItemFile(dir: string, department: string, kind: 'item' | 'brief', existing = readExisting(dir)): { file: string; order?: number } {
  const next = Math.max(0, ...existing.map((e) => e.prefix ?? 0)) + 1;
  const width = Math.max(2, ...existing.map((e) => e.width));
  const base = `${String(next).padStart(width, '0')}-${safeName(department)}`;
  let file = path.join(dir, `${base}.md`);
  for (let k = 2; fs.existsSync(file); k++) file = path.join(dir, `${base}-${k}.md`);
  // `order` only where the folder already orders this kind by it; else the file name places the new file last.
  const orders = existing.filter((e) => e.kind === kind && e.order !== undefined).map((e) => e.order!);
  return { file, ...(orders.length ? { order: Math.max(...orders) + 1 } : {}) };
}

/** Write the next item file; returns its path. */
export function newItem(dir: string, spec: NewItem): string {
  const { file, order } = nextItemFile(dir, spec.department, spec.brief ? 'brief' : 'item');
  const lines = ['---'];
  if (!spec.brief) lines.push(`title: ${yamlString(spec.title ?? PLACEHOLDER.title)}`);
  lines.push(`department: ${yamlString(spec.department)}`);
  if (spec.brief) lines.push('kind: brief');
  if (order !== undefined) lines.push(`order: ${order}`);
  lines.push('---', spec.brief ? PLACEHOLDER.briefBody : PLACEHOLDER.body, '');
  fs.writeFileSync(file, lines.join('\n'), { flag: 'wx' });
  return file;
}
