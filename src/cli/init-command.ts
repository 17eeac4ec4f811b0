// `bulletin init DIR [--from PREV] [--date YYYY-MM-DD]` and
// `bulletin new DIR --department NAME [--brief] [--title TEXT]`.

import fs from 'node:fs';
import path from 'node:path';
import { Option, type Command } from 'commander';
import { formatMessage } from '../report/catalogue.js';
import { displayPath } from '../paths.js';
import { initFresh, initFromPrevious, today, type IsoDate } from '../scaffold/init.js';
import { newItem } from '../scaffold/new-item.js';
import { nextFromSeries } from '../series/next.js';
import { sourceDate, type CommandContext } from './common.js';
import { pickLang } from '../report/text.js';

const langOption = () => new Option('--lang <lang>', 'language of messages (default from LANG)').choices(['zh', 'en']);

function parseDate(s: string): IsoDate | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCMonth() === month - 1 && d.getUTCDate() === day ? { year, month, day } : undefined;
}

export function registerInit(program: Command, ctx: CommandContext): void {
  program
    .command('init')
    .description('start a new issue folder: from the previous issue (--from), or with a sample item')
    .argument('<dir>', 'the new issue folder')
    .option('--from <prev>', 'the previous issue folder: number and total plus one, no items')
    .option('--date <yyyy-mm-dd>', 'the issue date (default: today)')
    .addOption(langOption())
    .action(async (dir: string, o: { from?: string; date?: string; lang?: string }) => {
      const lang = pickLang(o.lang);
      const say = (rule: string, args: Record<string, string> = {}) => process.stderr.write(`${formatMessage(rule, args, lang)}\n`);
      const date = o.date ? parseDate(o.date) : today(sourceDate());
      if (!date) {
        say('cli/bad-date', { date: o.date ?? '' });
        ctx.exit = 2;
        return;
      }
      // Among other issue folders, the series decides the numbers (PREV may not be the latest).
      const series = o.from && fs.existsSync(path.join(o.from, 'issue.yaml')) ? await nextFromSeries(o.from, date) : undefined;
      if (series?.latest) {
        const { latest } = series;
        say('cli/init-not-latest', { path: o.from!, latest: displayPath(latest.dir), year: String(latest.year), number: String(latest.number), next: String(series.number) });
      }
      const r = o.from ? initFromPrevious(dir, o.from, date, series ?? {}) : initFresh(dir, date);
      if (!r.ok) {
        say(`cli/init-${r.reason}`, { path: r.detail ?? dir });
        ctx.exit = r.reason === 'not-empty' ? 2 : 1;
        return;
      }
      for (const f of r.files) process.stdout.write(`${displayPath(f)}\n`);
    });

  program
    .command('new')
    .description('add the next item file to an issue folder')
    .argument('<dir>', 'the issue folder')
    .requiredOption('--department <name>', 'the department, printed as the attribution')
    .option('--brief', 'a △ brief (no title)')
    .option('--title <text>', 'the item title')
    .addOption(langOption())
    .action((dir: string, o: { department: string; brief?: boolean; title?: string; lang?: string }) => {
      const lang = pickLang(o.lang);
      if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
        process.stderr.write(`${formatMessage('cli/not-a-folder', { path: dir }, lang)}\n`);
        ctx.exit = 2;
        return;
      }
      // A brief has no title: dropping the one given would lose it without a word.
      if (o.brief && o.title !== undefined) {
        process.stderr.write(`${formatMessage('cli/new-brief-title', { title: o.title }, lang)}\n`);
        ctx.exit = 2;
        return;
      }
      const file = newItem(dir, { department: o.department, brief: !!o.brief, ...(o.title ? { title: o.title } : {}) });
      process.stdout.write(`${displayPath(file)}\n`);
    });
}
