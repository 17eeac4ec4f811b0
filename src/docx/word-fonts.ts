// The font name Word asks for in each role. Word finds fonts by family name,
// not by file: the name comes from issue.yaml `wordFonts:`, then the
// template's `wordFonts:`, else the family of the face the PDF uses, so the
// Word file and the PDF agree by default.

import fs from 'node:fs';
import * as fontkit from 'fontkit';
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

const families = new Map<string, { family: string; bold: boolean }>();

/** Family name and weight read from a font file (once per file and face). */
export function faceFamily(file: string, postscriptName?: string): { family: string; bold: boolean } {
  const key = `${file}#${postscriptName ?? ''}`;
  let found = families.get(key);
  if (!found) {
    const opened = fontkit.create(fs.readFileSync(file), postscriptName);
    const font = opened as fontkit.Font;
    found = { family: font.familyName, bold: !!font['OS/2']?.fsSelection?.bold };
    families.set(key, found);
  }
  return found;
}

/** The Word font of a face the FontSet chose (a role's own face or a fallback). */
export function wordFontOfFace(face: FontMetrics, fonts: FontSet): WordFont {
  const f = fonts.faces.get(face.id);
  if (!f) return { family: face.id, bold: false };
  return { ...faceFamily(f.path, f.collectionName), file: f.path };
}

export function wordFonts(issue: Issue, t: Template, fonts: FontSet): Record<Role, WordFont> {
  const out = {} as Record<Role, WordFont>;
  for (const role of ROLES) {
    const named = issue.wordFonts[role]?.value[0] ?? t.wordFonts[role];
    out[role] = named ? { family: named, bold: false } : wordFontOfFace(fonts.primary(role), fonts);
  }
  return out;
}
