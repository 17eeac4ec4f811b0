// `bulletin build DIR [-o FILE]`: the PDF, or the reasons there is none.

import fs from 'node:fs';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { say } from '../diagnostics/messages.js';
import { build, type OutputFormat } from '../pipeline/build.js';
import { formatMessage } from '../report/catalogue.js';
import { displayPath } from '../paths.js';
import { printDiagnostics, sourceDate, type CommandContext } from './common.js';
import { diagnosticJson, pickLang } from '../report/text.js';

interface BuildFlags {
  output?: string;
  strict?: boolean;
  json?: boolean;
  lang?: string;
  verbose?: boolean;
  watch?: boolean;
  docx?: boolean;
  format?: OutputFormat[];
  docxEmbedFonts?: boolean;
  pdfa?: boolean;
}

const FORMATS: readonly OutputFormat[] = ['pdf', 'docx', 'ofd'];

/** `--format pdf,docx,ofd`: a comma-separated list of pdf, docx and ofd. */
function parseFormats(value: string): OutputFormat[] {
  const list = value.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
  const bad = list.find((f) => !FORMATS.includes(f as OutputFormat));
  if (bad !== undefined || list.length === 0) throw new InvalidArgumentError('use pdf, docx, ofd or a list such as pdf,docx,ofd');
  return list as OutputFormat[];
}

export function registerBuild(program: Command, ctx: CommandContext): void {
  program
    .command('build')
    .description('build each issue folder into a PDF (DIR.pdf beside the folder unless -o is given)')
    .argument('<dirs...>', 'the issue folders (e.g. issues/*/)')
    .option('-o, --output <file>', 'where to write the PDF, for a single folder (the .docx and .ofd go beside it)')
    .option('--docx', 'also write a Word file (DIR.docx) beside the PDF')
    .option('--format <list>', 'what to write: pdf, docx, ofd or a list such as pdf,ofd (default pdf)', parseFormats)
    .option('--docx-embed-fonts', 'embed the font files in the Word file (large)')
    .option('--pdfa', 'write the PDF as the archival edition: tagged PDF/A-2a, in sRGB')
    .option('--strict', 'treat warnings, and characters drawn by a fallback font, as errors')
    .option('--json', 'print a summary per issue (output, pages, warnings, diagnostics) as JSON')
    .addOption(new Option('--lang <lang>', 'language of messages (default from LANG)').choices(['zh', 'en']))
    .option('-v, --verbose', 'say which files were skipped')
    .option('-w, --watch', 'build again on every change until Ctrl-C (one folder)')
    .action(async (dirs: string[], o: BuildFlags) => {
      const lang = pickLang(o.lang);
      if (o.output && dirs.length > 1) {
        process.stderr.write(`${formatMessage('cli/output-one-folder', { count: dirs.length }, lang)}\n`);
        ctx.exit = 2;
        return;
      }
      const missing = dirs.filter((d) => !fs.existsSync(d) || !fs.statSync(d).isDirectory());
      if (missing.length) {
        for (const d of missing) process.stderr.write(`${formatMessage('cli/not-a-folder', { path: d }, lang)}\n`);
        ctx.exit = 2;
        return;
      }
      const date = sourceDate();
      if (o.watch) {
        if (dirs.length > 1) {
          process.stderr.write(`${formatMessage('cli/watch-one-folder', { count: dirs.length }, lang)}\n`);
          ctx.exit = 2;
          return;
        }
        // Loaded when asked for, as pdfkit is when a PDF is written.
        const { watchBuild } = await import('./watch.js');
        ctx.exit = await watchBuild({ dir: dirs[0]!, ...(o.output ? { output: o.output } : {}), ...(date ? { date } : {}), lang, json: !!o.json, verbose: !!o.verbose, pdfa: !!o.pdfa });
        return;
      }
      const formats = [...new Set([...(o.format ?? ['pdf']), ...(o.docx || o.docxEmbedFonts ? ['docx' as const] : [])])];
      const summaries = [];
      // One process for all: fonts are opened once and shared by every issue.
      for (const dir of dirs) {
        const result = await build({
          dir, formats, embedFonts: !!o.docxEmbedFonts, strict: !!o.strict, pdfa: !!o.pdfa, ...(o.output ? { output: o.output } : {}), ...(date ? { date } : {}),
        });
        const ok = result.pages !== undefined;
        if (!ok) ctx.exit = 1;
        if (o.json) {
          summaries.push({
            dir,
            ok,
            output: displayPath(result.output),
            written: (result.written ?? []).map(displayPath),
            ...(ok ? { pages: result.pages } : {}),
            errors: result.diagnostics.filter((d) => d.severity === 'error').length,
            warnings: result.diagnostics.filter((d) => d.severity === 'warning').length,
            diagnostics: result.diagnostics.map((d) => diagnosticJson(d, lang)),
          });
          continue;
        }
        printDiagnostics(result.diagnostics, lang, false, result.sources);
        if (o.verbose) for (const s of result.skipped) process.stderr.write(`${say('say/skipped-draft', lang, { path: s })}\n`);
        if (!ok) {
          if (dirs.length > 1) process.stderr.write(`${say('say/failed-folder', lang, { path: dir })}\n`);
          continue;
        }
        for (const file of result.written ?? []) {
          const out = displayPath(file);
          // Word lays out its own pages: the PDF's and the OFD's page counts are known.
          const paged = /\.(pdf|ofd)$/.test(file) && result.pages !== undefined;
          process.stderr.write(`${paged ? say('say/wrote-pages', lang, { path: out, pages: result.pages! }) : say('say/wrote', lang, { path: out })}\n`);
        }
      }
      if (o.json) process.stdout.write(JSON.stringify(summaries, null, 2) + '\n');
    });
}
