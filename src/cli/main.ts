// The command line: `bulletin build DIR [-o FILE]`. Exit codes: 0 built
// (warnings allowed), 1 the input has errors, 2 wrong usage.

import fs from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import { build } from '../build.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { formatMessage, type Lang } from '../diagnostics/messages.js';
import { displayPath } from '../paths.js';
import { diagnosticJson, formatDiagnostic, pickLang, sortDiagnostics } from './report.js';

/** SOURCE_DATE_EPOCH (seconds since 1970) fixes every date in the output. */
function sourceDate(env: NodeJS.ProcessEnv): Date | undefined {
  const v = env.SOURCE_DATE_EPOCH;
  if (v === undefined || !/^\d+$/.test(v.trim())) return undefined;
  return new Date(Number(v.trim()) * 1000);
}

function report(list: Diagnostic[], lang: Lang, json: boolean): void {
  const sorted = sortDiagnostics(list);
  if (json) process.stdout.write(JSON.stringify(sorted.map((d) => diagnosticJson(d, lang)), null, 2) + '\n');
  else for (const d of sorted) process.stderr.write(formatDiagnostic(d, lang) + '\n');
}

export async function main(argv: string[]): Promise<number> {
  let exit = 0;
  const program = new Command('bulletin')
    .description('Compile a folder of Markdown reports into the print PDF of a work bulletin (简报 / 政务信息)')
    .version('0.1.0')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });

  program
    .command('build')
    .description('build DIR into a PDF (DIR.pdf beside the folder unless -o is given)')
    .argument('<dir>', 'the issue folder')
    .option('-o, --output <file>', 'where to write the PDF')
    .option('--strict', 'treat warnings as errors')
    .option('--json', 'print diagnostics as JSON')
    .addOption(new Option('--lang <lang>', 'language of messages (default from LANG)').choices(['zh', 'en']))
    .option('-v, --verbose', 'say which files were skipped')
    .action(async (dir: string, o: { output?: string; strict?: boolean; json?: boolean; lang?: string; verbose?: boolean }) => {
      const lang = pickLang(o.lang);
      if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
        process.stderr.write(`${formatMessage('cli/not-a-folder', { path: dir }, lang)}\n`);
        exit = 2;
        return;
      }
      const date = sourceDate(process.env);
      const result = await build({ dir, ...(o.output ? { output: o.output } : {}), ...(date ? { date } : {}) });
      const failed = result.pages === undefined || (o.strict && result.diagnostics.some((d) => d.severity === 'warning'));
      report(result.diagnostics, lang, !!o.json);
      if (o.verbose) for (const s of result.skipped) process.stderr.write(lang === 'zh' ? `跳过草稿 ${s}\n` : `skipped draft ${s}\n`);
      if (failed) {
        exit = 1;
        return;
      }
      if (!o.json) {
        const out = displayPath(result.output);
        process.stderr.write(lang === 'zh' ? `已生成 ${out}（${result.pages} 页）\n` : `wrote ${out} (${result.pages} pages)\n`);
      }
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version exit 0; anything else commander rejects is wrong usage.
      return e.exitCode === 0 ? 0 : 2;
    }
    throw e;
  }
  return exit;
}
