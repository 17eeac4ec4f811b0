// `bulletin build DIR --watch` as a user runs it: edit, break, fix, add and
// delete files while it watches, and read the PDF back each time.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bulletin, copyExample, flatText, pdfImages, pdfText, tmpDir } from '../helpers/cli.js';
import { png, writeFiles } from '../helpers/images.js';
import { Running } from '../helpers/long-running.js';

const epoch = { SOURCE_DATE_EPOCH: '1737331200' };
const text = (pdf: string) => flatText(pdfText(pdf));

function replaceIn(file: string, from: string | RegExp, to: string): void {
  const before = fs.readFileSync(file, 'utf8');
  const after = before.replace(from, to);
  if (after === before) throw new Error(`${from} not in ${file}`);
  fs.writeFileSync(file, after);
}

describe('build --watch', () => {
  let dir: string;
  let folder: string;
  let pdf: string;
  let w: Running;
  const item = (name: string) => path.join(folder, name);

  beforeAll(async () => {
    ({ dir, folder } = copyExample());
    pdf = path.join(dir, 'issue-07.pdf');
    w = new Running(['build', 'issue-07', '--watch'], { cwd: dir, env: epoch });
    await w.waitFor('the first build', () => w.stderr.includes('watching'));
  });
  afterAll(async () => {
    await w?.stop('SIGKILL');
  });

  it('builds once at the start, with a status line giving pages and warnings', () => {
    expect(w.statusLines).toHaveLength(1);
    expect(w.statusLines[0]).toMatch(/built issue-07\.pdf: 4 pages, 0 warnings \(\d+ ms\)/);
    expect(text(pdf)).toContain('区科技局');
  });

  it('an edit to an item gives a new PDF with the new text', async () => {
    replaceIn(item('03-kejiju.md'), '科技服务', '科技攻关服务');
    await w.waitFor('the edit in the PDF', () => text(pdf).includes('科技攻关服务'));
  });

  it('writes the same bytes as a fresh build of the same folder', () => {
    const fresh = path.join(tmpDir(), 'fresh.pdf');
    expect(bulletin(['build', folder, '-o', fresh], { env: epoch }).code).toBe(0);
    expect(fs.readFileSync(pdf).equals(fs.readFileSync(fresh))).toBe(true);
  });

  it('a broken file prints its diagnostic with file:line:column, and the PDF stays byte-identical', async () => {
    const before = fs.readFileSync(pdf);
    const n = w.statusLines.length;
    replaceIn(item('06-weijianwei.md'), /^title:.*\n/m, '');
    await w.waitFor('a failed build', () => w.statusLines.slice(n).some((l) => l.includes('not built')));
    expect(w.stderr).toMatch(/issue-07\/06-weijianwei\.md:1:1: error: .*\[frontmatter\/required\]/);
    expect(w.statusLines.at(-1)).toContain('not built: 1 error, 0 warnings; issue-07.pdf is still the last good one');
    expect(fs.readFileSync(pdf).equals(before)).toBe(true);
    expect(fs.readdirSync(dir).sort()).toEqual(['issue-07', 'issue-07.pdf']);
  });

  it('fixing the file builds again', async () => {
    const n = w.statusLines.length;
    const file = item('06-weijianwei.md');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('---\n', '---\ntitle: 卫健委修好的标题\n'));
    await w.waitFor('a good build', () => w.statusLines.slice(n).some((l) => l.includes('built issue-07.pdf')));
    expect(text(pdf)).toContain('卫健委修好的标题');
  });

  it('a new item file appears in the next PDF, and a deleted one disappears', async () => {
    fs.writeFileSync(item('05b-xinzeng.md'), '---\ntitle: 新增条目的标题\ndepartment: 区新增局\n---\n新增条目的正文。\n');
    await w.waitFor('the new item', () => text(pdf).includes('新增条目的标题'));
    expect(text(pdf)).toContain('（区新增局）');
    fs.rmSync(item('05b-xinzeng.md'));
    fs.rmSync(item('04-yingjiju.md'));
    await w.waitFor('both items gone', () => !/新增条目|（区应急局）/.test(text(pdf)));
  });

  it('follows saves by rename: a temporary file renamed over the item, and the item moved away then written anew', async () => {
    const file = item('02-fagaiwei.md');
    const tmp = `${file}.tmp-save`;
    fs.writeFileSync(tmp, fs.readFileSync(file, 'utf8').replace('重点项目', '重大项目'));
    fs.renameSync(tmp, file);
    await w.waitFor('the renamed save', () => text(pdf).includes('重大项目'));
    // vim's default: rename the original to a backup, write a new file, delete the backup.
    const backup = `${file}~`;
    fs.renameSync(file, backup);
    fs.writeFileSync(file, fs.readFileSync(backup, 'utf8').replace('重大项目', '重中之重项目'));
    fs.rmSync(backup);
    await w.waitFor('the vim-style save', () => text(pdf).includes('重中之重项目'));
  });

  it('a change to issue.yaml rebuilds', async () => {
    replaceIn(path.join(folder, 'issue.yaml'), 'editor: 柴亚文', 'editor: 王编辑');
    await w.waitFor('the new editor', () => text(pdf).includes('责任编辑：王编辑'));
  });

  it('rebuilds on changes inside subfolders, also ones made while watching (images, fonts kept there)', async () => {
    const images = path.join(folder, 'images');
    fs.mkdirSync(images);
    let n = w.statusLines.length;
    fs.writeFileSync(path.join(images, 'chart.png'), 'one');
    await w.waitFor('a build for the new file', () => w.statusLines.length > n);
    n = w.statusLines.length;
    fs.writeFileSync(path.join(images, 'chart.png'), 'two');
    await w.waitFor('a build for the changed file', () => w.statusLines.length > n);
    fs.rmSync(images, { recursive: true });
  });

  it('Ctrl-C exits 0 and leaves only the folder and the PDF', async () => {
    expect(await w.stop('SIGINT')).toBe(0);
    expect(fs.readdirSync(dir).sort()).toEqual(['issue-07', 'issue-07.pdf']);
  });
});

