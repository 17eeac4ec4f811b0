// `bulletin fonts [DIR] [--json]`: which face draws each role, from which file,
// under which licence, and what the faces cover (the issue's text, GB2312, the
// 8,105 通用规范汉字): the characters that fall back and the ones missing.

import fs from 'node:fs';
import path from 'node:path';
import { Option, type Command } from 'commander';
import { Diagnostics } from '../diagnostics/diagnostic.js';
import { say, type Lang, type Word } from '../diagnostics/messages.js';
import { formatMessage } from '../report/catalogue.js';
import { loadFontSet } from '../fonts/fontset.js';
import { fontsReport, type FontsReport } from '../fonts/report.js';
import { loadIssue } from '../issue/load.js';
import type { Issue } from '../issue/model.js';
import { displayPath } from '../paths.js';
import { findTemplate, loadTemplate } from '../template/load.js';
import { printDiagnostics, type CommandContext } from './common.js';
import { pickLang } from '../report/text.js';

interface FontsFlags {
  json?: boolean;
  lang?: string;
  template?: string;
}

export function registerFonts(program: Command, ctx: CommandContext): void {
  program
    .command('fonts')
    .description("show each font role's face, file, version and licence, and the coverage of the issue's text, GB2312 and the 8,105 通用规范汉字")
    .argument('[dir]', 'an issue folder (its issue.yaml `fonts:` and its text); without it, the default template')
    .option('--json', 'print the report as JSON')
    .option('-t, --template <name>', 'template name or path, when no DIR is given', 'default')
    .addOption(new Option('--lang <lang>', 'language of messages (default from LANG)').choices(['zh', 'en']))
    .action(async (dir: string | undefined, o: FontsFlags) => {
      const lang = pickLang(o.lang);
      if (dir !== undefined && (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory())) {
        process.stderr.write(`${formatMessage('cli/not-a-folder', { path: dir }, lang)}\n`);
        ctx.exit = 2;
        return;
      }
      const diags = new Diagnostics();
      let issue: Issue | undefined;
      if (dir !== undefined) {
        const loaded = await loadIssue(dir);
        diags.merge(loaded.diagnostics);
        issue = loaded.issue;
      }
      const templateName = issue?.template?.value ?? o.template ?? 'default';
      const templateFile = findTemplate(templateName, issue?.dir ?? process.cwd());
      const template = diags.hasErrors ? undefined : loadTemplate(templateFile, diags);
      const fonts = template ? loadFontSet(template, path.dirname(templateFile), issue, diags) : undefined;
      if (!template || !fonts || diags.hasErrors) {
        printDiagnostics(diags.list, lang, false);
        ctx.exit = 1;
        return;
      }
      printDiagnostics(diags.list, lang, false);
      const report = fontsReport(template, fonts, issue);
      process.stdout.write(o.json ? JSON.stringify(report, null, 2) + '\n' : formatReport(report, lang));
    });
}

const LIST_AT_MOST = 40;

function short(chars: string, lang: Lang): string {
  const list = [...chars];
  return list.length <= LIST_AT_MOST ? list.join('') : `${list.slice(0, LIST_AT_MOST).join('')}… (${say('fonts-report/more', lang, { count: list.length - LIST_AT_MOST })})`;
}

function table(rows: string[][]): string {
  const width = (s: string) => [...s].reduce((w, c) => w + (c.codePointAt(0)! >= 0x1100 ? 2 : 1), 0);
  const cols = rows[0]!.map((_, i) => Math.max(...rows.map((r) => width(r[i] ?? ''))));
  return rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c + ' '.repeat(cols[i]! - width(c)))).join('  ').trimEnd()).join('\n') + '\n';
}

export function formatReport(r: FontsReport, lang: Lang): string {
  const w = (word: Word) => say(word, lang);
  const out: string[] = [];
  out.push(`${say('fonts-report/title', lang, { dir: r.dir ? ` ${r.dir}` : '', template: r.template })}\n\n`);

  out.push(table([
    [w('fonts-report/role'), w('fonts-report/faces')],
    ...r.roles.map((role) => [role.role, role.faces.map((f) => `${f.id}${f.origin === 'issue.yaml' ? ' [issue.yaml]' : ''}`).join(' → ')]),
  ]));
  out.push('\n');

  const licence = (f: FontsReport['faces'][number]) => {
    const first = f.license.split('\n')[0]!.trim();
    return (first && first.length <= 48 ? first : '') || f.licenseUrl || (first ? `${first.slice(0, 45)}…` : '—');
  };
  out.push(table([
    [w('fonts-report/face'), w('fonts-report/file'), w('fonts-report/version'), w('fonts-report/licence')],
    ...r.faces.map((f) => [f.id, f.bundled ? `fonts/${path.basename(f.file)} (${w('fonts-report/bundled')})` : displayPath(f.file), f.version || '—', licence(f)]),
  ]));
  out.push('\n');

  const pct = (n: number, of: number) => (of ? `${((100 * n) / of).toFixed(1)}%` : '—');
  out.push(table([
    [w('fonts-report/characters'), w('fonts-report/role'), w('fonts-report/own-face'), w('fonts-report/with-fallbacks'), w('fonts-report/missing')],
    ...r.coverage.flatMap((c) => c.roles.map((rc) => [
      `${c.label} (${c.size})`, rc.role, `${rc.own}/${rc.total} ${pct(rc.own, rc.total)}`, `${rc.covered}/${rc.total} ${pct(rc.covered, rc.total)}`, String([...rc.missing].length),
    ])),
  ]));

  for (const c of r.coverage) {
    const lines: string[] = [];
    for (const rc of c.roles) {
      for (const [face, chars] of Object.entries(rc.fallback)) lines.push(`  ${rc.role} → ${face}: ${short(chars, lang)}`);
      if (rc.missing) lines.push(`  ${say('fonts-report/role-missing', lang, { role: rc.role })}: ${short(rc.missing, lang)}`);
    }
    if (lines.length) out.push(`\n${say('fonts-report/fallback-heading', lang, { label: c.label })}\n${lines.join('\n')}\n`);
  }
  if (r.index) {
    const i = r.index;
    out.push(`\n${say('fonts-report/index', lang, { faces: i.faces, files: i.files, parsed: i.parsed, cache: i.cacheFile })}\n`);
  }
  return out.join('');
}
