// The Word edition: the same Issue and template as the PDF, written with
// Word's own layout features (styles, the document grid, footers for odd and
// even pages) so it stays right when an editor changes a word. Layout's line
// and page breaking is not used: Word breaks lines itself.

import { Document, Packer, type ISectionOptions } from 'docx';
import fs from 'node:fs';
import type { Compiled } from '../build.js';
import { bodyParagraphs } from '../docx/body.js';
import { footerBlock } from '../docx/footer-block.js';
import { wordGeometry } from '../docx/geometry.js';
import { mastheadParagraphs } from '../docx/masthead.js';
import { reproducible } from '../docx/package.js';
import { pageNumberFooters, sectionProperties } from '../docx/page.js';
import { runMaker } from '../docx/runs.js';
import { offGridPatch, wordStyles } from '../docx/styles.js';
import { faceFamily, wordFonts } from '../docx/word-fonts.js';

export interface DocxMeta {
  title: string;
  author: string;
  subject?: string;
  creationDate: Date;
  /** Embed the font files of the faces the document names (large: the bundled faces are 5–25 MB each). */
  embedFonts?: boolean;
}

export async function renderDocx(c: Compiled, meta: DocxMeta): Promise<Uint8Array> {
  const { issue, template: t, fonts } = c;
  const g = wordGeometry(t);
  const roles = wordFonts(issue, t, fonts);
  const runs = runMaker(fonts);
  const footer = footerBlock(issue, t, g, fonts, runs);
  const { footers, evenAndOdd } = pageNumberFooters(t);
  const section: ISectionOptions = {
    properties: sectionProperties(t, g),
    footers,
    children: [...mastheadParagraphs(issue, t, runs), ...bodyParagraphs(issue, t, runs), ...footer],
  };
  const doc = new Document({
    title: meta.title,
    creator: meta.author,
    lastModifiedBy: meta.author,
    ...(meta.subject ? { subject: meta.subject } : {}),
    styles: wordStyles(t, g, roles),
    evenAndOddHeaderAndFooters: evenAndOdd,
    ...(meta.embedFonts ? { fonts: embeddedFonts(c) } : {}),
    sections: [section],
  });
  return reproducible(await Packer.toBuffer(doc), meta.creationDate, { 'word/styles.xml': offGridPatch });
}

/** One entry per family the PDF's faces belong to, regular and bold faces together. */
function embeddedFonts(c: Compiled): Array<{ name: string; data: Buffer; bold?: Buffer }> {
  const byFamily = new Map<string, { name: string; data?: Buffer; bold?: Buffer }>();
  for (const face of c.fonts.faces.values()) {
    const { family, bold } = faceFamily(face.path, face.collectionName);
    const entry = byFamily.get(family) ?? { name: family };
    entry[bold ? 'bold' : 'data'] = fs.readFileSync(face.path);
    byFamily.set(family, entry);
  }
  // Word needs a regular face to embed a family: a bold-only family embeds its bold face as the regular one.
  return [...byFamily.values()].map((e) => ({ name: e.name, data: (e.data ?? e.bold)!, ...(e.data && e.bold ? { bold: e.bold } : {}) }));
}
