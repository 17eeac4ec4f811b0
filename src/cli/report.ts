// Reporters only format: diagnostics as compiler-style text, or as JSON for CI.

import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { formatMessage, type Lang } from '../diagnostics/messages.js';

const SEVERITY: Record<Lang, Record<Diagnostic['severity'], string>> = {
  en: { error: 'error', warning: 'warning', note: 'note' },
  zh: { error: '错误', warning: '警告', note: '提示' },
};

/** zh when asked, or when LANG/LC_ALL says Chinese; English otherwise. */
export function pickLang(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): Lang {
  if (flag === 'zh' || flag === 'en') return flag;
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^zh/i.test(locale) ? 'zh' : 'en';
}

export function formatDiagnostic(d: Diagnostic, lang: Lang): string {
  return `${d.file}:${d.start.line}:${d.start.column}: ${SEVERITY[lang][d.severity]}: ${formatMessage(d.rule, d.args, lang)} [${d.rule}]`;
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
export function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
  return [...list].sort((a, b) => (a.file === b.file ? a.start.line - b.start.line || a.start.column - b.start.column : 0));
}
