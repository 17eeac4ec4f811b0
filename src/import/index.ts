// `bulletin import DIR FILE…`: department submissions (.docx, .txt, .md) as
// item files of an issue folder. Every file is read and every guess made
// before anything is written; then either all items (and their images) are
// written, or, on any error, nothing. An existing file is never replaced.

import fs from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { Diagnostics, type Diagnostic, type Localized } from '../diagnostics/diagnostic.js';
import { LIMITS, readRegularFile, reasonText, sizeText } from '../issue/read-file.js';
import { displayPath } from '../paths.js';
import { nextItemFile, readExisting, yamlString } from '../scaffold/new-item.js';
import { where, whereSpan, type Block, type Source } from './blocks.js';
import { readDocx } from './docx.js';
import { decodeText, readMd, readTxt } from './text.js';

export interface ImportOptions {
  department?: string;
  title?: string;
  brief?: boolean;
}

export interface ImportResult {
  diagnostics: Diagnostic[];
  /** The item files written, in the order of the sources. */
  written: string[];
}

/** What one source becomes. */
interface Draft {
  source: string;
  title?: string;
  department: string;
  kind: 'item' | 'brief';
  blocks: Block[];
  rest: Record<string, unknown>;
}

const AT_START = { line: 1, column: 1 };

/** An attribution at the end of a paragraph: （区卫健委）, a name without sentence punctuation. */
const ATTRIBUTION = /[（(]\s*([^（）()，。；：！？,;:!?\n]{2,24}?)\s*[）)]$/u;

/** A first paragraph short enough to be a title, and not a sentence. */
const isTitleLike = (plain: string) => plain.length <= 60 && !/[。！？；…：:;!?]$/u.test(plain);

const KIND: Record<Draft['kind'], Localized> = { item: { en: 'item', zh: '稿件' }, brief: { en: 'brief', zh: '简讯' } };

export async function importFiles(dir: string, files: string[], opts: ImportOptions): Promise<ImportResult> {
  const diags = new Diagnostics();
  const drafts: Draft[] = [];
  for (const file of files) {
    const source = await readSource(file, diags);
    const draft = source && guess(displayPath(file), source, opts, diags);
    if (draft) drafts.push(draft);
  }
  if (diags.hasErrors) return { diagnostics: diags.list, written: [] };
  const plans = plan(dir, drafts, diags);
  if (!plans) return { diagnostics: diags.list, written: [] };
  const written = write(plans, diags);
  if (written) for (const p of plans) diags.note(p.source, AT_START, 'import/written', { target: displayPath(p.target), kind: KIND[p.kind] });
  return { diagnostics: diags.list, written: written ? plans.map((p) => p.target) : [] };
}

async function readSource(file: string, diags: Diagnostics): Promise<Source | undefined> {
  const shown = displayPath(file);
  const ext = path.extname(file).toLowerCase();
  if (ext !== '.docx' && ext !== '.txt' && ext !== '.md') {
    diags.error(shown, AT_START, 'import/type', { path: shown, ext: ext || path.basename(file) });
    return undefined;
  }
  // A .docx holds images, so it may be as large as an image; text is an item's size.
  const read = readRegularFile(file, ext === '.docx' ? LIMITS.image : LIMITS.item);
  if (!read.ok) {
    diags.error(shown, AT_START, 'import/unreadable', { path: shown, reason: reasonText(read) });
    return undefined;
  }
  if (ext === '.docx') return readDocx(shown, read.bytes, diags);
  const text = decodeText(shown, read.bytes, diags);
  if (text === undefined) return undefined;
  return ext === '.txt' ? readTxt(text) : readMd(shown, text, diags);
}

