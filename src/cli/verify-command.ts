// `bulletin verify FILE`: proof-read a finished PDF or OFD, ours or another tool's,
// as a proof-reader would, from the file alone (src/verify/). Exit codes: 0 every
// check holds, 1 a check failed, 2 the file cannot be read or wrong usage.

import fs from 'node:fs';
import { Option, type Command } from 'commander';
import { Diagnostics } from '../diagnostics/diagnostic.js';
import type { Lang } from '../diagnostics/messages.js';
import { formatMessage } from '../report/catalogue.js';
import { displayPath } from '../paths.js';
import { findTemplate, loadTemplate } from '../template/load.js';
import type { PageNumbers, VerifyOptions } from '../verify/checks.js';
import { geometryOf } from '../verify/geometry.js';
import type { VerifyReport } from '../verify/registry.js';
import { printDiagnostics, type CommandContext } from './common.js';
import { pickLang } from '../report/text.js';

interface VerifyFlags {
  template: string;
  pageNumbers?: PageNumbers;
  footerBottom?: boolean;
  breaks?: boolean;
  pdfa?: boolean;
  expect?: string;
  inOrder?: boolean;
  forbid?: string;
  json?: boolean;
  lang?: string;
}

export function registerVerify(program: Command, ctx: CommandContext): void {
  program
    .command('verify')
    .description('proof-read a PDF or an OFD (ours or any other): page size, embedded fonts, text, line breaks, justification, page numbers, the 报尾; a PDF\'s PDF/A markers and structure tree; an OFD\'s package structure')
    .argument('<file>', 'the PDF or OFD')
    .option('-t, --template <name>', 'the template whose page, text block and page numbers the PDF must have', 'default')
    .addOption(new Option('--page-numbers <where>', 'where page numbers must be (default: where the template puts them)').choices(['outside', 'center', 'any', 'none']))
    .option('--footer-bottom', "the last page's last line sits on the text block's bottom edge, where the 报尾 belongs")
    .option('--breaks', 'also: …… or —— at a line start, attributions split across lines, numbers split from their units')
    .option('--pdfa', 'a PDF must be PDF/A and pass the PDF/A preflight (otherwise "not PDF/A" is only noted)')
    .option('--expect <file>', 'a file of lines (UTF-8, one a line) that must appear in the text, white space ignored')
    .option('--in-order', 'the --expect lines must appear in their order')
    .option('--forbid <file>', 'a file of lines that must not appear in the text')
    .option('--json', 'print the report as JSON')
    .addOption(new Option('--lang <lang>', 'language of messages (default from LANG)').choices(['zh', 'en']))
    .action(async (file: string, o: VerifyFlags) => {
      const lang = pickLang(o.lang);
      const diags = new Diagnostics();
      const template = loadTemplate(findTemplate(o.template, process.cwd()), diags);
      if (!template || diags.hasErrors) {
        printDiagnostics(diags.list, lang, false);
        ctx.exit = 2;
        return;
      }
      const lines = (f: string | undefined) => (f === undefined ? undefined : fs.readFileSync(f, 'utf8').split(/\r?\n/));
      let options: VerifyOptions;
      try {
        options = { expect: lines(o.expect), inOrder: o.inOrder, forbid: lines(o.forbid), pageNumbers: o.pageNumbers, footerBottom: o.footerBottom, breaks: o.breaks, pdfa: o.pdfa };
      } catch (e) {
        const path = (e as NodeJS.ErrnoException).path ?? '';
        process.stderr.write(`${formatMessage('verify/no-list', { path, reason: (e as NodeJS.ErrnoException).code ?? '' }, lang)}\n`);
        ctx.exit = 2;
        return;
      }
      // The OFD and PDF/A checkers, their XML parser and fflate load only for this command (pdf.js already on demand).
      const { holds, NoPdfReader, Unreadable, verifyFile } = await import('../verify/registry.js');
      let report: VerifyReport;
      try {
        report = await verifyFile(file, geometryOf(template), options);
      } catch (e) {
        if (e instanceof NoPdfReader) process.stderr.write(`${formatMessage('verify/no-reader', { reason: e.message }, lang)}\n`);
        else if (e instanceof Unreadable) process.stderr.write(`${formatMessage('verify/unreadable', { path: file, reason: e.message }, lang)}\n`);
        else throw e;
        ctx.exit = 2;
        return;
      }
      process.stdout.write(o.json ? `${JSON.stringify(jsonReport(report, lang, holds), null, 2)}\n` : textReport(report, lang, holds));
      ctx.exit = report.ok ? 0 : 1;
    });
}

type Holds = (c: VerifyReport['checks'][number]) => boolean;

/** Each finding with its message in the chosen language. */
function jsonReport(r: VerifyReport, lang: Lang, holds: Holds) {
  return {
    ...r,
    checks: r.checks.map((c) => ({
      id: c.id,
      ok: holds(c),
      findings: c.findings.map((f) => ({
        ...(f.page ? { page: f.page } : {}),
        ...(f.where ? { where: f.where } : {}),
        ...(f.severity ? { severity: f.severity } : {}),
        rule: f.message ?? `verify/${f.check}`,
        message: formatMessage(f.message ?? `verify/${f.check}`, f.args, lang),
      })),
    })),
  };
}

/**
 * `file: page N: message [verify/id]` for each finding (a warning or note says so; a finding of the OFD or PDF/A
 * checker names its own rule too), then the measured figures, the checks run and one summary line.
 */
function textReport(r: VerifyReport, lang: Lang, holds: Holds): string {
  const shown = displayPath(r.file);
  const out: string[] = [];
  for (const c of r.checks) {
    for (const f of c.findings) {
      const where = f.page ? `${formatMessage('verify/page', { page: f.page }, lang)}: ` : f.where ? `${f.where}: ` : '';
      const severity = f.severity ? `${formatMessage(`verify/${f.severity}`, {}, lang)}: ` : '';
      const rule = f.message && !f.message.startsWith('verify/') ? ` ${f.message}` : '';
      out.push(`${shown}: ${where}${severity}${formatMessage(f.message ?? `verify/${f.check}`, f.args, lang)} [verify/${c.id}${rule}]`);
    }
  }
  const figures = Object.fromEntries(Object.entries(r.figures).map(([k, v]) => [k, v ?? '—']));
  out.push(formatMessage(`verify/figures-${r.format}`, figures, lang));
  out.push(formatMessage('verify/checked', { checks: r.checks.map((c) => c.id).join(', ') }, lang));
  const failed = r.checks.filter((c) => !holds(c));
  out.push(failed.length
    ? formatMessage('verify/failed', { path: shown, findings: failed.reduce((n, c) => n + c.findings.filter((f) => !f.severity).length, 0), checks: failed.length, count: r.checks.length }, lang)
    : formatMessage('verify/ok', { path: shown, count: r.checks.length }, lang));
  return `${out.join('\n')}\n`;
}
