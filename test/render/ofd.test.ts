// The OFD edition of the example, read back by other readers than ours: the
// parts are well-formed XML that validates against the GB/T 33190 schemas
// (xmllint), the fonts are subsets that fontkit and fontconfig open, the
// colours and metadata are the template's and the issue's; and a few display
// lists made here: a synthetic-bold run, an image turned by its EXIF
// orientation, a face from a font collection.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import * as fontkit from 'fontkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Compiled } from '../../src/pipeline/build.js';
import { openFace, SyntheticBold } from '../../src/fonts/face.js';
import type { Page } from '../../src/layout/display-list.js';
import { checkOfd } from '../../src/ofd-check/index.js';
import { renderOfd, type OfdFace } from '../../src/render/ofd/index.js';
import { tmpDir } from '../helpers/cli.js';
import { bundled, requireDebianFonts, WQY } from '../helpers/fonts.js';
import { landscapeJpeg } from '../helpers/images.js';
import { exampleOfd, noXmllint, ofdDate, validateWithXsd, xmlParts, xsdDir } from '../helpers/ofd.js';

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', removeNSPrefix: true, isArray: (_name, _path, _leaf, isAttribute) => !isAttribute });
type Node = Record<string, Node[]> & Record<string, string>;
const parse = (xml: string) => parser.parse(xml) as Node;
const meta = { title: 't', author: 'a', creationDate: ofdDate };
const black = { black: { cmyk: [0, 0, 0, 100] as [number, number, number, number] } };

