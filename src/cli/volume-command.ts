// `bulletin volume DIR -o FILE.pdf [--year YYYY]`: the year's issues in DIR bound as one PDF.

import path from 'node:path';
import { Option, type Command } from 'commander';
import { say } from '../diagnostics/messages.js';
import { formatMessage } from '../report/catalogue.js';
import { buildVolume } from '../volume/volume.js';
import { displayPath } from '../paths.js';
import { printDiagnostics, sourceDate, type CommandContext } from './common.js';
import { isFolder } from './series-command.js';
import { pickLang, summary } from '../report/text.js';

export function registerVolume(program: Command, ctx: CommandContext): void {
  program
    .command('volume')
    .description('bind the year\'s issues in DIR into one PDF (合订本): title page, contents, index by department, every issue numbered on')
    .argument('<dir>', 'the folder that holds the issue folders')
    .requiredOption('-o, --output <file.pdf>', 'the PDF to write')
    .option('--year <yyyy>', 'the year to bind (default: the year of the latest issue)')
    .addOption(new Option('--lang <lang>', 'language of messages (default from LANG)').choices(['zh', 'en']))
    .action(async (dir: string, o: { output: string; year?: string; lang?: string }) => {
      const lang = pickLang(o.lang);
      if (!isFolder(dir)) {
        process.stderr.write(`${formatMessage('cli/not-a-folder', { path: dir }, lang)}\n`);
        ctx.exit = 2;
        return;
      }
      if (o.year !== undefined && !/^\d{4}$/.test(o.year)) {
        process.stderr.write(`${formatMessage('cli/bad-year', { year: o.year }, lang)}\n`);
        ctx.exit = 2;
        return;
      }
      const r = await buildVolume({ dir, output: path.resolve(o.output), ...(o.year ? { year: Number(o.year) } : {}), date: sourceDate() ?? new Date() });
      printDiagnostics(r.diagnostics, lang, false, r.sources);
      if (!r.written) {
        process.stderr.write(`${summary(r.diagnostics, lang) ?? ''}\n`);
        ctx.exit = 1;
        return;
      }
      const shown = displayPath(r.written);
      process.stderr.write(`${say('say/volume-wrote', lang, { path: shown, issues: r.issues ?? 0, pages: r.pages ?? 0 })}\n`);
    });
}
