// The pipeline of architecture.md: load → fonts → layout → render → write
// (check.ts runs the stages before layout, lint included).
// Each stage adds diagnostics; the first stage with errors stops the build, so
// a failed build writes nothing and leaves the last good PDF alone.

import path from 'node:path';
import { checkIssue, type CheckCaches } from './check.js';
import { Diagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { FontSet } from '../fonts/fontset.js';
import type { Issue } from '../issue/model.js';
import { layoutIssue, type BlockCache } from '../layout/index.js';
import { writeAtomic } from '../output/write-atomic.js';
import type { Compiled } from './compiled.js';
import type { PdfOptions } from '../render/pdf/index.js';
import type { Template } from '../template/model.js';
import { numberingOf } from '../content/printed-words.js';

export type { Compiled };

export interface CompileResult {
  compiled?: Compiled;
  diagnostics: Diagnostic[];
  skipped: string[];
  /** Text of every source file by display path, for showing the line of a diagnostic. */
  sources: Record<string, string>;
}

/** What a long-lived caller (watch, preview) keeps between builds; a one-shot build passes none. */
export interface StageCaches extends CheckCaches {
  /** The block cache that is valid for this template and these fonts. */
  blocks?(template: Template, fonts: FontSet, issue: Issue): BlockCache;
}

/** Load, check and lay out an issue folder: everything but the PDF. `strict`: a font fallback is an error. */
export async function compile(dir: string, strict = false, caches: StageCaches = {}): Promise<CompileResult> {
  const { ready, diagnostics, skipped, sources } = await checkIssue(dir, strict, caches);
  if (!ready) return { diagnostics, skipped, sources };
  const { issue, template, fonts } = ready;
  const pages = layoutIssue(issue, template, fonts, caches.blocks?.(template, fonts, issue));
  return { compiled: { issue, template, fonts, pages }, diagnostics, skipped, sources };
}

export type OutputFormat = 'pdf' | 'docx' | 'ofd';

export interface BuildOptions {
  dir: string;
  /** Output path; default: the folder's name with .pdf, beside the folder. The .docx and .ofd go beside it. */
  output?: string;
  /** What to write (default: the PDF only). */
  formats?: OutputFormat[];
  /** Embed the font files in the .docx. */
  embedFonts?: boolean;
  /** Fixed creation date (SOURCE_DATE_EPOCH); default now. */
  date?: Date;
  /** A character drawn by a fallback face is an error, not a note. */
  strict?: boolean;
  /** The PDF as the archival edition: tagged PDF/A-2a in sRGB. */
  pdfa?: boolean;
}

export interface BuildResult {
  diagnostics: Diagnostic[];
  skipped: string[];
  sources: Record<string, string>;
  output: string;
  /** Files written, in order (the PDF, the .docx, the .ofd). */
  written?: string[];
  pages?: number;
}

export function defaultOutput(dir: string): string {
  const abs = path.resolve(dir);
  return path.join(path.dirname(abs), `${path.basename(abs)}.pdf`);
}

/** The .docx beside the PDF's path: issue-07.pdf → issue-07.docx. */
export function docxPath(pdfPath: string): string {
  return /\.docx$/i.test(pdfPath) ? pdfPath : pdfPath.replace(/\.pdf$/i, '') + '.docx';
}

/** The .ofd beside the PDF's path: issue-07.pdf → issue-07.ofd. */
export function ofdPath(pdfPath: string): string {
  return /\.ofd$/i.test(pdfPath) ? pdfPath : pdfPath.replace(/\.pdf$/i, '') + '.ofd';
}

export function pdfTitle(issue: Issue): string {
  return `${issue.masthead.value} ${issue.date.year}年${numberingOf(issue)}第${issue.number}期`;
}

export async function build(opts: BuildOptions, caches?: StageCaches): Promise<BuildResult> {
  const output = path.resolve(opts.output ?? defaultOutput(opts.dir));
  const formats = opts.formats ?? ['pdf'];
  const { compiled, diagnostics, skipped, sources } = await compile(opts.dir, opts.strict, caches);
  if (!compiled) return { diagnostics, skipped, sources, output };
  // Under --strict a warning is an error: nothing is written.
  if (opts.strict && diagnostics.some((d) => d.severity === 'warning')) return { diagnostics, skipped, sources, output };
  if (opts.pdfa && formats.includes('pdf')) {
    const { pdfaInputProblems } = await import('../render/pdf/pdfa-inputs.js');
    const problems = pdfaInputProblems(compiled.issue);
    if (problems.length) return { diagnostics: [...diagnostics, ...problems], skipped, sources, output };
  }
  // Render everything before writing anything: a failure leaves every old file as it was.
  const date = opts.date ?? new Date();
  const files: Array<[string, Uint8Array]> = [];
  if (formats.includes('pdf')) files.push([output, await renderIssue(compiled, date, { pdfa: !!opts.pdfa })]);
  if (formats.includes('docx')) {
    // The Word writer is loaded only when a .docx is asked for (the docx package is large).
    const { renderDocx } = await import('../render/docx/index.js');
    files.push([docxPath(output), await renderDocx(compiled, { ...pdfMeta(compiled.issue, date), embedFonts: !!opts.embedFonts })]);
  }
  if (formats.includes('ofd')) {
    const ofd = await renderOfdEdition(compiled, date, output);
    if ('diagnostic' in ofd) return { diagnostics: [...diagnostics, ofd.diagnostic], skipped, sources, output };
    files.push([ofdPath(output), ofd.bytes]);
  }
  for (const [file, bytes] of files) {
    const failed = writeOutput(file, bytes);
    if (failed) return { diagnostics: [...diagnostics, failed], skipped, sources, output };
  }
  return { diagnostics, skipped, sources, output, written: files.map(([f]) => f), pages: compiled.pages.length };
}

function pdfMeta(issue: Issue, date: Date) {
  return {
    title: pdfTitle(issue),
    author: issue.publisher.value,
    subject: `${issue.masthead.value} ${numberingOf(issue)}第${issue.number}期`,
    creationDate: date,
  };
}

/** The PDF of a compiled issue, in memory. */
export async function renderIssue({ issue, template, fonts, pages }: Compiled, date: Date, options: PdfOptions = {}): Promise<Buffer> {
  // pdfkit is loaded only when a PDF is written (check and preview never need it).
  const { renderPdf } = await import('../render/pdf/index.js');
  return renderPdf(pages, fonts.faces, template.colors, pdfMeta(issue, date), options);
}

/** The OFD edition of a compiled issue, or why there is none (a font HarfBuzz cannot subset). */
async function renderOfdEdition({ issue, template, fonts, pages }: Compiled, date: Date, output: string): Promise<{ bytes: Uint8Array } | { diagnostic: Diagnostic }> {
  // Loaded only when an OFD is asked for (it compiles HarfBuzz's WebAssembly).
  const { renderOfd, OfdFontError } = await import('../render/ofd/index.js');
  try {
    return { bytes: renderOfd(pages, fonts.faces, template.colors, pdfMeta(issue, date)) };
  } catch (e) {
    if (!(e instanceof OfdFontError)) throw e;
    const diags = new Diagnostics();
    diags.error(ofdPath(output), { line: 1, column: 1 }, 'output/ofd-font', { font: e.fontPath });
    return { diagnostic: diags.list[0]! };
  }
}

/** Writes a file atomically; a diagnostic if that fails (the previous file is then untouched). */
export function writeOutput(output: string, bytes: Uint8Array): Diagnostic | undefined {
  try {
    writeAtomic(output, bytes);
    return undefined;
  } catch (e) {
    const diags = new Diagnostics();
    diags.error(output, { line: 1, column: 1 }, 'output/write-failed', { path: output, reason: (e as NodeJS.ErrnoException).code ?? (e as Error).message });
    return diags.list[0];
  }
}