/** Title, department and kind, each said with where it came from; undefined after an error. */
function guess(file: string, source: Source, opts: ImportOptions, diags: Diagnostics): Draft | undefined {
  const { unit, front } = source;
  const blocks = source.blocks.map((b) => ({ ...b }));
  if (!blocks.some((b) => b.kind !== 'image')) {
    diags.error(file, AT_START, 'import/empty', { path: file });
    return undefined;
  }
  const kind = opts.brief || front?.kind === 'brief' ? 'brief' : 'item';

  // The department: --department, else the front matter, else a trailing attribution, which is removed in
  // every case (the build prints the department there; the house does not print it twice).
  let department = opts.department ?? front?.department;
  const last = blocks.at(-1);
  const found = last?.kind === 'text' ? ATTRIBUTION.exec(last.plain.trimEnd()) : null;
  if (last?.kind === 'text' && found) {
    const name = found[1]!;
    const at = where(unit, last.at);
    if (found.index === 0) blocks.pop();
    else last.md = withoutAttribution(last.md);
    if (department !== undefined) diags.note(file, { line: last.at, column: 1 }, 'import/attribution-removed', { found: name, where: at, department });
    else {
      department = name;
      diags.note(file, { line: last.at, column: 1 }, 'import/department-from-attribution', { where: at, department });
    }
  } else if (department === undefined) {
    diags.error(file, { line: last?.at ?? 1, column: 1 }, 'import/no-department', { where: where(unit, last?.at ?? 1) });
  } else if (opts.department === undefined) {
    diags.note(file, AT_START, 'import/department-from-front-matter', { department });
  }

  // The title: --title, else the front matter, else a paragraph in a title style or a short first paragraph.
  let title = opts.title ?? (kind === 'item' ? front?.title : undefined);
  if (title !== undefined && opts.title === undefined) diags.note(file, AT_START, 'import/title-from-front-matter', { title });
  const first = blocks[0];
  if (kind === 'item' && title === undefined) {
    if (first?.kind === 'text' && (first.style || isTitleLike(first.plain))) {
      // A long title is often typed as two paragraphs in the title style: they are one title.
      const parts = [blocks.shift() as typeof first];
      while (first.style && blocks[0]?.kind === 'text' && blocks[0].style === first.style) parts.push(blocks.shift() as typeof first);
      title = parts.map((p) => p.plain.replace(/\s*\n\s*/g, '').trim()).join('');
      const span = parts.length > 1 ? whereSpan(unit, first.at, parts.at(-1)!.at) : where(unit, first.at);
      const args = { where: span, title };
      if (first.style) diags.note(file, { line: first.at, column: 1 }, 'import/title-from-style', { ...args, style: first.style });
      else diags.note(file, { line: first.at, column: 1 }, 'import/title-from-paragraph', args);
    } else {
      diags.error(file, { line: first?.at ?? 1, column: 1 }, 'import/no-title', { where: where(unit, first?.at ?? 1) });
    }
  }
  for (const b of blocks) {
    if (b.kind === 'text' && b.style) diags.warning(file, { line: b.at, column: 1 }, 'import/heading', { where: where(unit, b.at), style: b.style });
  }
  if (department === undefined || (kind === 'item' && title === undefined)) return undefined;
  if (!blocks.some((b) => b.kind !== 'image')) {
    diags.error(file, AT_START, 'import/empty', { path: file });
    return undefined;
  }
  return { source: file, ...(title !== undefined ? { title } : {}), department, kind, blocks, rest: front?.rest ?? {} };
}

/** The paragraph's Markdown without its trailing attribution (and a bold run it closed, rebalanced). */
function withoutAttribution(md: string): string {
  let out = md.replace(/\s*[（(][^（）()]*[）)][*]*\s*$/u, '').replace(/(?<!\\)\*\*\*\*$/, '');
  if ((out.match(/(?<!\\)\*\*/g) ?? []).length % 2) out += '**';
  return out;
}

interface Plan {
  source: string;
  kind: Draft['kind'];
  target: string;
  text: string;
  images: Array<{ target: string; bytes: Uint8Array }>;
}

