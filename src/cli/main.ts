// The command line. Each command lives in its own module and registers
// itself here. Exit codes: 0 done (warnings allowed), 1 the input has
// errors, 2 wrong usage.

import { Command, CommanderError } from 'commander';
import { registerBuild } from './build-command.js';
import { registerCheck } from './check-command.js';
import { registerImport } from './import-command.js';
import { registerInit } from './init-command.js';
import type { CommandContext } from './common.js';
import { registerFonts } from './fonts-command.js';
import { registerPreview } from './preview-command.js';
import { registerSeries } from './series-command.js';
import { registerStats } from './stats-command.js';
import { registerVolume } from './volume-command.js';
import { registerVerify } from './verify-command.js';

export async function main(argv: string[]): Promise<number> {
  const ctx: CommandContext = { exit: 0 };
  const program = new Command('bulletin')
    .description('Compile a folder of Markdown reports into the print PDF of a work bulletin (简报 / 政务信息)')
    .version('0.1.0')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });

  registerBuild(program, ctx);
  registerCheck(program, ctx);
  registerInit(program, ctx);
  registerImport(program, ctx);
  registerFonts(program, ctx);
  registerPreview(program, ctx);
  registerSeries(program, ctx);
  registerStats(program, ctx);
  registerVolume(program, ctx);
  registerVerify(program, ctx);

  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (e) {
    // --help and --version exit 0; anything else commander rejects is wrong usage.
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    throw e;
  }
  return ctx.exit;
}
