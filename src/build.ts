// The pipeline of architecture.md: load → fonts → layout → render → write.
// Each stage adds diagnostics; the first stage with errors stops the build, so
// a failed build writes nothing and leaves the last good PDF alone.

import path from 'node:path';
import { Diagnostics, type Diagnostic } from './diagnostics/diagnostic.js';
import { checkCoverage } from './fonts/coverage.js';
import { loadFontSet, type FontSet } from './fonts/fontset.js';
import { loadIssue } from './issue/load.js';
import type { Issue } from './issue/model.js';
import { layoutIssue } from './layout/index.js';
import type { Page } from './layout/display-list.js';
import { writeAtomic } from './output/write-atomic.js';
import { renderDocx } from './render/docx.js';
import { renderPdf } from './render/pdf.js';
import { findTemplate, loadTemplate } from './template/load.js';
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
}

/** Load, check and lay out an issue folder: everything but the PDF. */
export async function compile(dir: string): Promise<CompileResult> {
  const diags = new Diagnostics();
  const loaded = await loadIssue(dir);
  diags.merge(loaded.diagnostics);
  const issue = loaded.issue;
  const result = (compiled?: Compiled): CompileResult => ({ ...(compiled ? { compiled } : {}), diagnostics: diags.list, skipped: loaded.skipped });
  if (!issue || diags.hasErrors) return result();

  const templateName = issue.template?.value ?? 'default';
  const [templateFile] = findTemplate(templateName, issue.dir);
  const template = loadTemplate(templateFile!, diags);
  if (!template) {
    if (issue.template && !diags.hasErrors) diags.error(issue.issueFile, issue.template.at, 'template/not-found', { name: templateName, looked: templateFile! });
    return result();
  }
  const fonts = loadFontSet(template, path.dirname(templateFile!), issue, diags);
  if (!fonts || diags.hasErrors) return result();
  checkCoverage(issue, template, fonts, diags);
  if (diags.hasErrors) return result();

  return result({ issue, template, fonts, pages: layoutIssue(issue, template, fonts) });
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
}

export interface BuildResult {
  diagnostics: Diagnostic[];
  skipped: string[];
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
  return `${issue.masthead.value} ${issue.date.year}年第${issue.number}期`;
}

export async function build(opts: BuildOptions): Promise<BuildResult> {
  const output = path.resolve(opts.output ?? defaultOutput(opts.dir));
  const formats = opts.formats ?? ['pdf'];
  const { compiled, diagnostics, skipped } = await compile(opts.dir);
  if (!compiled) return { diagnostics, skipped, output };
  const { issue, template, fonts, pages } = compiled;
  const meta = {
    title: pdfTitle(issue),
    author: issue.publisher.value,
    subject: `${issue.masthead.value} 第${issue.number}期`,
    creationDate: opts.date ?? new Date(),
  };
  // Render everything before writing anything: a failure leaves every old file as it was.
  const files: Array<[string, Uint8Array]> = [];
  if (formats.includes('pdf')) files.push([output, await renderPdf(pages, fonts.faces, template.colors, meta)]);
  if (formats.includes('docx')) files.push([docxPath(output), await renderDocx(compiled, { ...meta, embedFonts: !!opts.embedFonts })]);
  const diags = new Diagnostics();
  diags.merge(diagnostics);
  for (const [file, bytes] of files) {
    try {
      writeAtomic(file, bytes);
    } catch (e) {
      diags.error(file, { line: 1, column: 1 }, 'output/write-failed', { path: file, reason: (e as NodeJS.ErrnoException).code ?? (e as Error).message });
      return { diagnostics: diags.list, skipped, output };
    }
  }
  return { diagnostics: diags.list, skipped, output, written: files.map(([f]) => f), pages: pages.length };
}