/** Each draft's file name and text, after the checks that nothing would be overwritten or repeated. */
function plan(dir: string, drafts: Draft[], diags: Diagnostics): Plan[] | undefined {
  const existing = readExisting(dir);
  const plans: Plan[] = [];
  for (const d of drafts) {
    // Drafts (`_a.md`) are not items: a source kept in the folder as a draft is no earlier import.
    const before = d.title !== undefined && existing.find((e) => !/^[_.]/.test(e.name) && e.title === d.title && e.department === d.department);
    if (before) {
      diags.error(d.source, AT_START, 'import/already-imported', { target: displayPath(path.join(dir, before.name)) });
      continue;
    }
    const { file, order } = nextItemFile(dir, d.department, d.kind, existing);
    const base = path.basename(file, '.md');
    const m = /^(\d+)/.exec(base);
    existing.push({ name: path.basename(file), ...(m ? { prefix: Number(m[1]) } : {}), width: m?.[1]?.length ?? 0, kind: d.kind, ...(order !== undefined ? { order } : {}) });

    // Images go to the photos folder, named after the item: 03-区卫健委-1.png.
    const images: Plan['images'] = [];
    const body = d.blocks.map((b) => {
      if (b.kind !== 'image') return b.md;
      const name = `${base}-${images.length + 1}.${b.ext}`;
      images.push({ target: path.join(dir, 'photos', name), bytes: b.bytes });
      return `![](photos/${name})`;
    });
    for (const t of [file, ...images.map((i) => i.target)]) {
      if (fs.existsSync(t)) diags.error(d.source, AT_START, 'import/exists', { target: displayPath(t) });
    }
    const front = ['---'];
    if (d.title !== undefined) front.push(`title: ${yamlString(d.title)}`);
    front.push(`department: ${yamlString(d.department)}`);
    if (d.kind === 'brief') front.push('kind: brief');
    if (order !== undefined && !('order' in d.rest)) front.push(`order: ${order}`);
    if (Object.keys(d.rest).length) front.push(stringify(d.rest).trimEnd());
    const text = `${[...front, '---', body.join('\n\n')].join('\n')}\n`;
    const size = Buffer.byteLength(text);
    if (size > LIMITS.item) diags.error(d.source, AT_START, 'import/item-too-large', { path: d.source, size: sizeText(size), limit: sizeText(LIMITS.item) });
    plans.push({ source: d.source, kind: d.kind, target: file, text, images });
  }
  return diags.hasErrors ? undefined : plans;
}

/** Writes every plan, never over a file; on any failure removes what it wrote. True when all was written. */
function write(plans: Plan[], diags: Diagnostics): boolean {
  const made: string[] = [];
  let madeFolder: string | undefined;
  let target = '';
  try {
    for (const p of plans) {
      for (const img of p.images) {
        const folder = path.dirname(img.target);
        if (!fs.existsSync(folder)) {
          fs.mkdirSync(folder);
          madeFolder = folder;
        }
        target = img.target;
        fs.writeFileSync(target, img.bytes, { flag: 'wx' });
        made.push(target);
      }
      target = p.target;
      fs.writeFileSync(target, p.text, { flag: 'wx' });
      made.push(target);
    }
    return true;
  } catch (e) {
    for (const f of made.reverse()) fs.rmSync(f, { force: true });
    // The photos folder this run made, if it is empty again (rmdir refuses a folder that is not).
    if (madeFolder) fs.rmdirSync(madeFolder, { maxRetries: 0 });
    const code = (e as NodeJS.ErrnoException).code ?? 'unknown';
    const source = plans.find((p) => p.target === target || p.images.some((i) => i.target === target))?.source ?? target;
    if (code === 'EEXIST') diags.error(source, AT_START, 'import/exists', { target: displayPath(target) });
    else diags.error(source, AT_START, 'output/write-failed', { path: displayPath(target), reason: code });
    return false;
  }
}
