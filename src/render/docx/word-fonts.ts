// The font name Word asks for in each role. Word finds fonts by family name,
// not by file: the name comes from issue.yaml `wordFonts:`, then the
// template's `wordFonts:`, else the family of the face the PDF uses, so the
// Word file and the PDF agree by default.

import type { Issue } from '../../issue/model.js';
import type { FontMetrics } from '../../layout/metrics.js';
import type { FontSet } from '../../fonts/fontset.js';
import { ROLES, type Role, type Template } from '../../template/model.js';

export interface WordFont {
  /** The name Word asks for, e.g. FandolHei or 仿宋_GB2312 (a family name, or a PostScript name, see below). */
  family: string;
  /** Styles say w:b: the family's bold weight, or a regular face the PDF draws bold too. */
  bold: boolean;
  /** The file the PDF draws this role with, when the name came from it (for embedding). */
  file?: string;
}

/**
 * The Word font of a face the FontSet chose (a role's own face or a fallback). Its names were read
 * with the face (sfnt.ts), so no font file is opened again for the Word file.
 *
 * A family's bold face is asked for as the family with w:b. A face the PDF itself draws bold
 * (synthetic bold) gets w:b too, so the reader thickens it as the PDF does; a regular face never.
 */
export function wordFontOfFace(face: FontMetrics, fonts: FontSet): WordFont {
  const f = fonts.faces.get(face.id);
  if (!f) return { family: face.id, bold: false };
  const synthetic = 'face' in f;
  const names = (synthetic ? f.face : f).names();
  const family = names.legacyFamily || names.families[0] || names.postscriptName;
  if (synthetic) return { family, bold: true, file: f.path };
  return { family, bold: names.bold, file: f.path };
}

export function wordFonts(issue: Issue, t: Template, fonts: FontSet): Record<Role, WordFont> {
  const out = {} as Record<Role, WordFont>;
  for (const role of ROLES) {
    const named = issue.wordFonts[role]?.value[0] ?? t.wordFonts[role];
    out[role] = named ? { family: named, bold: false } : wordFontOfFace(fonts.primary(role), fonts);
  }
  return out;
}
