// Draw a display list as OFD (GB/T 33190-2016, 开放版式文档): the national
// format of 电子公文 exchange and archives, beside the PDF, SVG and Word
// editions. Nothing here decides where anything goes: every run, rule and
// image arrives at its final place, and is written in millimetres.
//
// The package (a zip with fixed times and order, ./zip.ts):
//   OFD.xml                          entry: document metadata, where the document is
//   Doc_0/Document.xml               page size, resources, the page list, MaxUnitID
//   Doc_0/PublicRes.xml              fonts (embedded subsets)
//   Doc_0/DocumentRes.xml            images
//   Doc_0/Res/…                      the font and image files
//   Doc_0/Pages/Page_N/Content.xml   one layer of text, path and image objects
// Every object has an ID unique in the document, counted up from 1.

import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { strToU8 } from 'fflate';
import { readFontFile, type FaceNames } from '../../fonts/sfnt.js';
import type { Page } from '../../layout/display-list.js';
import type { Color } from '../../template/model.js';
import { pageContent, type FontRef, type OfdFace, type PageResources } from './content.js';

export type { OfdFace } from './content.js';
import { subsetFontFile } from '../../font-subset/harfbuzz.js';
import { esc, mm, num, xmlPart } from './xml.js';
import { zipEntries } from './zip.js';

export interface OfdMeta {
  title: string;
  author: string;
  subject?: string;
  creationDate: Date;
}

/** A face the OFD cannot embed (HarfBuzz cannot read or subset it). */
export class OfdFontError extends Error {
  constructor(readonly fontPath: string) {
    super(`cannot subset ${fontPath}`);
  }
}

const DOC = 'Doc_0';

