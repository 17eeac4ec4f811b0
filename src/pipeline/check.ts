// Everything but layout and the PDF: load → template → lint → fonts →
// coverage. `bulletin check` stops here; `compile` (build.ts) lays out what
// passes. Lint also runs on the items that loaded when others did not, so one
// run reports every problem it can.

import path from 'node:path';
import { Diagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import { sortDiagnostics } from '../diagnostics/sort.js';
import { briefMarker } from '../content/printed-words.js';
import { checkCoverage, type ItemCoverageCache } from '../fonts/coverage.js';
import { loadFontSet, type FontSet } from '../fonts/fontset.js';
import { reportMissingDepartments } from '../issue/attribution.js';
import { loadIssue, type HeaderReader, type ItemReader, type SourceReader } from '../issue/load.js';
import { gridOf } from '../layout/grid.js';
import { fitMastheadName, mastheadCollisions } from '../layout/masthead.js';
import { fitColumns, headerLines, layoutTable } from '../layout/table.js';
import { tableParts } from '../content/printed-words.js';
import { checkFile, LIMITS, reasonText } from '../issue/read-file.js';
import type { Issue } from '../issue/model.js';
import { lintIssue, withoutSwitchedOff, type Fix, type ItemLintCache } from '../lint/index.js';
import { displayPath } from '../paths.js';
import { findTemplate, loadTemplate, type TemplateResults } from '../template/load.js';
import { availableTemplates, type TemplateCache } from '../template/source.js';
import type { Template } from '../template/model.js';

export interface CheckResult {
  /** Set only when the issue has no errors: ready for layout. */
  ready?: { issue: Issue; template: Template; fonts: FontSet };
  diagnostics: Diagnostic[];
  /** What `check --fix` may rewrite. */
  fixes: Fix[];
  skipped: string[];
  /** Text of every source file by display path, for showing the line of a diagnostic. */
  sources: Record<string, string>;
}

/** What a long-lived caller (watch mode) keeps between checks; a one-shot check passes none. */
export interface CheckCaches {
  /** Reads one item file (a cache returns its earlier result for unchanged text). */
  readItem?: ItemReader;
  /** Reads issue.yaml (a cache returns its earlier result for unchanged text). */
  readIssueYaml?: HeaderReader;
  /** Parsed templates, reused while their text is the same. */
  templates?: TemplateCache;
  /** Reads an item file or issue.yaml (a cache skips files unchanged since it last read them). */
  readSource?: SourceReader;
  /** Templates built, reused while their files parse to the same documents. */
  templateResults?: TemplateResults;
  /** Lints one item (a cache returns its earlier findings for the same item in the same context). */
  lintItem?: ItemLintCache;
  /** Resolves and opens the template's and the issue's fonts (a cache returns the set while they are unchanged). */
  fontSet?(template: Template, issue: Issue, diags: Diagnostics, load: (diags: Diagnostics) => FontSet | undefined): FontSet | undefined;
  /** The coverage cache that is valid for these faces. */
  coverage?(fonts: FontSet): ItemCoverageCache;
}

/** Diagnostics come back in file order, then by line and column. */
export async function checkIssue(dir: string, strict = false, caches: CheckCaches = {}): Promise<CheckResult> {
  const result = await runChecks(dir, strict, caches);
  return { ...result, diagnostics: sortDiagnostics(result.diagnostics, Object.keys(result.sources)) };
}

async function runChecks(dir: string, strict: boolean, caches: CheckCaches): Promise<CheckResult> {
  const diags = new Diagnostics();
  const loaded = await loadIssue(dir, { item: caches.readItem, header: caches.readIssueYaml, source: caches.readSource });
  const issue = loaded.issue ?? loaded.partial;
  diags.merge(withoutSwitchedOff(loaded.diagnostics, issue));
  const result: CheckResult = { diagnostics: diags.list, fixes: [], skipped: loaded.skipped, sources: loaded.sources };
  if (!issue) return result;

  const templateName = issue.template?.value ?? 'default';
  const templateFile = findTemplate(templateName, issue.dir);
  let template: Template | undefined;
  const checked = checkFile(templateFile, LIMITS.template);
  if (checked.ok) template = loadTemplate(templateFile, diags, caches.templates, caches.templateResults);
  else {
    // Reported where issue.yaml names it: that is the line to fix.
    const at = issue.template?.at ?? { line: 1, column: 1 };
    const end = issue.template?.end;
    if (checked.why === 'missing') diags.error(issue.issueFile, at, 'template/not-found', { name: templateName, looked: displayPath(templateFile), available: availableTemplates() }, end);
    else diags.error(issue.issueFile, at, 'template/unreadable', { path: displayPath(templateFile), reason: reasonText(checked) }, end);
  }

  // The issue's own brief marker (briefMarker: ◆) is the template's from here on: layout, Word and coverage read it there.
  if (template && issue.briefMarker) template = { ...template, brief: { ...template.brief, marker: briefMarker(template, issue.briefMarker.value) } };
  // Briefs that do not say `attribution:` follow the template (brief.attribution).
  const briefs = issue.items.filter((item) => item.kind === 'brief' && item.attribution === undefined);
  reportMissingDepartments(briefs, template?.brief.attribution ?? true, undefined, diags);

  const lint = lintIssue(issue, template, caches.lintItem);
  diags.merge(lint.diagnostics);
  result.fixes = lint.fixes;
  if (!loaded.issue || !template || diags.hasErrors) return result;

  const load = (own: Diagnostics) => loadFontSet(template!, path.dirname(templateFile), loaded.issue, own);
  const fonts = caches.fontSet ? caches.fontSet(template, loaded.issue, diags, load) : load(diags);
  if (!fonts || diags.hasErrors) return result;
  checkCoverage(loaded.issue, template, fonts, diags, strict, caches.coverage?.(fonts));
  checkMasthead(loaded.issue, template, fonts, diags);
  checkTables(loaded.issue, template, fonts, diags);
  for (const what of mastheadCollisions(loaded.issue, template, gridOf(template).measure, fonts)) {
    const at = what === 'marking' ? loaded.issue.classification! : { at: loaded.issue.signOff![0]!.at, end: undefined };
    diags.error(loaded.issue.issueFile, at.at, `layout/${what === 'marking' ? 'marking' : 'sign-off'}-too-long`, {}, at.end);
  }
  if (!diags.hasErrors) result.ready = { issue: loaded.issue, template, fonts };
  return result;
}

/** The masthead name must fit the text block at the template's smallest masthead size. */
function checkMasthead(issue: Issue, t: Template, fonts: FontSet, diags: Diagnostics): void {
  const name = issue.masthead;
  if (fitMastheadName(name.value, t, gridOf(t).measure, fonts)) return;
  diags.error(issue.issueFile, name.at, 'layout/masthead-too-long', { name: name.value, count: [...name.value].length, min: Math.round(t.masthead.name.minSize * 10) / 10 }, name.end);
}

/** Every table must fit the measure with its columns at their narrowest, and each row a page under its header. */
function checkTables(issue: Issue, t: Template, fonts: FontSet, diags: Diagnostics): void {
  const grid = gridOf(t);
  const mm = (pt: number) => Math.ceil((pt * 25.4) / 72 * 10) / 10;
  for (const item of issue.items) {
    for (const p of item.paragraphs) {
      if (!p.table) continue;
      const parts = tableParts(p.table, t);
      const fit = fitColumns(parts, t, grid.measure, fonts);
      if (!fit.ok) {
        const columns = p.table.align.length;
        diags.error(item.file, p.table.at, 'layout/table-too-wide', { mm: mm(fit.over), chars: Math.ceil(fit.over / t.table.size), columns, word: fit.word, column: fit.column + 1 });
        continue;
      }
      const layout = layoutTable(parts, t, grid, fonts, undefined, fit);
      const header = headerLines(layout);
      layout.rows.forEach((row, r) => {
        const lines = r < layout.header ? header : header + row.lines;
        if (lines > grid.lines) diags.error(item.file, p.table!.rowAt[r]!, 'layout/table-row-too-tall', { lines, capacity: grid.lines });
      });
    }
  }
}
