// Odd and hostile folders (generate.ts) through `check` and `build` as a
// user runs them: each ends with exit 0 or 1, every line of output is a
// located diagnostic (or its source excerpt, or a summary), and nothing is a
// stack trace or an internal error. Folders go several to a process to stay
// quick; a generous timeout per batch is only a safety net against a hang.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { root, tmpDir } from '../helpers/cli.js';
import { generate, type Case } from './generate.js';

const CASES = 200;
const BATCH = 20;
const SEED = 15_000;

let work: string;
let cases: Case[] = [];
let close = () => {};
beforeAll(async () => {
  // HOSTILE_DIR keeps the folders (to measure each with /usr/bin/time -v).
  work = process.env.HOSTILE_DIR ?? tmpDir();
  ({ cases, close } = await generate(work, CASES, SEED));
}, 120_000);
afterAll(() => {
  close();
  if (!process.env.HOSTILE_DIR) fs.rmSync(work, { recursive: true, force: true });
});

/** A diagnostic's first line: `file:line:column: severity: message [rule]`. */
const LOCATED = /^.+:\d+:\d+: (error|warning|note): .+ \[[a-z]+\/[a-z0-9-]+\]$/;
/** What else may be printed: a source excerpt, a summary, what was written or not. */
const OTHER = [/^\s*\d+ \| /, /^\s+\| /, /^$/, /^(.+: )?(\d+ errors?|\d+ warnings?|no problems found)(, \d+ warnings?)?$/, /^wrote .+\.pdf \(\d+ pages?\)$/, /^failed .+: the input has errors$/];

/** The CLI in `work`, killed after 3 minutes (a hang shows as exit -1 and fails the batch). */
function bulletin(args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [path.join(root, 'bin/bulletin.js'), ...args], {
    cwd: work,
    env: { ...process.env, LANG: 'C' },
    encoding: 'utf8',
    timeout: 180_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

function checkOutput(run: { code: number; stdout: string; stderr: string }, batch: Case[], command: string): void {
  const label = `${command} of ${batch.map((c) => c.describe).join(' | ')}`;
  expect([0, 1], `${label}\n${run.stderr.slice(-2000)}`).toContain(run.code);
  expect(run.stderr, label).not.toMatch(/internal error|\n\s+at |Error:|Maximum call stack|\bundefined\b/);
  for (const line of run.stderr.split('\n')) {
    const ok = LOCATED.test(line) || OTHER.some((re) => re.test(line));
    expect(ok, `${label}\nline: ${JSON.stringify(line.slice(0, 300))}`).toBe(true);
  }
}

describe(`hostile folders (${CASES} seeded cases)`, () => {
  const batches = Array.from({ length: CASES / BATCH }, (_, i) => i);

  it.each(batches)('batch %i: check and build as subprocesses exit 0 or 1 with located errors only', (i) => {
    const batch = cases.slice(i * BATCH, (i + 1) * BATCH);
    const dirs = batch.map((c) => path.relative(work, c.dir));
    const checked = bulletin(['check', '--lang', 'en', ...dirs]);
    checkOutput(checked, batch, 'check');
    const built = bulletin(['build', '--lang', 'en', ...dirs]);
    checkOutput(built, batch, 'build');
    for (const [k, c] of batch.entries()) {
      // check says it for each folder: `c007: 2 errors, 1 warning`.
      const said = checked.stderr.split('\n').find((line) => line.startsWith(`${dirs[k]}: `)) ?? '';
      const checkFailed = /\berrors?\b/.test(said);
      const buildFailed = built.stderr.includes(`failed ${dirs[k]}:`);
      // What build stops on, check reports (a template that would loop in layout included) …
      expect(buildFailed, `${c.describe}: check said "${said}"`).toBe(checkFailed);
      // … and a failed build writes nothing.
      expect(fs.existsSync(`${c.dir}.pdf`), c.describe).toBe(!buildFailed);
    }
  }, 400_000);

  it('the generator did make hostile input: most folders fail, some build', () => {
    const pdfs = cases.filter((c) => fs.existsSync(`${c.dir}.pdf`)).length;
    expect(pdfs).toBeGreaterThan(0);
    expect(pdfs).toBeLessThan(CASES / 2);
  });
});
