// The pipeline of architecture.md: load → fonts → layout → render → write.
// Each stage adds diagnostics; the first stage with errors stops the build, so
// a failed build writes nothing and leaves the last good PDF alone.

import fs from 'node:fs';
import path from 'node:path';
import { Diagnostics, type Diagnostic } from './diagnostics/diagnostic.js';
import { checkCoverage } from './fonts/coverage.js';
import { loadFontSet, type FontSet } from './fonts/fontset.js';
import { loadIssue, type ItemReader } from './issue/load.js';
import type { Issue } from './issue/model.js';
import { layoutIssue, type BlockCache } from './layout/index.js';
import type { Page } from './layout/display-list.js';
import { writeAtomic } from './output/write-atomic.js';
import { displayPath } from './paths.js';
import { findTemplate, loadTemplate } from './template/load.js';
import { availableTemplates } from './template/source.js';
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

/** What a long-lived caller (watch, preview) keeps between builds; a one-shot build passes none. */
export interface StageCaches {
  /** Reads one item file (a cache returns its earlier result for unchanged text). */
  readItem?: ItemReader;
  /** The block cache that is valid for this template and these fonts. */
  blocks?(template: Template, fonts: FontSet, issue: Issue): BlockCache;
}

/** Load, check and lay out an issue folder: everything but the PDF. */
export async function compile(dir: string, caches: StageCaches = {}): Promise<CompileResult> {
  const diags = new Diagnostics();
  const loaded = await loadIssue(dir, caches.readItem);
  diags.merge(loaded.diagnostics);
  const issue = loaded.issue;
  const result = (compiled?: Compiled): CompileResult => ({ ...(compiled ? { compiled } : {}), diagnostics: diags.list, skipped: loaded.skipped });
  if (!issue || diags.hasErrors) return result();

  const templateName = issue.template?.value ?? 'default';
  const templateFile = findTemplate(templateName, issue.dir);
  if (!fs.existsSync(templateFile)) {
    // Reported where issue.yaml names it: that is the line to fix.
    const at = issue.template?.at ?? { line: 1, column: 1 };
    diags.error(issue.issueFile, at, 'template/not-found', { name: templateName, looked: displayPath(templateFile), available: availableTemplates() });
    return result();
  }
  const template = loadTemplate(templateFile, diags);
  if (!template) return result();
  const fonts = loadFontSet(template, path.dirname(templateFile), issue, diags);
  if (!fonts || diags.hasErrors) return result();
  checkCoverage(issue, template, fonts, diags);
  if (diags.hasErrors) return result();

  return result({ issue, template, fonts, pages: layoutIssue(issue, template, fonts, caches.blocks?.(template, fonts, issue)) });
}

export interface BuildOptions {
  dir: string;
  /** Output path; default: the folder's name with .pdf, beside the folder. */
  output?: string;
  /** Fixed creation date (SOURCE_DATE_EPOCH); default now. */
  date?: Date;
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

export async function build(opts: BuildOptions, caches?: StageCaches): Promise<BuildResult> {
  const output = path.resolve(opts.output ?? defaultOutput(opts.dir));
  const { compiled, diagnostics, skipped } = await compile(opts.dir, caches);
  if (!compiled) return { diagnostics, skipped, output };
  const bytes = await renderIssue(compiled, opts.date ?? new Date());
  const failed = writeOutput(output, bytes);
  if (failed) return { diagnostics: [...diagnostics, failed], skipped, output };
  return { diagnostics, skipped, output, pages: compiled.pages.length };
}

/** The PDF of a compiled issue, in memory. */
export async function renderIssue({ issue, template, fonts, pages }: Compiled, date: Date): Promise<Buffer> {
  // pdfkit is loaded only when a PDF is written (check and preview never need it).
  const { renderPdf } = await import('./render/pdf.js');
  return renderPdf(pages, fonts.faces, template.colors, {
    title: pdfTitle(issue),
    author: issue.publisher.value,
    subject: `${issue.masthead.value} 第${issue.number}期`,
    creationDate: date,
  });
}

/** Writes the PDF atomically; a diagnostic if that fails (the previous file is then untouched). */
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
