// `bulletin build DIR [-o FILE]`: the PDF, or the reasons there is none.

import fs from 'node:fs';
import { Option, type Command } from 'commander';
import { build } from '../build.js';
import { formatMessage } from '../diagnostics/messages.js';
import { displayPath } from '../paths.js';
import { printDiagnostics, sourceDate, type CommandContext } from './common.js';
import { pickLang } from './report.js';

interface BuildFlags {
  output?: string;
  strict?: boolean;
  json?: boolean;
  lang?: string;
  verbose?: boolean;
  watch?: boolean;
}

export function registerBuild(program: Command, ctx: CommandContext): void {
  program
    .command('build')
    .description('build DIR into a PDF (DIR.pdf beside the folder unless -o is given)')
    .argument('<dir>', 'the issue folder')
    .option('-o, --output <file>', 'where to write the PDF')
    .option('--strict', 'treat warnings as errors')
    .option('--json', 'print diagnostics as JSON')
    .addOption(new Option('--lang <lang>', 'language of messages (default from LANG)').choices(['zh', 'en']))
    .option('-v, --verbose', 'say which files were skipped')
    .option('-w, --watch', 'build again on every change until Ctrl-C')
    .action(async (dir: string, o: BuildFlags) => {
      const lang = pickLang(o.lang);
      if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
        process.stderr.write(`${formatMessage('cli/not-a-folder', { path: dir }, lang)}\n`);
        ctx.exit = 2;
        return;
      }
      const date = sourceDate();
      if (o.watch) {
        // Loaded when asked for, as pdfkit is when a PDF is written.
        const { watchBuild } = await import('./watch.js');
        ctx.exit = await watchBuild({ dir, ...(o.output ? { output: o.output } : {}), ...(date ? { date } : {}), lang, json: !!o.json, verbose: !!o.verbose });
        return;
      }
      const result = await build({ dir, ...(o.output ? { output: o.output } : {}), ...(date ? { date } : {}) });
      const failed = result.pages === undefined || (o.strict && result.diagnostics.some((d) => d.severity === 'warning'));
      printDiagnostics(result.diagnostics, lang, !!o.json);
      if (o.verbose) for (const s of result.skipped) process.stderr.write(lang === 'zh' ? `跳过草稿 ${s}\n` : `skipped draft ${s}\n`);
      if (failed) {
        ctx.exit = 1;
        return;
      }
      if (!o.json) {
        const out = displayPath(result.output);
        process.stderr.write(lang === 'zh' ? `已生成 ${out}（${result.pages} 页）\n` : `wrote ${out} (${result.pages} pages)\n`);
      }
    });
}
