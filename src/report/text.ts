// Reporters only format: diagnostics as compiler-style text, or as JSON for CI
// (the command line and the preview both show them this way).

import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { say, visible, type Lang } from '../diagnostics/messages.js';
import { formatMessage } from './catalogue.js';
import { sortDiagnostics as sortByPlace } from '../diagnostics/sort.js';
import { snippet } from './snippet.js';

/** zh when asked, or when LANG/LC_ALL says Chinese; English otherwise. */
export function pickLang(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): Lang {
  if (flag === 'zh' || flag === 'en') return flag;
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^zh/i.test(locale) ? 'zh' : 'en';
}

/** `file:line:column: severity: message [rule]`, then the source line and a caret when `source` has that line. */
export function formatDiagnostic(d: Diagnostic, lang: Lang, source?: string): string {
  const head = `${visible(d.file)}:${d.start.line}:${d.start.column}: ${say(`say/${d.severity}`, lang)}: ${formatMessage(d.rule, d.args, lang)} [${d.rule}]`;
  const lines = snippet(d, source);
  return lines === undefined ? head : `${head}\n${lines}`;
}

export function diagnosticJson(d: Diagnostic, lang: Lang) {
  return {
    file: d.file,
    line: d.start.line,
    column: d.start.column,
    endLine: d.end?.line ?? d.start.line,
    endColumn: d.end?.column ?? d.start.column,
    severity: d.severity,
    rule: d.rule,
    message: formatMessage(d.rule, d.args, lang),
  };
}

/** Errors first would hide the order of the files; keep file order, then line. */
export function sortDiagnostics(list: Diagnostic[], fileOrder: readonly string[] = []): Diagnostic[] {
  return sortByPlace(list, fileOrder);
}

/** `2 errors, 1 warning` / `2 个错误，1 个警告`; undefined when there is nothing. */
export function summary(list: Diagnostic[], lang: Lang): string | undefined {
  const errors = list.filter((d) => d.severity === 'error').length;
  const warnings = list.filter((d) => d.severity === 'warning').length;
  if (errors + warnings === 0) return undefined;
  const parts = [errors && say('say/errors', lang, { count: errors }), warnings && say('say/warnings', lang, { count: warnings })];
  return parts.filter(Boolean).join(say('say/list-separator', lang));
}
