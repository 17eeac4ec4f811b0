// `bulletin build DIR --watch`: build, then build again on every change, with
// one status line per build. A failed build prints its diagnostics and leaves
// the last good PDF as it is (the PDF is only ever replaced whole).

import path from 'node:path';
import { defaultOutput, renderIssue, writeOutput } from '../pipeline/build.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { say, type Lang } from '../diagnostics/messages.js';
import { displayPath } from '../paths.js';
import { FontProgramCache } from '../render/pdf/fonts.js';
import { StreamCache } from '../render/pdf/streams.js';
import { WatchSession } from '../watch/session.js';
import { printDiagnostics } from './common.js';
import { untilStopped } from './signals.js';

export interface WatchBuildOptions {
  dir: string;
  output?: string;
  /** Fixed creation date (SOURCE_DATE_EPOCH); default the time of each build. */
  date?: Date;
  lang: Lang;
  json: boolean;
  verbose: boolean;
  /** Write the archival edition (tagged PDF/A-2). */
  pdfa?: boolean;
}

export async function watchBuild(o: WatchBuildOptions): Promise<number> {
  const output = path.resolve(o.output ?? defaultOutput(o.dir));
  // Our own writes (the PDF and writeAtomic's temporary file) are not changes to react to.
  const tmp = path.join(path.dirname(output), `.${path.basename(output)}.`);
  const ignore = (f: string) => f === output || (f.startsWith(tmp) && f.endsWith('.tmp'));
  let good = false;
  // An edit seldom brings a character the issue did not have: the fonts' subsets stay as they were.
  const programs = new FontProgramCache();
  // And most of its pages are drawn as before: their compressed content is kept too.
  const streams = new StreamCache();

  const session = new WatchSession({
    dir: o.dir,
    ignore,
    onCompiled: async (result, started, settled) => {
      const diagnostics: Diagnostic[] = [...result.diagnostics];
      let pages: number | undefined;
      // Rendered while the quiet spell after the save runs; written (and reported) only if no newer change came.
      const pdf = result.compiled && (await renderIssue(result.compiled, o.date ?? new Date(), { pdfa: !!o.pdfa, programs, streams }));
      const ms = performance.now() - started; // the work, not the quiet spell waited for below
      if (!(await settled(!result.compiled))) return;
      if (result.compiled && pdf) {
        const failed = writeOutput(output, pdf);
        if (failed) diagnostics.push(failed);
        else pages = result.compiled.pages.length;
      }
      good ||= pages !== undefined;
      printDiagnostics(diagnostics, o.lang, o.json);
      if (o.verbose) for (const s of result.skipped) process.stderr.write(`${say('say/skipped-draft', o.lang, { path: s })}\n`);
      const counts = { errors: count(diagnostics, 'error'), warnings: count(diagnostics, 'warning'), ms };
      process.stderr.write(statusLine(o.lang, displayPath(output), pages, good, counts) + '\n');
    },
    onError: (e) => process.stderr.write(`${say('say/internal-error', o.lang, { reason: String((e as Error)?.message ?? e) })}\n`),
  });

  await session.start();
  const shown = displayPath(path.resolve(o.dir));
  process.stderr.write(`${say('say/watching', o.lang, { path: shown })}\n`);
  await untilStopped();
  await session.close();
  return 0;
}

function count(list: Diagnostic[], severity: Diagnostic['severity']): number {
  return list.filter((d) => d.severity === severity).length;
}

/** `12:03:04 built x.pdf: 4 pages, 0 warnings (23 ms)`, or why not and which PDF stays. */
export function statusLine(
  lang: Lang,
  output: string,
  pages: number | undefined,
  haveGood: boolean,
  c: { errors: number; warnings: number; ms: number },
): string {
  const time = new Date().toTimeString().slice(0, 8);
  const ms = Math.round(c.ms);
  if (pages !== undefined) return say('say/watch-built', lang, { time, path: output, pages, warnings: c.warnings, ms });
  return say(haveGood ? 'say/watch-not-built' : 'say/watch-not-built-yet', lang, { time, path: output, errors: c.errors, warnings: c.warnings });
}
