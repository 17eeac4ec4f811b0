// `bulletin import DIR FILE… [--department NAME] [--title TEXT] [--brief]`:
// department submissions as item files. The reader (mammoth and the rest of
// src/import) is loaded only here, so other commands do not start it.

import { Option, type Command } from 'commander';
import { formatMessage } from '../report/catalogue.js';
import { displayPath } from '../paths.js';
import { printDiagnostics, type CommandContext } from './common.js';
import { isFolder } from './series-command.js';
import { pickLang, summary } from '../report/text.js';

export function registerImport(program: Command, ctx: CommandContext): void {
  program
    .command('import')
    .description('turn department submissions (.docx, .txt, .md) into item files of an issue folder')
    .argument('<dir>', 'the issue folder')
    .argument('<files...>', 'the submissions')
    .option('--department <name>', 'the department (default: the attribution that ends the text)')
    .option('--title <text>', 'the item title (default: the paragraph in a title style, or a short first paragraph)')
    .option('--brief', 'a △ brief (no title)')
    .option('--json', 'print what was guessed and found as JSON')
    .addOption(new Option('--lang <lang>', 'language of messages (default from LANG)').choices(['zh', 'en']))
    .action(async (dir: string, files: string[], o: { department?: string; title?: string; brief?: boolean; json?: boolean; lang?: string }) => {
      const lang = pickLang(o.lang);
      if (!isFolder(dir)) {
        process.stderr.write(`${formatMessage('cli/not-a-folder', { path: dir }, lang)}\n`);
        ctx.exit = 2;
        return;
      }
      const { importFiles } = await import('../import/index.js');
      const { diagnostics, written } = await importFiles(dir, files, {
        ...(o.department !== undefined ? { department: o.department } : {}),
        ...(o.title !== undefined ? { title: o.title } : {}),
        brief: !!o.brief,
      });
      printDiagnostics(diagnostics, lang, !!o.json);
      if (!o.json) {
        for (const f of written) process.stdout.write(`${displayPath(f)}\n`);
        const said = summary(diagnostics, lang);
        if (said) process.stderr.write(`${said}\n`);
      }
      ctx.exit = written.length ? 0 : 1;
    });
}
