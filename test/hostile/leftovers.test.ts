// A build killed between writing its temporary file and renaming it leaves
// `.NAME.pdf.<pid>.tmp` behind; the next build into the same place removes
// those whose process is gone, and nothing else.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bulletin, copyExample } from '../helpers/cli.js';

const { dir, folder } = copyExample();
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('temporary files of a killed build', () => {
  it('are removed by the next build into the same place; a live process\'s and other names stay', () => {
    const gone = spawnSync('true').pid!; // a process that has exited
    const out = path.join(dir, 'out');
    fs.mkdirSync(out);
    const names = {
      dead: `.issue.pdf.${gone}.tmp`,
      live: `.issue.pdf.${process.pid}.tmp`,
      otherOutput: `.other.pdf.${gone}.tmp`,
      notAPid: '.issue.pdf.abc.tmp',
    };
    for (const name of Object.values(names)) fs.writeFileSync(path.join(out, name), 'partial');
    const r = bulletin(['build', folder, '-o', path.join(out, 'issue.pdf')]);
    expect(r.code, r.stderr).toBe(0);
    expect(fs.readdirSync(out).sort()).toEqual([names.otherOutput, names.notAPid, names.live, 'issue.pdf'].sort());
  });
});
