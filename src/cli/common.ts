// What every command shares: the language of messages, printing diagnostics,
// and the dates that SOURCE_DATE_EPOCH fixes.

import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Lang } from '../diagnostics/messages.js';
import { diagnosticJson, formatDiagnostic, sortDiagnostics } from '../report/text.js';

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

/**
 * JSON on stdout, or compiler-style text on stderr with the source line of
 * each diagnostic (`sources`: file text by display path, as the loader read it).
 */
export function printDiagnostics(list: Diagnostic[], lang: Lang, json: boolean, sources: Record<string, string> = {}): void {
  const sorted = sortDiagnostics(list, Object.keys(sources));
  if (json) process.stdout.write(JSON.stringify(sorted.map((d) => diagnosticJson(d, lang)), null, 2) + '\n');
  else {
    for (const d of sorted) {
      const text = formatDiagnostic(d, lang, sources[d.file]);
      // A blank line after a source excerpt keeps one diagnostic from running into the next.
      process.stderr.write(text + (text.includes('\n') ? '\n\n' : '\n'));
    }
  }
}
