// `bulletin preview DIR [--port N] [--open]`: serve a live preview of the
// issue on 127.0.0.1 until Ctrl-C.

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { say } from '../diagnostics/messages.js';
import { formatMessage } from '../report/catalogue.js';
import { sourceDate, type CommandContext } from './common.js';
import { pickLang } from '../report/text.js';
import { untilStopped } from './signals.js';

export const DEFAULT_PORT = 7373;

interface PreviewFlags {
  port: number;
  open?: boolean;
  lang?: string;
}

export function registerPreview(program: Command, ctx: CommandContext): void {
  program
    .command('preview')
    .description('serve a live preview of DIR on http://127.0.0.1:PORT/ that follows every save')
    .argument('<dir>', 'the issue folder')
    .option('-p, --port <n>', `port to listen on (0: any free port)`, parsePort, DEFAULT_PORT)
    .option('--open', 'open the preview in the default browser')
    .addOption(new Option('--lang <lang>', 'language of messages (default from LANG)').choices(['zh', 'en']))
    .action(async (dir: string, o: PreviewFlags) => {
      const lang = pickLang(o.lang);
      if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
        process.stderr.write(`${formatMessage('cli/not-a-folder', { path: dir }, lang)}\n`);
        ctx.exit = 2;
        return;
      }
      const date = sourceDate();
      // Loaded when this command runs, as pdfkit is when a PDF is written.
      const { startPreview } = await import('../preview/server.js');
      let preview;
      try {
        preview = await startPreview({
          dir,
          port: o.port,
          lang,
          ...(date ? { date } : {}),
          onUpdate: (u) => {
            for (const d of u.diagnostics) process.stderr.write(`${d.text}\n`);
            process.stderr.write(`${u.status}\n`);
          },
        });
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        const reason = code === 'EADDRINUSE' ? say('say/preview-port-in-use', lang) : String(code ?? e);
        process.stderr.write(`${say('say/preview-failed', lang, { port: o.port, reason })}\n`);
        ctx.exit = 1;
        return;
      }
      process.stderr.write(`${say('say/preview-at', lang, { url: preview.url })}\n`);
      if (o.open) openBrowser(preview.url);
      await untilStopped();
      await preview.close();
    });
}

function parsePort(v: string): number {
  const n = Number(v);
  if (!/^\d+$/.test(v) || n > 65535) throw new InvalidArgumentError('a port number from 0 to 65535');
  return n;
}

/** The platform's opener; if there is none, the URL printed above is enough. */
function openBrowser(url: string): void {
  const [cmd, args] =
    process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '""', url]] : ['xdg-open', [url]];
  const child = spawn(cmd as string, args as string[], { detached: true, stdio: 'ignore' });
  child.on('error', () => {});
  child.unref();
}
