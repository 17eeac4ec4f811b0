// Reading only regular files, stat first, with a size cap: a fifo never
// blocks, /dev/zero never fills memory, and every refusal says why.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkFile, readRegularFile, reasonText } from '../../src/issue/read-file.js';
import { tmpDir } from '../helpers/cli.js';

let dir: string;
const at = (name: string) => path.join(dir, name);

beforeAll(() => {
  dir = tmpDir();
  fs.writeFileSync(at('ok.md'), '正文');
  fs.symlinkSync('ok.md', at('link.md'));
  fs.symlinkSync('/nonexistent/x.md', at('dangling.md'));
  fs.symlinkSync('loop-b.md', at('loop-a.md'));
  fs.symlinkSync('loop-a.md', at('loop-b.md'));
  fs.mkdirSync(at('folder.md'));
  fs.symlinkSync('/dev/zero', at('zero.md'));
  expect(spawnSync('mkfifo', [at('fifo.md')]).status).toBe(0);
  fs.writeFileSync(at('big.md'), Buffer.alloc(2049, 0x61));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('readRegularFile', () => {
  it('reads a file, and a link to a file', () => {
    expect(readRegularFile(at('ok.md'), 100)).toEqual({ ok: true, bytes: Buffer.from('正文') });
    expect(readRegularFile(at('link.md'), 100)).toEqual({ ok: true, bytes: Buffer.from('正文') });
  });

  it.each([
    ['missing.md', 'missing'],
    ['dangling.md', 'dangling-link'],
    ['loop-a.md', 'link-loop'],
    ['folder.md', 'folder'],
    ['zero.md', 'device'],
    ['fifo.md', 'fifo'],
  ])('%s is refused as %s, without opening it', (name, why) => {
    expect(readRegularFile(at(name), 1 << 20)).toMatchObject({ ok: false, why });
  });

  it('a file past the limit is refused with its size, one byte past is enough', () => {
    expect(readRegularFile(at('big.md'), 2048)).toMatchObject({ ok: false, why: 'too-large', size: 2049, limit: 2048 });
    expect(readRegularFile(at('big.md'), 2049)).toMatchObject({ ok: true });
    expect(checkFile(at('big.md'), 2048)).toMatchObject({ ok: false, why: 'too-large' });
  });

  it('says why in both languages, sizes in plain units', () => {
    expect(reasonText({ why: 'too-large', size: 3 * 1024 * 1024 + 200_000, limit: 1024 * 1024 })).toEqual({
      en: 'it is 3.2 MiB, more than the 1 MiB this kind of file may have',
      zh: '它有 3.2 MiB，超过了此类文件 1 MiB 的上限',
    });
    expect(reasonText({ why: 'fifo' }).zh).toMatch(/管道/);
  });
});
