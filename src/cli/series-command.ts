// `bulletin series DIR [--strict] [--json] [--lang zh|en]`: the issue folders
// in DIR checked as one series; exit codes as `check`.

import fs from 'node:fs';
import { Option, type Command } from 'commander';
import { say } from '../diagnostics/messages.js';
import { formatMessage } from '../report/catalogue.js';
import { checkSeries } from '../series/check.js';
import { printDiagnostics, type CommandContext } from './common.js';
import { pickLang, summary } from '../report/text.js';

export function registerSeries(program: Command, ctx: CommandContext): void {
  program
    .command('series')
    .description('check the issue folders in DIR as one series: 第N期 and 总第N期 without gaps or repeats, dates, 增刊, distribution changes')
    .argument('<dir>', 'the folder that holds the issue folders')
    .option('--strict', 'treat warnings as errors')
    .option('--json', 'print diagnostics as JSON')
    .addOption(new Option('--lang <lang>', 'language of messages (default from LANG)').choices(['zh', 'en']))
    .action(async (dir: string, o: { strict?: boolean; json?: boolean; lang?: string }) => {
      const lang = pickLang(o.lang);
      if (!isFolder(dir)) {
        process.stderr.write(`${formatMessage('cli/not-a-folder', { path: dir }, lang)}\n`);
        ctx.exit = 2;
        return;
      }
      const { diagnostics, sources, issues } = await checkSeries(dir);
      printDiagnostics(diagnostics, lang, !!o.json, sources);
      if (!o.json) {
        const found = summary(diagnostics, lang) ?? say('say/no-problems', lang);
        const n = issues.length;
        process.stderr.write(`${say('say/series-summary', lang, { count: n, found })}\n`);
      }
      ctx.exit = diagnostics.some((d) => d.severity === 'error' || (o.strict && d.severity === 'warning')) ? 1 : 0;
    });
}

export function isFolder(dir: string): boolean {
  return fs.existsSync(dir) && fs.statSync(dir).isDirectory();
}
