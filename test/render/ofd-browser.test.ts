// The OFD as an OFD reader draws it, against the PDF as poppler draws it, page
// by page. The reader is ofd.js (the open-source OFD viewer for browsers)
// running in Debian's Chromium; its script and the OFD are served from a
// loopback server, no network needed. ofd.js draws text with CSS fonts named
// by each Font's FamilyName and ignores the embedded files, so the page
// declares each embedded subset under its FamilyName first: Chromium's font
// sanitiser (OTS) must accept every subset, and the glyphs drawn are the OFD's.
//
// The figures per page, at 4 px/mm (101.6 dpi): the share of ink pixels
// (grey < 160) of either rendering with no ink within one pixel in the other,
// over both renderings' ink; and the share of pixels inked in both whose hue
// differs: red−green or green−blue apart by more than 80 (a red drawn cyan,
// say; not a grey drawn darker, as poppler draws CMYK black 35/31/32).
// Threshold: under 2 % per page, each. Measured here (Chromium 156, poppler
// 22.12): ink 0.6–1.1 %, colour 0–0.2 %; and two controls that must fail it:
// page 2 with one of its 22 lines left out (ink 3.5 %), the masthead drawn
// cyan as a reader ignoring a CMYK colour space would (colour 25 %).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderIssue } from '../../src/pipeline/build.js';
import { launch, noBrowser } from '../helpers/browser.js';
import { root, tmpDir } from '../helpers/cli.js';
import { editPart, exampleOfd, ofdDate } from '../helpers/ofd.js';

const PX_PER_MM = 4;
const DPI = PX_PER_MM * 25.4;
const THRESHOLD = 0.02;
const OFD_JS = path.join(root, 'node_modules/ofd.js/lib/ofd.umd.js');

/** Why this cannot run here, or undefined (in CI nothing is skipped). */
function cannotRun(): string | undefined {
  if (process.env.CI) return undefined;
  if (!fs.existsSync(OFD_JS)) return `${OFD_JS} not found (npm ci installs the ofd.js devDependency)`;
  return noBrowser();
}

