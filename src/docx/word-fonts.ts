// The font name Word asks for in each role. Word finds fonts by family name,
// not by file: the name comes from issue.yaml `wordFonts:`, then the
// template's `wordFonts:`, else the family of the face the PDF uses, so the
// Word file and the PDF agree by default.

import type { Issue } from '../issue/model.js';
import type { FontMetrics } from '../layout/metrics.js';
import type { FontSet } from '../fonts/fontset.js';
import { ROLES, type Role, type Template } from '../template/model.js';

export interface WordFont {
  /** Family name, e.g. FandolSong or 仿宋_GB2312. */
  family: string;
  /** The face is the family's bold one (FandolSong Bold): styles say w:b to pick it. */
  bold: boolean;
  /** The file the PDF draws this role with, when the name came from it (for embedding). */
  file?: string;
}

/** The Word font of a face the FontSet chose (a role's own face or a fallback). Its names were read
 *  with the face (sfnt.ts), so no font file is opened again for the Word file. */
export function wordFontOfFace(face: FontMetrics, fonts: FontSet): WordFont {
  const f = fonts.faces.get(face.id);
  if (!f) return { family: face.id, bold: false };
  const names = ('face' in f ? f.face : f).names();
  return { family: names.legacyFamily || names.families[0] || names.postscriptName, bold: names.bold, file: f.path };
}

export function wordFonts(issue: Issue, t: Template, fonts: FontSet): Record<Role, WordFont> {
  const out = {} as Record<Role, WordFont>;
  for (const role of ROLES) {
    const named = issue.wordFonts[role]?.value[0] ?? t.wordFonts[role];
    out[role] = named ? { family: named, bold: false } : wordFontOfFace(fonts.primary(role), fonts);
  }
  return out;
}