describe('build --watch, other inputs', () => {
  it('rebuilds when a template outside the folder changes, and exits 0 on SIGTERM', async () => {
    const { dir, folder } = copyExample();
    const template = path.join(dir, 'house.yaml');
    fs.copyFileSync(path.resolve('templates/default.yaml'), template);
    fs.appendFileSync(path.join(folder, 'issue.yaml'), 'template: ../house.yaml\n');
    const out = path.join(dir, 'out.pdf');
    const w = new Running(['build', folder, '--watch', '-o', out], { env: epoch });
    try {
      await w.waitFor('the first build', () => w.statusLines.length === 1 && w.stderr.includes('watching'));
      expect(text(out)).toContain('本期送：');
      replaceIn(template, 'editor: "责任编辑：{editor}"', 'editor: "本期编辑：{editor}"');
      await w.waitFor('the new footer', () => text(out).includes('本期编辑：柴亚文'));
      expect(await w.stop('SIGTERM')).toBe(0);
    } finally {
      await w.stop('SIGKILL');
    }
  });

  it('does not rebuild on its own writes when the PDF goes inside the folder', async () => {
    const { folder } = copyExample();
    const w = new Running(['build', folder, '--watch', '-o', path.join(folder, 'inside.pdf')]);
    try {
      await w.waitFor('the first build', () => w.stderr.includes('watching'));
      await new Promise((r) => setTimeout(r, 600));
      expect(w.statusLines).toHaveLength(1);
      expect(fs.readdirSync(folder).filter((f) => !f.endsWith('.md'))).toEqual(['inside.pdf', 'issue.yaml'].sort());
    } finally {
      await w.stop('SIGKILL');
    }
  });

  it('speaks Chinese with --lang zh, and keeps watching after a first build that fails', async () => {
    const { dir, folder } = copyExample();
    const file = path.join(folder, '03-kejiju.md');
    replaceIn(file, /^department:.*\n/m, '');
    const w = new Running(['build', 'issue-07', '--watch', '--lang', 'zh'], { cwd: dir });
    try {
      await w.waitFor('the first status line', () => w.statusLines.length === 1);
      expect(w.statusLines[0]).toContain('未生成：1 个错误，0 个警告；尚无 PDF');
      expect(w.stderr).toContain('错误');
      expect(fs.existsSync(path.join(dir, 'issue-07.pdf'))).toBe(false);
      replaceIn(file, '---\n', '---\ndepartment: 区科技局\n');
      await w.waitFor('a good build', () => w.statusLines.some((l) => /已生成 issue-07\.pdf：4 页，0 个警告（\d+ 毫秒）/.test(l)));
      expect(await w.stop('SIGINT')).toBe(0);
    } finally {
      await w.stop('SIGKILL');
    }
  });

  it('rebuilds when an image changes, also one kept outside the folder', async () => {
    const { dir, folder } = copyExample();
    writeFiles(dir, { 'common/logo.png': png(40, 20) });
    writeFiles(folder, { 'photos/a.png': png(40, 30) });
    fs.appendFileSync(path.join(folder, '02-fagaiwei.md'), '\n![现场](photos/a.png)\n\n![标志](../common/logo.png)\n');
    const out = path.join(dir, 'out.pdf');
    const w = new Running(['build', folder, '--watch', '-o', out], { env: epoch });
    try {
      await w.waitFor('the first build', () => w.stderr.includes('watching'));
      expect(pdfImageSizes(out)).toEqual(['40x30', '40x20']);
      writeFiles(folder, { 'photos/a.png': png(30, 40) });
      await w.waitFor('the new photo', () => pdfImageSizes(out)[0] === '30x40');
      writeFiles(dir, { 'common/logo.png': png(50, 10) });
      await w.waitFor('the new logo', () => pdfImageSizes(out)[1] === '50x10');
      fs.rmSync(path.join(folder, 'photos/a.png'));
      await w.waitFor('the missing image reported', () => w.stderr.includes('image/not-found'));
    } finally {
      await w.stop('SIGKILL');
    }
  });
});

/** Width x height in pixels of each image in the PDF, in page order. */
function pdfImageSizes(pdf: string): string[] {
  return pdfImages(pdf).map((i) => `${i.width}x${i.height}`);
}

