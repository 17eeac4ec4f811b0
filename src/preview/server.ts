// `bulletin preview`: a local HTTP server (127.0.0.1 only) with a page that
// shows every page of the current layout and follows each save.
//
//   GET /            the page (src/preview/page.ts)
//   GET /events      Server-Sent Events: the full state on connect, then one
//                    message per build with only the pages that changed
//   GET /font/ID     a face's font file, for the page's @font-face
//   GET /pdf         the last good layout as a PDF, rendered in memory
//   GET /image/SHA   an image of the last good layout, by the digest of its
//                    bytes (a changed photo gets a new address: no stale cache)
//
// Whole font files are served (no subsetting): the browser loads each face
// once per page load, about 5–8 MB per Fandol face and 24 MB for the Noto
// fallback, which is only sent when some glyph uses it.

import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { renderIssue, type Compiled, type CompileResult } from '../pipeline/build.js';
import { formatDiagnostic, sortDiagnostics } from '../report/text.js';
import { say, type Lang } from '../diagnostics/messages.js';
import type { ImageFile } from '../issue/model.js';
import type { Page } from '../layout/display-list.js';
import { fontFamily } from '../render/svg/index.js';
import { WatchSession } from '../watch/session.js';
import { previewPage } from './page.js';
import { SvgPages } from './svg-pages.js';

export interface PreviewOptions {
  dir: string;
  /** 0 picks a free port. */
  port: number;
  lang: Lang;
  /** Fixed creation date for the PDF (SOURCE_DATE_EPOCH); default the time of download. */
  date?: Date;
  /** After every build, with the message sent to the page (the CLI prints a status line). */
  onUpdate?(update: Update, result: CompileResult): void;
}

/** What the page gets; `pages` holds only the pages that changed (all of them in a client's first message). */
export interface Update {
  version: number;
  ok: boolean;
  pageCount: number;
  pages: Record<number, string>;
  faces: Array<{ family: string; url: string }>;
  diagnostics: Array<{ severity: string; text: string }>;
  status: string;
  /** Milliseconds from the start of the compile to the message being sent. */
  ms: number;
}

export interface Preview {
  url: string;
  close(): Promise<void>;
}

const FONT_TYPES: Record<string, string> = { '.otf': 'font/otf', '.ttf': 'font/ttf', '.woff': 'font/woff', '.woff2': 'font/woff2', '.ttc': 'font/collection' };

