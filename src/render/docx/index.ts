// The Word edition: the same Issue and template as the PDF, written with
// Word's own layout features (styles, the document grid, footers for odd and
// even pages) so it stays right when an editor changes a word. Word breaks
// body lines itself; titles set on their own keep the PDF's line breaks.

import { Document, Packer, type ISectionOptions } from 'docx';
import fs from 'node:fs';
import { bodyParagraphs } from './body.js';
import { footerBlock } from './footer-block.js';
import { wordGeometry } from './geometry.js';
import { mastheadParagraphs } from './masthead.js';
import { reproducible } from './package.js';
import { pageNumberFooters, sectionProperties } from './page.js';
import { runMaker } from './runs.js';
import { displayLines } from './title-lines.js';
import { typographySettingsPatch, typographyStylesPatch } from './typography.js';
import { offGridPatch, wordStyles } from './styles.js';
import { wordFontOfFace, wordFonts, type WordFont } from './word-fonts.js';
import type { Compiled } from '../../pipeline/compiled.js';
import { ROLES, type Role } from '../../template/model.js';

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
  const fallbacks = new Set<string>();
  const runs = runMaker(fonts, fallbacks);
  const { footers, evenAndOdd } = pageNumberFooters(t);
  // Built before the Document so the runs have collected the fallback faces to embed.
  const section: ISectionOptions = {
    properties: sectionProperties(t, g),
    footers,
    children: [...mastheadParagraphs(issue, t, g, runs), ...bodyParagraphs(issue, t, runs, displayLines(c.pages), fonts), ...footerBlock(issue, t, g, fonts, runs)],
  };
  const doc = new Document({
    title: meta.title,
    creator: meta.author,
    lastModifiedBy: meta.author,
    ...(meta.subject ? { subject: meta.subject } : {}),
    styles: wordStyles(t, g, roles),
    evenAndOddHeaderAndFooters: evenAndOdd,
    ...(meta.embedFonts ? { fonts: embeddedFonts(c, roles, fallbacks) } : {}),
    sections: [section],
  });
  return reproducible(await Packer.toBuffer(doc), meta.creationDate, {
    'word/styles.xml': (xml) => typographyStylesPatch(offGridPatch(xml)),
    'word/settings.xml': typographySettingsPatch,
  });
}

/**
 * The files of the faces the document names: each role's face (unless the
 * role names an office font, which has no file here) and the fallback faces
 * some run uses. One entry per family, regular and bold faces together.
 */
function embeddedFonts(c: Compiled, roles: Record<Role, WordFont>, fallbacks: Set<string>): Array<{ name: string; data: Buffer; bold?: Buffer }> {
  const ids = new Set([...ROLES.filter((r) => roles[r].file).map((r) => c.fonts.primary(r).id), ...fallbacks]);
  const byFamily = new Map<string, { name: string; data?: Buffer; bold?: Buffer }>();
  for (const id of ids) {
    const face = c.fonts.faces.get(id);
    if (!face) continue;
    const { family, bold } = wordFontOfFace(face, c.fonts);
    const entry = byFamily.get(family) ?? { name: family };
    // A face drawn bold by the reader is the regular file.
    entry[bold && !('face' in face) ? 'bold' : 'data'] = fs.readFileSync(face.path);
    byFamily.set(family, entry);
  }
  // Word needs a regular face to embed a family: a bold-only family embeds its bold face as the regular one.
  return [...byFamily.values()].map((e) => ({ name: e.name, data: (e.data ?? e.bold)!, ...(e.data && e.bold ? { bold: e.bold } : {}) }));
}
