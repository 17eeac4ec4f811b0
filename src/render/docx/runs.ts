// Text runs in a role. A character the role's face lacks (a rare name
// character such as 䶮) gets the font the PDF draws it with, named on its run:
// the same choice as the PDF's, not Word's own fallback.

import { TextRun, type IRunOptions } from 'docx';
import type { FontSet } from '../../fonts/fontset.js';
import type { Role } from '../../template/model.js';
import { wordFontOfFace } from './word-fonts.js';

export type Runs = (text: string, role: Role, options?: IRunOptions) => TextRun[];

/** `fallbacks` collects the ids of the fallback faces the runs name (to embed them). */
export function runMaker(fonts: FontSet, fallbacks = new Set<string>()): Runs {
  return (text, role, options = {}) => {
    const primary = fonts.primary(role);
    const out: TextRun[] = [];
    let chunk = '';
    let chunkFace = primary;
    const flush = () => {
      if (!chunk) return;
      const fallback = chunkFace === primary ? undefined : wordFontOfFace(chunkFace, fonts).family;
      if (fallback) fallbacks.add(chunkFace.id);
      out.push(new TextRun({
        ...options,
        text: chunk,
        ...(fallback ? { font: { eastAsia: fallback, ascii: fallback, hAnsi: fallback } } : {}),
      }));
      chunk = '';
    };
    for (const ch of text) {
      const face = fonts.faceFor(role, ch.codePointAt(0)!) ?? primary;
      if (face !== chunkFace) {
        flush();
        chunkFace = face;
      }
      chunk += ch;
    }
    flush();
    return out;
  };
}
