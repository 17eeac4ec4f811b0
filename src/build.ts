// The pipeline of architecture.md: load → fonts → layout → render → write
// (check.ts runs the stages before layout, lint included).
// Each stage adds diagnostics; the first stage with errors stops the build, so
// a failed build writes nothing and leaves the last good PDF alone.

import path from 'node:path';
import { checkIssue } from './check.js';
import { Diagnostics, type Diagnostic } from './diagnostics/diagnostic.js';
import type { FontSet } from './fonts/fontset.js';
import type { Issue } from './issue/model.js';
import { layoutIssue } from './layout/index.js';
import type { Page } from './layout/display-list.js';
import { writeAtomic } from './output/write-atomic.js';
import type { Template } from './template/model.js';

export interface Compiled {
  issue: Issue;
  template: Template;
  fonts: FontSet;
  pages: Page[];
}

export interface CompileResult {
  compiled?: Compiled;
  diagnostics: Diagnostic[];
  skipped: string[];
  /** Text of every source file by display path, for showing the line of a diagnostic. */
  sources: Record<string, string>;
}

/** Load, check and lay out an issue folder: everything but the PDF. `strict`: a font fallback is an error. */
export async function compile(dir: string, strict = false): Promise<CompileResult> {
  const { ready, diagnostics, skipped, sources } = await checkIssue(dir, strict);
  if (!ready) return { diagnostics, skipped, sources };
  const { issue, template, fonts } = ready;
  return { compiled: { issue, template, fonts, pages: layoutIssue(issue, template, fonts) }, diagnostics, skipped, sources };
}

export type OutputFormat = 'pdf' | 'docx';

export interface BuildOptions {
  dir: string;
  /** Output path; default: the folder's name with .pdf, beside the folder. The .docx goes beside it. */
  output?: string;
  /** What to write (default: the PDF only). */
  formats?: OutputFormat[];
  /** Embed the font files in the .docx. */
  embedFonts?: boolean;
  /** Fixed creation date (SOURCE_DATE_EPOCH); default now. */
  date?: Date;
  /** A character drawn by a fallback face is an error, not a note. */
  strict?: boolean;
}

export interface BuildResult {
  diagnostics: Diagnostic[];
  skipped: string[];
  sources: Record<string, string>;
  output: string;
  /** Files written, in order (the PDF, then the .docx). */
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

export function pdfTitle(issue: Issue): string {
  return `${issue.masthead.value} ${issue.date.year}年${issue.supplement ? '增刊' : ''}第${issue.number}期`;
}

export async function build(opts: BuildOptions): Promise<BuildResult> {
  const output = path.resolve(opts.output ?? defaultOutput(opts.dir));
  const formats = opts.formats ?? ['pdf'];
  const { compiled, diagnostics, skipped, sources } = await compile(opts.dir, opts.strict);
  if (!compiled) return { diagnostics, skipped, sources, output };
  // Under --strict a warning is an error: nothing is written.
  if (opts.strict && diagnostics.some((d) => d.severity === 'warning')) return { diagnostics, skipped, sources, output };
  const { issue, template, fonts, pages } = compiled;
  const meta = {
    title: pdfTitle(issue),
    author: issue.publisher.value,
    subject: `${issue.masthead.value} 第${issue.number}期`,
    creationDate: opts.date ?? new Date(),
  };
  // Render everything before writing anything: a failure leaves every old file as it was.
  const files: Array<[string, Uint8Array]> = [];
  // Each writer is loaded only when its format is asked for (pdfkit and docx are large).
  if (formats.includes('pdf')) {
    const { renderPdf } = await import('./render/pdf.js');
    files.push([output, await renderPdf(pages, fonts.faces, template.colors, meta)]);
  }
  if (formats.includes('docx')) {
    const { renderDocx } = await import('./render/docx.js');
    files.push([docxPath(output), await renderDocx(compiled, { ...meta, embedFonts: !!opts.embedFonts })]);
  }
  const diags = new Diagnostics();
  diags.merge(diagnostics);
  for (const [file, bytes] of files) {
    try {
      writeAtomic(file, bytes);
    } catch (e) {
      diags.error(file, { line: 1, column: 1 }, 'output/write-failed', { path: file, reason: (e as NodeJS.ErrnoException).code ?? (e as Error).message });
      return { diagnostics: diags.list, skipped, sources, output };
    }
  }
  return { diagnostics: diags.list, skipped, sources, output, written: files.map(([f]) => f), pages: pages.length };
}
