// `bulletin build DIR [-o FILE]`: the PDF, or the reasons there is none.

import fs from 'node:fs';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { build, type OutputFormat } from '../build.js';
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
  docx?: boolean;
  format?: OutputFormat[];
  docxEmbedFonts?: boolean;
}

/** `--format pdf,docx`: a comma-separated list of pdf and docx. */
function parseFormats(value: string): OutputFormat[] {
  const list = value.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
  const bad = list.find((f) => f !== 'pdf' && f !== 'docx');
  if (bad !== undefined || list.length === 0) throw new InvalidArgumentError('use pdf, docx or pdf,docx');
  return list as OutputFormat[];
}

export function registerBuild(program: Command, ctx: CommandContext): void {
  program
    .command('build')
    .description('build DIR into a PDF (DIR.pdf beside the folder unless -o is given)')
    .argument('<dir>', 'the issue folder')
    .option('-o, --output <file>', 'where to write the PDF (the .docx goes beside it)')
    .option('--docx', 'also write a Word file (DIR.docx) beside the PDF')
    .option('--format <list>', 'what to write: pdf, docx or pdf,docx (default pdf)', parseFormats)
    .option('--docx-embed-fonts', 'embed the font files in the Word file (large)')
    .option('--strict', 'treat warnings, and characters drawn by a fallback font, as errors')
    .option('--json', 'print diagnostics as JSON')
    .addOption(new Option('--lang <lang>', 'language of messages (default from LANG)').choices(['zh', 'en']))
    .option('-v, --verbose', 'say which files were skipped')
    .action(async (dir: string, o: BuildFlags) => {
      const lang = pickLang(o.lang);
      if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
        process.stderr.write(`${formatMessage('cli/not-a-folder', { path: dir }, lang)}\n`);
        ctx.exit = 2;
        return;
      }
      const date = sourceDate();
      const formats = [...new Set([...(o.format ?? ['pdf']), ...(o.docx || o.docxEmbedFonts ? ['docx' as const] : [])])];
      const result = await build({
        dir, formats, embedFonts: !!o.docxEmbedFonts, strict: !!o.strict, ...(o.output ? { output: o.output } : {}), ...(date ? { date } : {}),
      });
      const failed = result.pages === undefined || (o.strict && result.diagnostics.some((d) => d.severity === 'warning'));
      printDiagnostics(result.diagnostics, lang, !!o.json, result.sources);
      if (o.verbose) for (const s of result.skipped) process.stderr.write(lang === 'zh' ? `跳过草稿 ${s}\n` : `skipped draft ${s}\n`);
      if (failed) {
        ctx.exit = 1;
        return;
      }
      if (!o.json) {
        for (const file of result.written ?? []) {
          const out = displayPath(file);
          // Word lays out its own pages: only the PDF's page count is known.
          const pages = file.endsWith('.pdf') ? (lang === 'zh' ? `（${result.pages} 页）` : ` (${result.pages} pages)`) : '';
          process.stderr.write(lang === 'zh' ? `已生成 ${out}${pages}\n` : `wrote ${out}${pages}\n`);
        }
      }
    });
}