export function renderOfd(pages: Page[], faces: ReadonlyMap<string, OfdFace>, colors: Record<string, Color>, meta: OfdMeta): Uint8Array {
  let lastId = 0;
  const newId = () => ++lastId;
  const fontFiles: Array<{ name: string; bytes: Uint8Array }> = [];

  // Resources first, each with its ID: the fonts (one per file and face), the images.
  const fonts = new Map<string, { id: number; face: OfdFace; chars: Set<number> }>();
  const fontOfFace = new Map<string, FontRef>();
  const images = new Map<string, { id: number; file: string; format: string; bytes: Uint8Array }>();
  for (const page of pages) {
    for (const item of page.items) {
      if (item.kind === 'glyphs') {
        const face = faces.get(item.face);
        if (!face) throw new Error(`face ${item.face} was not loaded`);
        const key = `${face.path}#${face.collectionName ?? ''}`;
        let font = fonts.get(key);
        if (!font) fonts.set(key, (font = { id: newId(), face, chars: new Set() }));
        for (const ch of item.text) font.chars.add(ch.codePointAt(0)!);
        fontOfFace.set(item.face, { id: font.id, synthetic: face.syntheticBold === true });
      } else if (item.kind === 'image' && !images.has(item.image.digest)) {
        const id = newId();
        const ext = item.image.format === 'png' ? 'png' : 'jpg';
        images.set(item.image.digest, { id, file: `image_${id}.${ext}`, format: item.image.format === 'png' ? 'PNG' : 'JPEG', bytes: item.image.bytes });
      }
    }
  }

  const fontXml: string[] = [];
  for (const font of fonts.values()) {
    const { face } = font;
    let names: FaceNames | undefined;
    let subset: Uint8Array | undefined;
    try {
      const info = readFontFile(face.path).faces;
      names = (face.collectionName ? info.find((f) => f.postscriptName === face.collectionName) : info[0]) ?? info[0];
      subset = subsetFontFile(fs.readFileSync(face.path), names?.index ?? 0, font.chars);
    } catch {
      // The file went away or changed since layout read it (watch mode); the same answer as for a face HarfBuzz refuses.
    }
    if (!subset) throw new OfdFontError(face.path);
    const ext = subset[0] === 0x4f && subset[1] === 0x54 && subset[2] === 0x54 && subset[3] === 0x4f ? 'otf' : 'ttf';
    const file = `font_${font.id}.${ext}`;
    fontFiles.push({ name: `${DOC}/Res/${file}`, bytes: subset });
    const family = names?.families[0] ?? face.postscriptName;
    fontXml.push(
      `<ofd:Font ID="${font.id}" FontName="${esc(face.postscriptName)}" FamilyName="${esc(family)}"${face.bold ? ' Bold="true"' : ''}>` +
        `<ofd:FontFile>${file}</ofd:FontFile></ofd:Font>`,
    );
  }

  const res: PageResources = { colors, faces, fonts: fontOfFace, images: new Map([...images].map(([k, v]) => [k, v.id])) };
  const pageIds: number[] = [];
  const contents: string[] = [];
  const first = pages[0];
  for (const page of pages) {
    pageIds.push(newId());
    contents.push(pageContent(page, res, newId, !first || page.width !== first.width || page.height !== first.height));
  }

  const box = (p: Page | undefined) => (p ? `0 0 ${num(mm(p.width))} ${num(mm(p.height))}` : '0 0 210 297');
  const publicRes = xmlPart(
    'Res',
    ' BaseLoc="Res"',
    fontXml.length ? `<ofd:Fonts>${fontXml.join('')}</ofd:Fonts>` : '',
  );
  const documentRes = images.size
    ? xmlPart('Res', ' BaseLoc="Res"', `<ofd:MultiMedias>${[...images.values()].map((m) => `<ofd:MultiMedia ID="${m.id}" Type="Image" Format="${m.format}"><ofd:MediaFile>${m.file}</ofd:MediaFile></ofd:MultiMedia>`).join('')}</ofd:MultiMedias>`)
    : undefined;
  const document = xmlPart(
    'Document',
    '',
    `<ofd:CommonData><ofd:MaxUnitID>${lastId}</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>${box(first)}</ofd:PhysicalBox></ofd:PageArea>` +
      `<ofd:PublicRes>PublicRes.xml</ofd:PublicRes>${documentRes ? '<ofd:DocumentRes>DocumentRes.xml</ofd:DocumentRes>' : ''}</ofd:CommonData>` +
      `<ofd:Pages>${pageIds.map((id, i) => `<ofd:Page ID="${id}" BaseLoc="Pages/Page_${i}/Content.xml"/>`).join('')}</ofd:Pages>`,
  );

  // The document's identity: a digest of what it shows, so the same issue gets the same DocID.
  const digest = createHash('sha256');
  for (const c of contents) digest.update(c);
  const day = meta.creationDate.toISOString().slice(0, 10);
  const info =
    `<ofd:DocID>${digest.digest('hex').slice(0, 32)}</ofd:DocID><ofd:Title>${esc(meta.title)}</ofd:Title><ofd:Author>${esc(meta.author)}</ofd:Author>` +
    `${meta.subject ? `<ofd:Subject>${esc(meta.subject)}</ofd:Subject>` : ''}<ofd:CreationDate>${day}</ofd:CreationDate><ofd:ModDate>${day}</ofd:ModDate>` +
    '<ofd:Creator>bulletin</ofd:Creator>';
  const entry = xmlPart('OFD', ' Version="1.0" DocType="OFD"', `<ofd:DocBody><ofd:DocInfo>${info}</ofd:DocInfo><ofd:DocRoot>${DOC}/Document.xml</ofd:DocRoot></ofd:DocBody>`);

  // The parts in reading order: entry, document, resources, pages, then the files they name.
  return zipEntries(
    [
      { name: 'OFD.xml', bytes: strToU8(entry) },
      { name: `${DOC}/Document.xml`, bytes: strToU8(document) },
      { name: `${DOC}/PublicRes.xml`, bytes: strToU8(publicRes) },
      ...(documentRes ? [{ name: `${DOC}/DocumentRes.xml`, bytes: strToU8(documentRes) }] : []),
      ...contents.map((c, i) => ({ name: `${DOC}/Pages/Page_${i}/Content.xml`, bytes: strToU8(c) })),
      ...fontFiles,
      ...[...images.values()].map((m) => ({ name: `${DOC}/Res/${m.file}`, bytes: m.bytes, store: true })),
    ],
    meta.creationDate,
  );
}
