#!/usr/bin/env node
// Entry point: run the CLI; a bug becomes one line and exit code 1, not a stack trace
// (set BULLETIN_DEBUG=1 to see the trace).
import { main } from '../dist/bulletin.mjs';

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`bulletin: internal error: ${e && e.message ? e.message : e}\n`);
    if (process.env.BULLETIN_DEBUG) process.stderr.write(`${e && e.stack}\n`);
    process.exitCode = 1;
  },
);