describe.skipIf(cannotRun())('the OFD drawn by ofd.js in Chromium against the PDF drawn by poppler', () => {
  let browser: Browser | undefined;
  let server: http.Server;
  let dir: string;
  const figures: Array<{ page: number } & Figures> = [];
  const cyanFigures: Array<{ page: number } & Figures> = [];
  const lineFigures: Array<{ page: number } & Figures> = [];
  let fontStatus: Record<string, string> = {};

  beforeAll(async () => {
    const { compiled, ofd } = await exampleOfd();
    const pdf = await renderIssue(compiled, ofdDate);
    dir = tmpDir();
    fs.writeFileSync(path.join(dir, 'doc.pdf'), pdf);
    // In grey for the ink, in colour for the hue.
    execFileSync('pdftoppm', ['-r', String(DPI), '-gray', '-png', path.join(dir, 'doc.pdf'), path.join(dir, 'g')]);
    execFileSync('pdftoppm', ['-r', String(DPI), '-png', path.join(dir, 'doc.pdf'), path.join(dir, 'c')]);
    const pngs = (prefix: string) => fs.readdirSync(dir).filter((f) => f.startsWith(`${prefix}-`)).sort().map((f) => fs.readFileSync(path.join(dir, f)).toString('base64'));
    const pdfGrey = pngs('g');
    const pdfColour = pngs('c');

    const line = editPart(ofd, 'Doc_0/Pages/Page_1/Content.xml', /<ofd:TextObject (?:(?!<\/ofd:TextObject>).)*月通报(?:(?!<\/ofd:TextObject>).)*<\/ofd:TextObject>/, '');
    const cyan = editPart(ofd, 'Doc_0/Pages/Page_0/Content.xml', /Value="240 67 56"/g, 'Value="0 204 204"');
    // The embedded fonts, by FamilyName, as the page declares them.
    const files = unzipSync(ofd);
    // ofd.js asks for a bold face's text in weight 700 (its Weight): the face is declared at the weight it has.
    const fonts = [...strFromU8(files['Doc_0/PublicRes.xml']!).matchAll(/FamilyName="([^"]+)"( Bold="true")?><ofd:FontFile>([^<]+)</g)];
    const css = fonts.map((m) => `@font-face { font-family: "${m[1]}"; src: url("/Doc_0/Res/${m[3]}"); font-weight: ${m[2] ? 700 : 400}; }`).join('\n');
    const html = `<!doctype html><meta charset="utf-8"><style>body { margin: 0; background: white } ${css}</style><script src="/ofd.js"></script><body></body>`;
    server = http.createServer((req, res) => {
      const url = decodeURIComponent(req.url ?? '/');
      const body = url === '/' ? html : url === '/ofd.js' ? fs.readFileSync(OFD_JS) : url === '/doc.ofd' ? ofd : url === '/cyan.ofd' ? cyan : url === '/line.ofd' ? line : files[url.slice(1)];
      if (!body) return void res.writeHead(404).end();
      res.writeHead(200, { 'content-type': url === '/' ? 'text/html' : url.endsWith('.js') ? 'text/javascript' : 'application/octet-stream' }).end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

    browser = await launch();
    const draw = async (url: string, pages: number): Promise<Array<{ page: number } & Figures>> => {
      const page = await browser!.newPage({ viewport: { width: 1000, height: 1300 }, deviceScaleFactor: 1 });
      await page.goto(`${base}/`);
      const count = await page.evaluate(
        async ([file, scale]) => {
          const ofdjs = (window as unknown as { ofd: { parseOfdDocument(o: object): void; setPageScale(s: number): void; renderOfdByScale(d: unknown): HTMLElement[] } }).ofd;
          const bytes = await (await fetch(file)).arrayBuffer();
          const docs = await new Promise<unknown[]>((resolve, reject) => ofdjs.parseOfdDocument({ ofd: bytes, success: resolve, fail: reject }));
          ofdjs.setPageScale(scale);
          const divs = ofdjs.renderOfdByScale(docs[0]);
          divs.forEach((d, i) => {
            d.id = `page-${i}`;
            document.body.appendChild(d);
          });
          await document.fonts.ready;
          return divs.length;
        },
        [url, PX_PER_MM] as [string, number],
      );
      expect(count).toBe(pdfGrey.length);
      fontStatus = Object.fromEntries(await page.evaluate(() => [...document.fonts].map((f) => [f.family.replace(/"/g, ''), f.status])));
      const out = [];
      for (let i = 0; i < pages; i++) {
        const shot = await page.locator(`#page-${i}`).screenshot();
        // OFD_SHOTS=folder keeps ofd.js's pages, to look at.
        if (process.env.OFD_SHOTS) fs.writeFileSync(path.join(process.env.OFD_SHOTS, `ofd${url.replace(/\W/g, '-')}-${i + 1}.png`), shot);
        out.push({ page: i + 1, ...(await page.evaluate(compare, [pdfGrey[i]!, pdfColour[i]!, shot.toString('base64')] as [string, string, string])) });
      }
      await page.close();
      return out;
    };
    figures.push(...(await draw('/doc.ofd', pdfGrey.length)));
    // The control: the masthead red written as the cyan a reader ignoring a CMYK colour space would draw.
    cyanFigures.push(...(await draw('/cyan.ofd', 1)));
    // The control: one line of page 2 not drawn.
    lineFigures.push(...(await draw('/line.ofd', 2)).slice(1));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    server?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('sees a wrong colour: the masthead drawn cyan fails the comparison', () => {
    console.log(`control, masthead cyan: ink ${(cyanFigures[0]!.share * 100).toFixed(2)} %, colour ${(cyanFigures[0]!.colourShare * 100).toFixed(2)} %`);
    expect(cyanFigures[0]!.colourShare).toBeGreaterThan(THRESHOLD);
    expect(cyanFigures[0]!.share).toBeLessThan(THRESHOLD);
  });

  it('sees a missing line: page 2 without one of its lines fails the comparison', () => {
    console.log(`control, a line missing: ink ${(lineFigures[0]!.share * 100).toFixed(2)} %`);
    expect(lineFigures[0]!.share).toBeGreaterThan(THRESHOLD);
  });

  it('every embedded font subset is accepted by Chromium', () => {
    expect(Object.keys(fontStatus).length).toBeGreaterThan(0);
    for (const [family, status] of Object.entries(fontStatus)) expect(status, family).toBe('loaded');
  });

  it(`each page differs from the PDF's in under ${THRESHOLD * 100} % of its ink`, () => {
    // The figures, for the record (the README quotes them).
    console.log(
      figures
        .map((f) => `page ${f.page}: ink ${(f.share * 100).toFixed(2)} % (${f.unmatched} of ${f.pdfInk} + ${f.ofdInk} px), colour ${(f.colourShare * 100).toFixed(2)} % (${f.colourOff} of ${f.both} px)`)
        .join('\n'),
    );
    expect(figures).toHaveLength(4);
    for (const f of figures) {
      // Each rendering has ink: a blank page matches nothing.
      expect(f.ofdInk).toBeGreaterThan(f.pdfInk / 2);
      expect(f.share, `page ${f.page}`).toBeLessThan(THRESHOLD);
      expect(f.colourShare, `page ${f.page}, colour`).toBeLessThan(THRESHOLD);
    }
  });
});

interface Figures {
  pdfInk: number;
  ofdInk: number;
  /** Ink pixels of either with no ink within one pixel in the other. */
  unmatched: number;
  share: number;
  /** Pixels inked in both, and those of them whose hue differs. */
  both: number;
  colourOff: number;
  colourShare: number;
}

/** Runs in the page: decode the PNGs (the PDF's page in grey and in colour, the OFD's) and compare ink and hue. */
async function compare([grey, colour, shot]: [string, string, string]): Promise<Figures> {
  const decode = async (b64: string) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width;
    c.height = img.height;
    const ctx = c.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    const rgba = ctx.getImageData(0, 0, c.width, c.height).data;
    const ink = new Uint8Array(c.width * c.height);
    for (let i = 0; i < ink.length; i++) ink[i] = 0.299 * rgba[4 * i]! + 0.587 * rgba[4 * i + 1]! + 0.114 * rgba[4 * i + 2]! < 160 ? 1 : 0;
    return { w: c.width, h: c.height, ink, rgba };
  };
  const p = await decode(grey);
  const pc = await decode(colour);
  const o = await decode(shot);
  const w = Math.min(p.w, o.w);
  const h = Math.min(p.h, o.h);
  const near = (img: typeof p, x: number, y: number) => {
    for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) if (img.ink[(y + dy) * img.w + x + dx]) return true;
    return false;
  };
  const f = { pdfInk: 0, ofdInk: 0, unmatched: 0, both: 0, colourOff: 0 };
  for (let y = 1; y < h - 1; y++) {
    for (let x = 1; x < w - 1; x++) {
      const ip = y * p.w + x;
      const io = y * o.w + x;
      if (p.ink[ip]) {
        f.pdfInk++;
        if (!near(o, x, y)) f.unmatched++;
      }
      if (o.ink[io]) {
        f.ofdInk++;
        if (!near(p, x, y)) f.unmatched++;
      }
      if (p.ink[ip] && o.ink[io]) {
        f.both++;
        const hue = (d: Uint8ClampedArray, i: number) => [d[4 * i]! - d[4 * i + 1]!, d[4 * i + 1]! - d[4 * i + 2]!];
        const [a1, a2] = hue(pc.rgba, y * pc.w + x);
        const [b1, b2] = hue(o.rgba, io);
        if (Math.max(Math.abs(a1! - b1!), Math.abs(a2! - b2!)) > 80) f.colourOff++;
      }
    }
  }
  return { ...f, share: f.unmatched / Math.max(1, f.pdfInk + f.ofdInk), colourShare: f.colourOff / Math.max(1, f.both) };
}
