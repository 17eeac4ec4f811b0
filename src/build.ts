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

/** Load, check and lay out an issue folder: everything but the PDF. `strict`: a font fallback is an error. */
export async function compile(dir: string, strict = false): Promise<CompileResult> {
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
  checkCoverage(issue, template, fonts, diags, strict);
  if (diags.hasErrors) return result();

  return result({ issue, template, fonts, pages: layoutIssue(issue, template, fonts) });
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
  const { compiled, diagnostics, skipped } = await compile(opts.dir, opts.strict);
  if (!compiled) return { diagnostics, skipped, output };
  const { issue, template, fonts, pages } = compiled;
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
    return { diagnostics: diags.list, skipped, output };
  }
  return { diagnostics: diags.list, skipped, output, pages: pages.length };
}
