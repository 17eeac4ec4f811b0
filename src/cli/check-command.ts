// `bulletin check DIR… [--strict] [--json] [--lang zh|en] [--fix]`: every
// error and house-style warning, without building a PDF. `--fix` rewrites
// the mechanical cases in place and then checks again.

import fs from 'node:fs';
import { Option, type Command } from 'commander';
import { checkIssue } from '../pipeline/check.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { say, type Lang } from '../diagnostics/messages.js';
import { formatMessage } from '../report/catalogue.js';
import { applyFixes } from '../lint/fix.js';
import type { Fix } from '../lint/index.js';
import { writeAtomic } from '../output/write-atomic.js';
import { printDiagnostics, type CommandContext } from './common.js';
import { pickLang, summary } from '../report/text.js';

interface CheckFlags {
  strict?: boolean;
  json?: boolean;
  lang?: string;
  fix?: boolean;
  verbose?: boolean;
}

export function registerCheck(program: Command, ctx: CommandContext): void {
  program
    .command('check')
    .description('check each DIR without building: every error and house-style warning, at file:line:column')
    .argument('<dirs...>', 'the issue folders')
    .option('--strict', 'treat warnings as errors')
    .option('--json', 'print diagnostics as JSON')
    .addOption(new Option('--lang <lang>', 'language of messages (default from LANG)').choices(['zh', 'en']))
    .option('--fix', 'rewrite the safe cases in place: half-width marks in Chinese text, full-width digits and letters, ASCII quotes')
    .option('-v, --verbose', 'say which files were skipped')
    .action(async (dirs: string[], o: CheckFlags) => {
      const lang = pickLang(o.lang);
      const missing = dirs.filter((d) => !fs.existsSync(d) || !fs.statSync(d).isDirectory());
      if (missing.length) {
        for (const d of missing) process.stderr.write(`${formatMessage('cli/not-a-folder', { path: d }, lang)}\n`);
        ctx.exit = 2;
        return;
      }
      // Several folders (issues/*/) in one process: JSON is one array of all their diagnostics.
      const all: Diagnostic[] = [];
      const sources: Record<string, string> = {};
      for (const dir of dirs) {
        let result = await checkIssue(dir, !!o.strict);
        if (o.fix) {
          const fixed = fixFiles(result.fixes, lang);
          if (!fixed) {
            ctx.exit = 1;
            return;
          }
          if (fixed.count > 0) result = await checkIssue(dir, !!o.strict);
        }
        const { diagnostics } = result;
        if (o.json) {
          all.push(...diagnostics);
          Object.assign(sources, result.sources);
        } else {
          printDiagnostics(diagnostics, lang, false, result.sources);
          if (o.verbose) for (const s of result.skipped) process.stderr.write(`${say('say/skipped-draft', lang, { path: s })}\n`);
          const said = summary(diagnostics, lang) ?? say('say/no-problems', lang);
          process.stderr.write(`${dirs.length > 1 ? `${dir}: ` : ''}${said}\n`);
        }
        if (diagnostics.some((d) => d.severity === 'error' || (o.strict && d.severity === 'warning'))) ctx.exit = 1;
      }
      if (o.json) printDiagnostics(all, lang, true, sources);
    });
}

/**
 * Applies the fixes file by file, each written atomically, and says what
 * changed. Returns how many changes were made, or undefined if a file could
 * not be written (reported).
 */
function fixFiles(fixes: Fix[], lang: Lang): { count: number } | undefined {
  const byFile = new Map<string, Fix[]>();
  for (const f of fixes) byFile.set(f.file, [...(byFile.get(f.file) ?? []), f]);
  let count = 0;
  for (const [file, list] of byFile) {
    try {
      const real = fs.realpathSync(file); // keep a symbolic link a link: rewrite what it points to
      const result = applyFixes(fs.readFileSync(real), list);
      if (!result || result.applied.length === 0) continue;
      writeAtomic(real, result.bytes, fs.statSync(real).mode & 0o7777);
      for (const f of result.applied) {
        const change = `\`${f.old}\` → \`${f.text}\``;
        process.stderr.write(`${f.file}:${f.line}:${f.column}: ${say('say/fixed', lang, { change })} [${f.rule}]\n`);
      }
      count += result.applied.length;
    } catch (e) {
      const reason = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
      process.stderr.write(`${file}:1:1: ${say('say/error', lang)}: ${formatMessage('output/write-failed', { path: file, reason }, lang)} [output/write-failed]\n`);
      return undefined;
    }
  }
  if (count > 0) {
    const files = byFile.size;
    process.stderr.write(`${say('say/fixed-total', lang, { count, files })}\n`);
  }
  return { count };
}
