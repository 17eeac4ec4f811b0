// Plain text and Markdown submissions as blocks. Text pasted out of an OA
// system or saved by Notepad on Chinese Windows is as often GBK as UTF-8: the
// bytes are read as UTF-8 when they are valid UTF-8, else as GB18030 (GBK's
// superset, decoded by Node's ICU), and the message says which was assumed.

import { parse } from 'yaml';
import type { Diagnostics } from '../diagnostics/diagnostic.js';
import { escapeMarkdown, type Block, type FrontMatter, type Source } from './blocks.js';
import { yamlTooDeep } from '../issue/yaml-guard.js';

/** The text of a submission, or undefined after an error in `diags`. */
export function decodeText(file: string, bytes: Uint8Array, diags: Diagnostics): string | undefined {
  const note = (encoding: string) => diags.note(file, { line: 1, column: 1 }, 'import/encoding-assumed', { encoding });
  const decode = (label: string, from = 0) => new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes.subarray(from));
  let text: string;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const t = tryDecode(() => decode('utf-8', 3));
    if (t === undefined) return badBytes(file, bytes, diags);
    note('UTF-8 (with BOM)');
    text = t;
  } else if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    const le = bytes[0] === 0xff;
    const t = tryDecode(() => decode(le ? 'utf-16le' : 'utf-16be', 2));
    if (t === undefined) return badBytes(file, bytes, diags);
    note(le ? 'UTF-16LE' : 'UTF-16BE');
    text = t;
  } else {
    const utf8 = tryDecode(() => decode('utf-8'));
    if (utf8 !== undefined) {
      note('UTF-8');
      text = utf8;
    } else {
      const gb = tryDecode(() => decode('gb18030'));
      if (gb === undefined) return badBytes(file, bytes, diags);
      diags.note(file, { line: 1, column: 1 }, 'import/encoding-gb18030');
      text = gb;
    }
  }
  if (text.includes('\0')) {
    diags.error(file, { line: 1, column: 1 }, 'import/nul', { path: file });
    return undefined;
  }
  return text.replace(/\r\n?/g, '\n');
}

function tryDecode(f: () => string): string | undefined {
  try {
    return f();
  } catch {
    return undefined;
  }
}

/** The error for bytes that are no text we know, at the line of the first byte that is not UTF-8. */
function badBytes(file: string, bytes: Uint8Array, diags: Diagnostics): undefined {
  const lossy = new TextDecoder('utf-8').decode(bytes);
  const bad = lossy.indexOf('\uFFFD');
  const line = lossy.slice(0, Math.max(0, bad)).split('\n').length;
  diags.error(file, { line, column: 1 }, 'import/encoding', { path: file, line });
  return undefined;
}

interface Para {
  lines: string[];
  at: number;
}

/**
 * Paragraphs of a text: separated by blank lines where the text has any, else
 * one per line (text pasted from an OA form has one paragraph per line, each
 * indented with full-width spaces).
 */
function paragraphs(text: string, firstLine = 1, markdown = false): Para[] {
  const lines = text.split('\n');
  const blank = (l: string) => !l.replace(/[\s\u3000]/g, '');
  const byBlank = markdown || lines.some((l, i) => blank(l) && i > 0 && i < lines.length - 1 && !blank(lines[i - 1]!));
  const out: Para[] = [];
  let cur: Para | undefined;
  lines.forEach((l, i) => {
    if (blank(l)) cur = undefined;
    else if (cur && byBlank) cur.lines.push(l);
    else out.push((cur = { lines: [l], at: firstLine + i }));
  });
  return out;
}

/** A .txt: every paragraph as text, its first-line indent dropped. */
export function readTxt(text: string): Source {
  const blocks: Block[] = paragraphs(text).map((p) => {
    const lines = p.lines.map((l) => l.replace(/^[\s\u3000]+|[\s\u3000]+$/g, ''));
    return { kind: 'text', md: escapeMarkdown(lines.join('\n')), plain: lines.join(''), at: p.at };
  });
  return { unit: 'line', blocks };
}

const FRONT = /^---[ \t]*\n([\s\S]*?\n)?---[ \t]*(?:\n|$)/;

/** A .md: its own front matter, if any, and its blocks as written (a leading `# title` is a title style). */
export function readMd(file: string, text: string, diags: Diagnostics): Source | undefined {
  let body = text.replace(/^\uFEFF/, '');
  let firstLine = 1;
  let front: FrontMatter | undefined;
  const m = FRONT.exec(body);
  if (m) {
    const yaml = m[1] ?? '';
    let meta: unknown;
    try {
      meta = yamlTooDeep(yaml) === undefined ? parse(yaml) : undefined;
    } catch {
      meta = undefined;
    }
    if (meta !== null && (typeof meta !== 'object' || Array.isArray(meta))) {
      diags.error(file, { line: 2, column: 1 }, 'import/front-matter', { path: file });
      return undefined;
    }
    const { title, department, kind, ...rest } = (meta ?? {}) as Record<string, unknown>;
    front = {
      ...(typeof title === 'string' ? { title } : {}),
      ...(typeof department === 'string' ? { department } : {}),
      ...(typeof kind === 'string' ? { kind } : {}),
      rest,
    };
    firstLine = m[0].split('\n').length - (m[0].endsWith('\n') ? 1 : 0);
    body = body.slice(m[0].length);
    firstLine += 1;
  }
  const blocks: Block[] = paragraphs(body, firstLine, true).map((p) => {
    const md = p.lines.join('\n').trim();
    const heading = /^#{1,6}[ \t]+(.*?)[ \t#]*$/.exec(md);
    if (heading && p.lines.length === 1) return { kind: 'text', md: heading[1]!, plain: heading[1]!, at: p.at, style: '#'.repeat(md.indexOf(' ')) };
    return { kind: /^\|.*\|\s*\n\|[\s:|-]+\|/.test(md) ? 'table' : 'text', md, plain: md.replace(/[*_\\]/g, ''), at: p.at };
  });
  return { unit: 'line', blocks, ...(front ? { front } : {}) };
}