describe('the OFD of the example', () => {
  let ofd: Uint8Array;
  let compiled: Compiled;
  let parts: Record<string, string>;
  const dirs: string[] = [];
  beforeAll(async () => {
    ({ ofd, compiled } = await exampleOfd());
    parts = xmlParts(ofd);
  });
  afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

  it('holds the entry, the document, its resources and one content part per page, each well-formed', () => {
    const pages = compiled.pages.map((_, i) => `Doc_0/Pages/Page_${i}/Content.xml`);
    expect(Object.keys(parts).sort()).toEqual(['Doc_0/Document.xml', 'Doc_0/PublicRes.xml', 'OFD.xml', ...pages].sort());
    for (const [name, xml] of Object.entries(parts)) expect(XMLValidator.validate(xml), name).toBe(true);
  });

  // Runs where OFD_XSD_DIR names a folder with the standard's schemas (not shipped: see xsdDir).
  it.skipIf(noXmllint() || !xsdDir())('validates against the GB/T 33190 schemas (xmllint, OFD_XSD_DIR)', () => {
    const xsd = xsdDir()!;
    expect(() => validateWithXsd(parts, xsd)).not.toThrow();
    // And the schemas do catch a fault: an attribute the standard does not have.
    const bad = { ...parts, 'OFD.xml': parts['OFD.xml']!.replace('DocType="OFD"', 'DocType="OFD" Colour="red"') };
    expect(() => validateWithXsd(bad, xsd)).toThrow(/Colour/);
  });

  it('has the title, the publisher as author and the build date, and a page box of A4 in mm', () => {
    const info = parse(parts['OFD.xml']!).OFD![0]!.DocBody![0]!.DocInfo![0]!;
    expect(info.Title![0]).toBe('政务信息 2025年第7期');
    expect(info.Author![0]).toBe('中共上街区委办公室');
    expect(info.CreationDate![0]).toBe('2025-01-20');
    const common = parse(parts['Doc_0/Document.xml']!).Document![0]!.CommonData![0]!;
    expect(common.PageArea![0]!.PhysicalBox![0]).toBe('0 0 210 297');
  });

  it('embeds each face once, as an OpenType subset that fontkit and fc-scan read, holding the characters drawn with it', () => {
    const fonts = parse(parts['Doc_0/PublicRes.xml']!).Res![0]!.Fonts![0]!.Font! as unknown as Array<{ ID: string; FontName: string; FontFile: string[] }>;
    expect(fonts.map((f) => f.FontName)).toEqual(['FandolSong-Bold', 'FandolFang-Regular', 'FandolHei-Regular', 'FandolSong-Regular']);
    const files = unzipSync(ofd);
    const dir = tmpDir();
    dirs.push(dir);
    const bodyText = new Set(compiled.pages.flatMap((p) => p.items.flatMap((it) => (it.kind === 'glyphs' && it.face === 'FandolFang-Regular' ? [...it.text] : []))));
    for (const f of fonts) {
      const bytes = files[`Doc_0/Res/${f.FontFile[0]}`]!;
      const font = fontkit.create(Buffer.from(bytes)) as fontkit.Font;
      expect(font.postscriptName).toBe(f.FontName);
      // A subset: a few hundred glyphs of the 7,000–30,000 in the bundled faces.
      expect(font.numGlyphs).toBeLessThan(800);
      const file = path.join(dir, f.FontFile[0]!);
      fs.writeFileSync(file, bytes);
      expect(execFileSync('fc-scan', ['--format', '%{postscriptname} %{fontformat}', file], { encoding: 'utf8' })).toBe(`${f.FontName} CFF`);
      if (f.FontName === 'FandolFang-Regular') for (const ch of bodyText) expect(font.hasGlyphForCodePoint(ch.codePointAt(0)!), ch).toBe(true);
    }
  });

  it('paints the masthead rule in the template red, converted to RGB as the preview shows it (no colour space a reader may ignore)', () => {
    const rule = /<ofd:PathObject [^>]*><ofd:FillColor ([^/]+)\/>/.exec(parts['Doc_0/Pages/Page_0/Content.xml']!);
    // CMYK 0/80/80/0 per cent: red 255, green and blue 255 × 0.2.
    expect(rule?.[1]).toBe('Value="240 67 56"');
    expect(parts['Doc_0/PublicRes.xml']).not.toContain('ColorSpace');
  });

  it('gives text in a bold face the weight 700, and marks its font bold', () => {
    const page = parts['Doc_0/Pages/Page_0/Content.xml']!;
    const masthead = /<ofd:TextObject [^>]*>(?=<ofd:FillColor[^>]*><ofd:TextCode[^>]*>政务信息)/.exec(page)?.[0];
    expect(masthead).toContain('Weight="700"');
    expect(parts['Doc_0/PublicRes.xml']).toContain('FontName="FandolSong-Bold" FamilyName="FandolSong" Bold="true"');
    expect(page.match(/Weight="700"/g)!.length).toBeLessThan(page.match(/<ofd:TextObject /g)!.length / 2);
  });

  it('gives the same bytes from the same display list', async () => {
    expect(Buffer.from((await exampleOfd()).ofd).equals(Buffer.from(ofd))).toBe(true);
  });
});

