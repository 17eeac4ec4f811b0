// What one font value in issue.yaml or a template means. A value is a file
// (path, or a bare file name looked for beside the issue, in the bundled
// fonts/, then among installed fonts), optionally `file.ttc#Face`, or a name:
// family (Chinese or English), full or PostScript name, looked up in the
// bundled faces first and then in the installed ones (scanned on first need).

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Localized, MessageArgs } from '../diagnostics/diagnostic.js';
import { fontsDir } from '../paths.js';
import { bundledFaces } from './bundled.js';
import { installedFonts } from './font-index.js';
import { closestNames, findByName, normalizeName, pickStyle, type NamedFace } from './names.js';
import { FontFileError, fontFileInfo, type FaceNames } from './sfnt.js';
import { checkFile, LIMITS, reasonText } from '../issue/read-file.js';

/** Why a font could not be read, in the project's words (a parser's message never reaches the user). */
export function fontReason(e: unknown): Localized {
  return e instanceof FontFileError ? reasonText(e) : reasonText({ why: 'damaged' });
}

export type Resolved =
  | { ok: true; file: string; /** Picks the face from a collection. */ postscriptName?: string }
  | {
      ok: false;
      rule: string;
      args: MessageArgs;
      /** The font is simply not on this machine (another may have it): in a list, the next entry is tried. */
      absent: boolean;
    };

const FONT_EXT = /\.(ttf|otf|ttc|otc|woff2?|dfont|pfb|fon)$/i;

/** A font file's name by its extension (what a bare file name in the template or issue.yaml may find). */
export function hasFontExtension(name: string): boolean {
  return FONT_EXT.test(name);
}

export function looksLikeFile(name: string): boolean {
  return /[\\/]/.test(name) || FONT_EXT.test(name) || name.startsWith('~');
}

export function resolveFont(spec: string, baseDir: string, bold: boolean): Resolved {
  const hash = spec.lastIndexOf('#');
  const [name, faceName] = hash > 0 ? [spec.slice(0, hash).trim(), spec.slice(hash + 1).trim()] : [spec.trim(), undefined];
  if (faceName !== undefined || looksLikeFile(name)) return resolveFile(spec, name, faceName, baseDir, bold);
  return resolveName(name, bold);
}

function resolveName(name: string, bold: boolean): Resolved {
  const found = findByName(bundledFaces(), name, bold) ?? findByName(installedFonts().faces, name, bold);
  if (found) return pick(found);
  const closest = closestNames([...bundledFaces(), ...installedFonts().faces], name);
  return { ok: false, rule: 'font/not-found', args: { name, closest: closest.length ? closest.join(', ') : '—' }, absent: true };
}

function pick(f: NamedFace): Resolved {
  return f.facesInFile > 1 ? { ok: true, file: f.file, postscriptName: f.postscriptName } : { ok: true, file: f.file };
}

function findFile(name: string, baseDir: string): string | undefined {
  if (name.startsWith('~')) return path.join(os.homedir(), name.slice(1));
  if (/[\\/]/.test(name)) return path.resolve(baseDir, name);
  for (const dir of [baseDir, fontsDir]) {
    const p = path.join(dir, name);
    if (fs.existsSync(p)) return p;
  }
  // A bare file name such as simfang.ttf: the installed font of that file name.
  const want = name.toLowerCase();
  return installedFonts().faces.find((f) => path.basename(f.file).toLowerCase() === want)?.file;
}

function resolveFile(spec: string, name: string, faceName: string | undefined, baseDir: string, bold: boolean): Resolved {
  const file = findFile(name, baseDir);
  const checked = file ? checkFile(file, LIMITS.font) : undefined;
  if (!file || !checked || (!checked.ok && checked.why === 'missing')) return { ok: false, rule: 'font/no-such-file', args: { path: spec }, absent: true };
  if (!checked.ok && checked.why === 'folder') return { ok: false, rule: 'font/not-a-font', args: { path: spec }, absent: false };
  let faces: FaceNames[];
  try {
    const info = fontFileInfo(file);
    if (info.kind === 'woff' || info.kind === 'woff2') return { ok: false, rule: 'font/woff', args: { path: spec, kind: info.kind.toUpperCase() }, absent: false };
    if (info.kind === 'not-a-font') return { ok: false, rule: 'font/not-a-font', args: { path: spec }, absent: false };
    faces = info.faces;
  } catch (e) {
    return { ok: false, rule: 'font/unreadable', args: { path: spec, reason: fontReason(e) }, absent: false };
  }
  const list = faces.map((f) => f.postscriptName).join(', ');
  if (faceName === undefined) {
    if (faces.length === 1) return { ok: true, file };
    return { ok: false, rule: 'font/collection-needs-face', args: { path: spec, file: name, faces: list }, absent: false };
  }
  const chosen = faceInFile(faces, faceName, bold);
  if (!chosen) return { ok: false, rule: 'font/no-such-face', args: { path: spec, name: faceName, faces: list }, absent: false };
  return faces.length > 1 ? { ok: true, file, postscriptName: chosen.postscriptName } : { ok: true, file };
}

/** A face of one file by PostScript, full or family name; undefined if none or several match equally. */
function faceInFile(faces: FaceNames[], name: string, bold: boolean): FaceNames | undefined {
  const n = normalizeName(name);
  const exact = faces.filter((f) => normalizeName(f.postscriptName) === n || f.fullNames.some((x) => normalizeName(x) === n));
  if (exact.length === 1) return exact[0];
  const family = exact.length ? exact : faces.filter((f) => f.families.some((x) => normalizeName(x) === n));
  if (family.length === 0) return undefined;
  const best = pickStyle(family, bold);
  const tie = family.filter((f) => f.weight === best.weight && f.bold === best.bold && f.italic === best.italic);
  return tie.length === 1 ? best : undefined;
}
