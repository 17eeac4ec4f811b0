// The preview server in process, over plain HTTP (the browser tests drive the page).
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreview, type Preview, type Update } from '../../src/preview/server.js';
import { copyExample } from '../helpers/cli.js';
import { png, writeFiles } from '../helpers/images.js';

function get(url: string, method = 'GET'): Promise<{ status: number; type: string; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** The first Server-Sent Event a new client gets. */
function firstEvent(url: string): Promise<Update> {
  return new Promise((resolve, reject) => {
    const req = http.get(`${url}events`, (res) => {
      let buf = '';
      res.setEncoding('utf8').on('data', (s: string) => {
        buf += s;
        const m = /^data: (.*)$/m.exec(buf);
        if (m && buf.includes('\n\n', m.index)) {
          req.destroy();
          resolve(JSON.parse(m[1]!) as Update);
        }
      });
    });
    req.on('error', reject);
  });
}

describe('preview server', () => {
  let good: Preview;
  let broken: Preview;
  beforeAll(async () => {
    good = await startPreview({ dir: copyExample().folder, port: 0, lang: 'en' });
    const { folder } = copyExample();
    const item = path.join(folder, '02-fagaiwei.md');
    fs.writeFileSync(item, fs.readFileSync(item, 'utf8').replace(/^department:.*\n/m, ''));
    broken = await startPreview({ dir: folder, port: 0, lang: 'zh' });
  });
  afterAll(async () => {
    await good?.close();
    await broken?.close();
  });

  it('gives a new client every page, the faces it needs and no diagnostics', async () => {
    const m = await firstEvent(good.url);
    expect(m.ok).toBe(true);
    expect(m.pageCount).toBe(4);
    expect(Object.keys(m.pages)).toEqual(['0', '1', '2', '3']);
    expect(m.pages[0]).toMatch(/^<svg /);
    expect(m.faces.map((f) => f.url)).toContain('/font/FandolFang-Regular');
    expect(m.diagnostics).toEqual([]);
  });

  it('gives the diagnostics of a broken folder, in the chosen language, and no pages or PDF', async () => {
    const m = await firstEvent(broken.url);
    expect(m.ok).toBe(false);
    expect(m.pageCount).toBe(0);
    expect(m.diagnostics[0]!.text).toMatch(/02-fagaiwei\.md:\d+:\d+: 错误: /);
    expect((await get(`${broken.url}pdf`)).status).toBe(404);
  });

  it('serves the PDF, and answers bad requests without falling over', async () => {
    const pdf = await get(`${good.url}pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.type).toBe('application/pdf');
    expect(pdf.body.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await get(`${good.url}font/%E0%A4%A`)).status).toBe(400);
    expect((await get(`${good.url}font/NoSuchFace`)).status).toBe(404);
    expect((await get(`${good.url}nothing-here`)).status).toBe(404);
    expect((await get(good.url, 'POST')).status).toBe(405);
    const page = await get(good.url);
    expect(page.status).toBe(200);
    expect(page.body.toString()).toContain("new EventSource('/events')");
  });
});

describe('preview server with an image', () => {
  let preview: Preview;
  let folder: string;
  beforeAll(async () => {
    folder = copyExample().folder;
    writeFiles(folder, { 'photos/a.png': png(40, 30) });
    const item = path.join(folder, '02-fagaiwei.md');
    fs.writeFileSync(item, `${fs.readFileSync(item, 'utf8')}\n![现场](photos/a.png)\n`);
    preview = await startPreview({ dir: folder, port: 0, lang: 'en' });
  });
  afterAll(async () => {
    await preview?.close();
  });

  it('draws it from an address named by its digest, and serves the bytes there', async () => {
    const m = await firstEvent(preview.url);
    const href = Object.values(m.pages).join('').match(/<image href="(\/image\/[0-9a-f]{64})"/)?.[1];
    expect(href).toBeDefined();
    const image = await get(`${preview.url}${href!.slice(1)}`);
    expect(image.status).toBe(200);
    expect(image.type).toBe('image/png');
    expect(image.body.equals(png(40, 30))).toBe(true);
    expect((await get(`${preview.url}image/${'0'.repeat(64)}`)).status).toBe(404);
  });
});
