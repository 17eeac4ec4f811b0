// What every command shares: the language of messages, printing diagnostics,
// and the dates that SOURCE_DATE_EPOCH fixes.

import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Lang } from '../diagnostics/messages.js';
import { diagnosticJson, formatDiagnostic, sortDiagnostics } from './report.js';

/** Set by a command's action: the process's exit code (0 ok, 1 input errors, 2 usage). */
export interface CommandContext {
  exit: number;
}

/** SOURCE_DATE_EPOCH (seconds since 1970) fixes every date in the output. */
export function sourceDate(env: NodeJS.ProcessEnv = process.env): Date | undefined {
  const v = env.SOURCE_DATE_EPOCH;
  if (v === undefined || !/^\d+$/.test(v.trim())) return undefined;
  return new Date(Number(v.trim()) * 1000);
}

export function printDiagnostics(list: Diagnostic[], lang: Lang, json: boolean): void {
  const sorted = sortDiagnostics(list);
  if (json) process.stdout.write(JSON.stringify(sorted.map((d) => diagnosticJson(d, lang)), null, 2) + '\n');
  else for (const d of sorted) process.stderr.write(formatDiagnostic(d, lang) + '\n');
}