describe('renderOfd on display lists made here', () => {
  it('strokes a synthetic-bold run in its fill colour, with a line of size/30, and embeds the face once', () => {
    const face = openFace(bundled('FandolHei-Regular.otf'));
    const bold = new SyntheticBold(face);
    const faces = new Map<string, OfdFace>([[face.id, face], [bold.id, bold]]);
    const run = (f: string, y: number) => ({ kind: 'glyphs' as const, face: f, size: 15, x: 72, y, text: '加粗 标题', tracking: 0, color: 'black' });
    const ofd = renderOfd([{ width: 595, height: 842, items: [run(bold.id, 100), run(face.id, 200)] }], faces, black, meta);
    expect(checkOfd(ofd)).toEqual([]);
    const page = xmlParts(ofd)['Doc_0/Pages/Page_0/Content.xml']!;
    const [boldRun, plainRun] = page.match(/<ofd:TextObject [^>]*>/g)!;
    // 15 pt = 5.292 mm; its thirtieth 0.176 mm.
    expect(boldRun).toContain('Size="5.292" Stroke="true" LineWidth="0.176"');
    expect(plainRun).not.toContain('Stroke');
    expect(page).toContain('<ofd:FillColor Value="0 0 0"/><ofd:StrokeColor Value="0 0 0"/>');
    // The space kept as text, as a reference no reader trims.
    expect(page).toContain('>加粗&#x20;标题</ofd:TextCode>');
    expect(Object.keys(unzipSync(ofd)).filter((n) => n.includes('/Res/font_'))).toHaveLength(1);
  });

  it('draws an image from DocumentRes, its CTM turning a JPEG by its EXIF orientation', () => {
    const bytes = landscapeJpeg();
    const image = (orientation: number) => ({ path: '/x/a.jpg', format: 'jpeg' as const, width: 360, height: 480, orientation, digest: `d${orientation}`, bytes: new Uint8Array(bytes) });
    // 72 × 96 pt boxes: 25.4 × 33.867 mm.
    const pages: Page[] = [{ width: 595, height: 842, items: [1, 6].map((o, i) => ({ kind: 'image' as const, image: image(o), x: 72 + 100 * i, y: 72, width: 72, height: 96 })) }];
    const ofd = renderOfd(pages, new Map(), {}, meta);
    expect(checkOfd(ofd)).toEqual([]);
    const parts = xmlParts(ofd);
    const media = parse(parts['Doc_0/DocumentRes.xml']!).Res![0]!.MultiMedias![0]!.MultiMedia! as unknown as Array<{ ID: string; Format: string; MediaFile: string[] }>;
    expect(media.map((m) => m.Format)).toEqual(['JPEG', 'JPEG']);
    expect(Buffer.from(unzipSync(ofd)[`Doc_0/Res/${media[0]!.MediaFile[0]}`]!).equals(bytes)).toBe(true);
    const objects = parts['Doc_0/Pages/Page_0/Content.xml']!.match(/<ofd:ImageObject [^>]*>/g)!;
    expect(objects[0]).toContain('Boundary="25.4 25.4 25.4 33.867" CTM="25.4 0 0 33.867 0 0"');
    // Orientation 6 (turn 90° clockwise): the stored top row becomes the right-hand column.
    expect(objects[1]).toContain('CTM="0 33.867 -25.4 0 25.4 0"');
    expect(parts['Doc_0/Document.xml']).toContain('<ofd:DocumentRes>DocumentRes.xml</ofd:DocumentRes>');
    const xsd = xsdDir();
    if (!noXmllint() && xsd) validateWithXsd(parts, xsd);
  });

  it('refuses, with the font named, a face whose file is no font HarfBuzz can read', () => {
    const dir = tmpDir();
    const file = path.join(dir, 'broken.otf');
    fs.writeFileSync(file, 'OTTO and then nothing a font has');
    const face: OfdFace = { path: file, postscriptName: 'Broken', unitsPerEm: 1000, advance: () => 1000 };
    const run = { kind: 'glyphs' as const, face: 'broken', size: 12, x: 72, y: 100, text: '字', tracking: 0, color: 'black' };
    try {
      expect(() => renderOfd([{ width: 595, height: 842, items: [run] }], new Map([['broken', face]]), black, meta)).toThrow(expect.objectContaining({ fontPath: file }));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('subsets the face a collection names, not its first', () => {
    requireDebianFonts();
    const mono = openFace(WQY, 'WenQuanYiZenHeiMono');
    const run = { kind: 'glyphs' as const, face: mono.id, size: 12, x: 72, y: 100, text: '等宽字体', tracking: 0, color: 'black' };
    const ofd = renderOfd([{ width: 595, height: 842, items: [run] }], new Map([[mono.id, mono]]), black, meta);
    expect(checkOfd(ofd)).toEqual([]);
    const files = unzipSync(ofd);
    const name = Object.keys(files).find((n) => n.includes('/Res/font_'))!;
    expect((fontkit.create(Buffer.from(files[name]!)) as fontkit.Font).postscriptName).toBe('WenQuanYiZenHeiMono');
    expect(strFromU8(files['Doc_0/PublicRes.xml']!)).toContain('FontName="WenQuanYiZenHeiMono" FamilyName="WenQuanYi Zen Hei Mono"');
  });
});
