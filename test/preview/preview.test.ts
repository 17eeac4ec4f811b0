// `bulletin preview` in real headless Chromium: the pages, live edits without
// a reload, diagnostics, the PDF download, the fonts, and loopback only.
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compile } from '../../src/pipeline/build.js';
import { copyExample, flatText, pdfText, tmpDir } from '../helpers/cli.js';
import { launch, noBrowser } from '../helpers/browser.js';
import { landscapeJpeg, png, withOrientation, writeFiles } from '../helpers/images.js';
import { Running } from '../helpers/long-running.js';

const skip = noBrowser();

describe.skipIf(!!skip)(`bulletin preview in Chromium${skip ? ` (skipped: ${skip})` : ''}`, () => {
  let folder: string;
  let server: Running;
  let url: string;
  let browser: Browser;
  let page: Page;
  const item = (name: string) => path.join(folder, name);
  const pageText = () => page.locator('#pages').innerText();

  beforeAll(async () => {
    ({ folder } = copyExample());
    server = new Running(['preview', folder, '--port', '0']);
    url = await server.waitFor('the URL', () => /preview at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(server.stderr)?.[1]);
    browser = await launch();
    page = await browser.newPage();
    page.setDefaultTimeout(30_000);
    await page.goto(url);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop('SIGKILL');
  });

  it('shows every page of the layout as one svg each', async () => {
    const { compiled } = await compile(folder);
    await page.waitForFunction(() => document.body.dataset.version === '1');
    expect(await page.locator('#pages .page svg').count()).toBe(compiled!.pages.length);
    expect(compiled!.pages.length).toBe(4);
    expect(flatText(await pageText())).toContain('政务信息第7期');
  });

  it('loads the faces the layout uses from the same font files', async () => {
    await page.evaluate(() => document.fonts.ready);
    const loaded = await page.evaluate(() => [...document.fonts].filter((f) => f.status === 'loaded').map((f) => f.family).sort());
    expect(loaded).toEqual(expect.arrayContaining(['bf-FandolFang-Regular', 'bf-FandolHei-Regular', 'bf-FandolSong-Bold']));
    const served = await page.request.get(`${url}font/FandolFang-Regular`);
    expect((await served.body()).equals(fs.readFileSync(path.resolve('fonts/FandolFang-Regular.otf')))).toBe(true);
  });

  it('an edit to an item changes the page text in place, without a reload', async () => {
    await page.evaluate(() => ((window as unknown as { marker: string }).marker = 'still here'));
    const svgsBefore = await page.locator('#pages .page').evaluateAll((pages) => pages.map((p) => p.innerHTML));
    const file = item('03-kejiju.md');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('科技服务', '科技攻关服务'));
    await page.waitForFunction(() => document.getElementById('pages')!.innerText.replace(/\s+/g, '').includes('科技攻关服务'));
    expect(await page.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe('still here');
    expect(await page.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(1);
    // Only the page that holds the edit was replaced.
    const svgsAfter = await page.locator('#pages .page').evaluateAll((pages) => pages.map((p) => p.innerHTML));
    expect(svgsAfter.filter((s, i) => s !== svgsBefore[i]).length).toBeGreaterThanOrEqual(1);
    expect(svgsAfter.filter((s, i) => s !== svgsBefore[i]).length).toBeLessThan(svgsAfter.length);
  });

  it('a broken item shows its diagnostic with file:line:column and keeps the last good pages', async () => {
    const file = item('06-weijianwei.md');
    const good = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(file, good.replace(/^title:.*\n/m, ''));
    const error = page.locator('#diagnostics li.error');
    await error.first().waitFor();
    expect(await error.first().innerText()).toMatch(/06-weijianwei\.md:1:1: error: .*\[frontmatter\/required\]/);
    expect(await page.locator('#pages .page svg').count()).toBe(4);
    expect(await page.evaluate(() => document.body.dataset.ok)).toBe('false');
    fs.writeFileSync(file, good);
    await page.waitForFunction(() => document.body.dataset.ok === 'true');
    expect(await page.locator('#diagnostics li').count()).toBe(0);
  });

  it('offers the last good layout as a PDF download', async () => {
    await page.waitForFunction(() => !document.getElementById('pdf')!.hidden);
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#pdf').click()]);
    const file = path.join(tmpDir(), 'download.pdf');
    await download.saveAs(file);
    expect(download.suggestedFilename()).toBe('issue-07.pdf');
    const text = flatText(pdfText(file));
    expect(text).toContain('科技攻关服务');
  });

  it('a new page appears and disappears with the text that fills it', async () => {
    const extra = item('09-extra.md');
    const body = '区里围绕重点工作持续推进各项任务落实，取得了阶段性成效。'.repeat(40);
    fs.writeFileSync(extra, `---\ntitle: 一篇很长的新增条目\ndepartment: 区新增局\n---\n${body}\n`);
    await page.waitForFunction(() => document.querySelectorAll('#pages .page svg').length > 4);
    fs.rmSync(extra);
    await page.waitForFunction(() => document.querySelectorAll('#pages .page svg').length === 4);
  });

  it('listens on 127.0.0.1 only: another loopback address is refused, and no other address has the port', async () => {
    const port = Number(new URL(url).port);
    // 127.0.0.2 is this machine too; a server on 0.0.0.0 (or on every interface) would answer it.
    await expect(connect('127.0.0.2', port)).rejects.toThrow(/ECONNREFUSED/);
    await expect(connect('127.0.0.1', port)).resolves.toBe(true);
    // Which local addresses hold the port, from the kernel's socket table: only 127.0.0.1.
    expect(listeners(port)).toEqual(['127.0.0.1']);
    const others = Object.values(os.networkInterfaces()).flat().filter((a) => a && !a.internal).map((a) => a!.address);
    for (const a of others) expect(listeners(port)).not.toContain(a);
  });

  it('answers a page opened under a foreign host name with 403 (DNS rebinding)', async () => {
    expect(await statusFor(url, 'attacker.example')).toBe(403);
    expect(await statusFor(url, new URL(url).host)).toBe(200);
  });

  it('Ctrl-C stops the server with exit code 0, with the page still connected', async () => {
    expect(await server.stop('SIGINT')).toBe(0);
  });
});

describe.skipIf(!!skip)(`bulletin preview with images in Chromium${skip ? ` (skipped: ${skip})` : ''}`, () => {
  let server: Running;
  let browser: Browser;
  afterAll(async () => {
    await browser?.close();
    await server?.stop('SIGKILL');
  });

  it('draws each image in its box, a phone photo turned upright as in the PDF', async () => {
    const { folder } = copyExample();
    writeFiles(folder, { 'photos/phone.jpg': withOrientation(landscapeJpeg(), 6), 'photos/b.png': png(40, 30) });
    fs.appendFileSync(path.join(folder, '02-fagaiwei.md'), '\n![手机照片](photos/phone.jpg)\n\n![图表](photos/b.png)\n');
    server = new Running(['preview', folder, '--port', '0']);
    const url = await server.waitFor('the URL', () => /preview at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(server.stderr)?.[1]);
    browser = await launch();
    const page = await browser.newPage();
    await page.goto(url);
    await page.waitForFunction(() => document.querySelectorAll('#pages svg image').length === 2);
    const boxes = await page.locator('#pages svg image').evaluateAll((els) => els.map((e) => ({ href: e.getAttribute('href')!, w: Number(e.getAttribute('width')), h: Number(e.getAttribute('height')) })));
    // Layout's boxes: the photo shown 3:4 (upright), the chart 4:3.
    expect(boxes[0]!.w / boxes[0]!.h).toBeCloseTo(360 / 480, 3);
    expect(boxes[1]!.w / boxes[1]!.h).toBeCloseTo(40 / 30, 3);
    // The browser turns the served JPEG by its EXIF orientation too, so the picture fills its box upright.
    const natural = await page.evaluate(async (href) => {
      const img = new Image();
      img.src = href;
      await img.decode();
      return [img.naturalWidth, img.naturalHeight];
    }, boxes[0]!.href);
    expect(natural).toEqual([360, 480]);
  });
});

/** fetch() will not send a Host header of our choosing; node:http will. */
function statusFor(url: string, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    http.get(url, { headers: { Host: host } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    }).on('error', reject);
  });
}

function connect(host: string, port: number): Promise<true> {
  return new Promise((resolve, reject) => {
    const s = net.connect({ host, port, timeout: 5000 });
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('timeout', () => {
      s.destroy();
      reject(new Error('timeout'));
    });
    s.once('error', reject);
  });
}

/** Local addresses with a listening TCP socket on `port` (Linux /proc/net/tcp and tcp6). */
function listeners(port: number): string[] {
  const found: string[] = [];
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    if (!fs.existsSync(table)) continue;
    for (const line of fs.readFileSync(table, 'utf8').split('\n').slice(1)) {
      const [, local, , state] = line.trim().split(/\s+/);
      if (!local || state !== '0A') continue; // 0A: LISTEN
      const [hex, p] = local.split(':');
      if (parseInt(p!, 16) !== port) continue;
      found.push(hex!.length === 8 ? hex!.match(/../g)!.reverse().map((b) => parseInt(b, 16)).join('.') : `v6:${hex}`);
    }
  }
  return found;
}
