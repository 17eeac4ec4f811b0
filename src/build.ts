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

export interface BuildOptions {
  dir: string;
  /** Output path; default: the folder's name with .pdf, beside the folder. */
  output?: string;
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
  pages?: number;
}

export function defaultOutput(dir: string): string {
  const abs = path.resolve(dir);
  return path.join(path.dirname(abs), `${path.basename(abs)}.pdf`);
}

export function pdfTitle(issue: Issue): string {
  return `${issue.masthead.value} ${issue.date.year}年第${issue.number}期`;
}

export async function build(opts: BuildOptions): Promise<BuildResult> {
  const output = path.resolve(opts.output ?? defaultOutput(opts.dir));
  const { compiled, diagnostics, skipped, sources } = await compile(opts.dir, opts.strict);
  if (!compiled) return { diagnostics, skipped, sources, output };
  const { issue, template, fonts, pages } = compiled;
  // pdfkit is loaded only when a PDF is written (check and preview never need it).
  const { renderPdf } = await import('./render/pdf.js');
  const bytes = await renderPdf(pages, fonts.faces, template.colors, {
    title: pdfTitle(issue),
    author: issue.publisher.value,
    subject: `${issue.masthead.value} 第${issue.number}期`,
    creationDate: opts.date ?? new Date(),
  });
  const diags = new Diagnostics();
  diags.merge(diagnostics);
  try {
    writeAtomic(output, bytes);
  } catch (e) {
    diags.error(output, { line: 1, column: 1 }, 'output/write-failed', { path: output, reason: (e as NodeJS.ErrnoException).code ?? (e as Error).message });
    return { diagnostics: diags.list, skipped, sources, output };
  }
  return { diagnostics: diags.list, skipped, sources, output, pages: pages.length };
}
