// The open faces shipped in fonts/: the last step of role resolution (after
// issue.yaml and the template), and the fallback that always comes last.

import fs from 'node:fs';
import path from 'node:path';
import { fontsDir } from '../paths.js';
import type { Role } from '../template/model.js';
import type { NamedFace } from './names.js';
import { readFontFile } from './sfnt.js';

/** Each role's face when neither the issue nor the template names one (spec/layout.md, "Fonts"). */
export const BUNDLED_ROLES: Record<Role, string> = {
  masthead: 'FandolSong-Bold.otf',
  title: 'FandolSong-Bold.otf',
  heading: 'FandolHei-Regular.otf',
  body: 'FandolFang-Regular.otf',
  emphasis: 'FandolKai-Regular.otf',
  number: 'FandolSong-Regular.otf',
};

/** Covers all 8,105 通用规范汉字; tried after every other fallback. */
export const BUNDLED_FALLBACK = path.join(fontsDir, 'NotoSerifCJKsc-Regular.otf');

let bundled: NamedFace[] | undefined;

/** The bundled faces by name, so `FandolFang` or `Noto Serif CJK SC` resolve without a system scan. */
export function bundledFaces(): NamedFace[] {
  bundled ??= fs
    .readdirSync(fontsDir)
    .filter((f) => /\.(otf|ttf|ttc|otc)$/i.test(f))
    .sort()
    .flatMap((name) => {
      const file = path.join(fontsDir, name);
      const faces = readFontFile(file).faces;
      return faces.map((f) => ({ ...f, file, facesInFile: faces.length }));
    });
  return bundled;
}