export async function startPreview(o: PreviewOptions): Promise<Preview> {
  const clients = new Set<http.ServerResponse>();
  const drawn = new SvgPages();
  let svgs: string[] = [];
  let last: Update | undefined;
  let good: Compiled | undefined;
  let pdf: { of: Compiled; bytes: Buffer } | undefined;
  const facePaths = new Map<string, string>();
  let images = new Map<string, ImageFile>();
  let version = 0;

  const session = new WatchSession({
    dir: o.dir,
    onCompiled: async (result, started, settled) => {
      const ms = performance.now() - started; // the work, not the quiet spell waited for below
      if (!(await settled(!result.compiled))) return; // a newer change is on its way: show that one
      version++;
      const changed: Record<number, string> = {};
      if (result.compiled) {
        good = result.compiled;
        images = pageImages(good.pages);
        const next = drawn.update(good.pages, { faces: good.fonts.faces, colors: good.template.colors, imageHref: (i) => `/image/${i.digest}` });
        for (const i of next.changed) changed[i] = next.svgs[i]!;
        svgs = next.svgs;
        for (const [id, face] of good.fonts.faces) facePaths.set(id, face.path);
      }
      const diagnostics = sortDiagnostics(result.diagnostics).map((d) => ({ severity: d.severity, text: formatDiagnostic(d, o.lang) }));
      const ok = !!result.compiled;
      const status = statusText(o.lang, { version, ok, pageCount: svgs.length, ms }, diagnostics);
      const update: Update = { version, ok, pageCount: svgs.length, pages: changed, faces: good ? usedFaces(good.pages) : [], diagnostics, status, ms };
      last = update;
      const message = `data: ${JSON.stringify(update)}\n\n`;
      for (const res of clients) res.write(message);
      o.onUpdate?.(update, result);
    },
    onError: (e) => process.stderr.write(`${say('say/internal-error', o.lang, { reason: String((e as Error)?.message ?? e) })}\n`),
  });

  const server = http.createServer((req, res) => {
    // Only pages this machine's browser opened by our address: a foreign Host is a DNS-rebinding attempt.
    const host = req.headers.host ?? '';
    if (!/^(127\.0\.0\.1|localhost)(:\d+)?$/.test(host)) return send(res, 403, 'text/plain', 'forbidden host');
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain', 'GET only');
    if (url.pathname === '/') return send(res, 200, 'text/html; charset=utf-8', previewPage(`${path.basename(path.resolve(o.dir))} — bulletin preview`, o.lang));
    if (url.pathname === '/events') return events(res);
    if (url.pathname.startsWith('/font/')) return font(res, url.pathname.slice('/font/'.length));
    if (url.pathname === '/pdf') return void download(res);
    if (url.pathname.startsWith('/image/')) return image(res, url.pathname.slice('/image/'.length));
    send(res, 404, 'text/plain', 'not found');
  });

  function events(res: http.ServerResponse): void {
    res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-cache', Connection: 'keep-alive' });
    res.write('retry: 500\n\n');
    // A new client gets the whole state: every page, not just the last change.
    if (last) res.write(`data: ${JSON.stringify({ ...last, pages: { ...svgs } })}\n\n`);
    clients.add(res);
    res.on('close', () => clients.delete(res));
  }

  function font(res: http.ServerResponse, encoded: string): void {
    let id: string;
    try {
      id = decodeURIComponent(encoded);
    } catch {
      return send(res, 400, 'text/plain', 'bad face name');
    }
    const file = facePaths.get(id);
    if (!file) return send(res, 404, 'text/plain', 'no such face');
    const type = FONT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
    res.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-cache' });
    fs.createReadStream(file).on('error', () => res.destroy()).pipe(res);
  }

  function image(res: http.ServerResponse, digest: string): void {
    const found = images.get(digest);
    if (!found) return send(res, 404, 'text/plain', 'no such image');
    // The address names the bytes, so the browser may keep them.
    res.writeHead(200, { 'Content-Type': `image/${found.format}`, 'Content-Length': found.bytes.length, 'Cache-Control': 'max-age=31536000, immutable' });
    res.end(found.bytes);
  }

  async function download(res: http.ServerResponse): Promise<void> {
    if (!good) return send(res, 404, 'text/plain', 'no good build yet');
    try {
      // Rendered on demand and kept until the next good build: typing does not pay for PDFs nobody asked for.
      if (pdf?.of !== good) pdf = { of: good, bytes: await renderIssue(good, o.date ?? new Date()) };
      const name = `${path.basename(path.resolve(o.dir))}.pdf`;
      res.writeHead(200, {
        'Content-Type': 'application/pdf',
        'Content-Length': pdf.bytes.length,
        'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(name)}`,
      });
      res.end(pdf.bytes);
    } catch (e) {
      send(res, 500, 'text/plain', `cannot render the PDF: ${(e as Error).message}`);
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    // 127.0.0.1, not localhost or all interfaces: nothing but this machine can connect.
    server.listen(o.port, '127.0.0.1', () => resolve());
  });
  await session.start();
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/`,
    async close() {
      await session.close();
      for (const res of clients) res.end();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function pageImages(pages: Page[]): Map<string, ImageFile> {
  const out = new Map<string, ImageFile>();
  for (const p of pages) for (const i of p.items) if (i.kind === 'image') out.set(i.image.digest, i.image);
  return out;
}

function usedFaces(pages: Page[]): Update['faces'] {
  const ids = new Set<string>();
  for (const p of pages) for (const i of p.items) if (i.kind === 'glyphs') ids.add(i.face);
  return [...ids].map((id) => ({ family: fontFamily(id), url: `/font/${encodeURIComponent(id)}` }));
}

function statusText(lang: Lang, u: Pick<Update, 'version' | 'ok' | 'pageCount' | 'ms'>, diagnostics: Update['diagnostics']): string {
  const time = new Date().toTimeString().slice(0, 8);
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
  const ms = Math.round(u.ms);
  const args = { time, version: u.version, pages: u.pageCount, errors, warnings, ms };
  return say(u.ok ? 'preview/version-ok' : 'preview/version-failed', lang, args);
}

function send(res: http.ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-cache' });
  res.end(body);
}
