// `bulletin stats DIR [--from DATE] [--to DATE] [--csv]`: items and briefs
// per department over the issues in DIR (头条 counted apart), with a 合计 row.

import { Option, type Command } from 'commander';
import { formatMessage } from '../report/catalogue.js';
import { parseIsoDate } from '../issue/issue-yaml.js';
import { loadSeries } from '../series/load.js';
import { departmentStats, statsCsv, statsTable, type StatsHeader } from '../series/stats.js';
import { printDiagnostics, type CommandContext } from './common.js';
import { isFolder } from './series-command.js';
import { pickLang } from '../report/text.js';

const HEADER: Record<'zh' | 'en', StatsHeader & { sum: string }> = {
  zh: { department: '部门', lead: '头条', items: '条目', briefs: '简讯', total: '合计', sum: '合计' },
  en: { department: 'department', lead: 'lead', items: 'items', briefs: 'briefs', total: 'total', sum: 'total' },
};

export function registerStats(program: Command, ctx: CommandContext): void {
  program
    .command('stats')
    .description('per department: lead items, items and briefs published in the issues in DIR')
    .argument('<dir>', 'the folder that holds the issue folders')
    .option('--from <yyyy-mm-dd>', 'count issues dated on or after this day')
    .option('--to <yyyy-mm-dd>', 'count issues dated on or before this day')
    .option('--csv', 'print CSV (UTF-8 with BOM, for WPS and Excel) with Chinese headings')
    .addOption(new Option('--lang <lang>', 'language of messages and table headings (default from LANG)').choices(['zh', 'en']))
    .action(async (dir: string, o: { from?: string; to?: string; csv?: boolean; lang?: string }) => {
      const lang = pickLang(o.lang);
      if (!isFolder(dir)) {
        process.stderr.write(`${formatMessage('cli/not-a-folder', { path: dir }, lang)}\n`);
        ctx.exit = 2;
        return;
      }
      const from = o.from === undefined ? undefined : parseIsoDate(o.from);
      const to = o.to === undefined ? undefined : parseIsoDate(o.to);
      for (const [given, parsed] of [[o.from, from], [o.to, to]] as const) {
        if (given !== undefined && !parsed) {
          process.stderr.write(`${formatMessage('cli/bad-date', { date: given }, lang)}\n`);
          ctx.exit = 2;
          return;
        }
      }
      const series = await loadSeries(dir);
      // Counts over a series with a broken issue would be wrong without a word: report and stop.
      if (series.diagnostics.some((d) => d.severity === 'error')) {
        printDiagnostics(series.diagnostics.filter((d) => d.severity === 'error'), lang, false, series.sources);
        ctx.exit = 1;
        return;
      }
      const { rows, sum } = departmentStats(series.issues, from, to);
      // The CSV is for the office's spreadsheet: its headings are Chinese whatever the terminal's language.
      const h = o.csv ? HEADER.zh : HEADER[lang];
      process.stdout.write(o.csv ? statsCsv(rows, sum, h, h.sum) : statsTable(rows, sum, h, h.sum));
    });
}
