// What `bulletin fonts` tells: each role's faces, each face's file, version
// and licence, and how well they cover the issue's text, GB2312 and the 8,105
// 通用规范汉字 — which characters fall back, and to what, and which are missing.

import fs from 'node:fs';
import path from 'node:path';
import type { Issue } from '../issue/model.js';
import { packageRoot, fontsDir } from '../paths.js';
import { ROLES, type Role, type Template } from '../template/model.js';
import { issueTexts } from './coverage.js';
import { indexWasBuilt, installedFonts, type IndexStats } from './font-index.js';
import type { FontSet } from './fontset.js';

export interface FaceReport {
  id: string;
  postscriptName: string;
  file: string;
  bundled: boolean;
  version: string;
  license: string;
  licenseUrl: string;
  copyright: string;
}

export interface RoleReport {
  role: Role;
  bold: boolean;
  /** Face ids in the order they are tried; `own` marks the role's own faces (the rest are global fallbacks). */
  faces: { id: string; own: boolean; origin: string; syntheticBold: boolean }[];
}

export interface RoleCoverage {
  role: Role;
  total: number;
  /** Characters the role's own first face draws. */
  own: number;
  /** Characters some face of the chain draws. */
  covered: number;
  /** Characters drawn by another face than the first, by face id. */
  fallback: Record<string, string>;
  missing: string;
}

export interface CoverageReport {
  set: 'issue' | 'gb2312' | 'tongyong8105';
  label: string;
  size: number;
  roles: RoleCoverage[];
}

export interface FontsReport {
  dir?: string;
  template: string;
  roles: RoleReport[];
  faces: FaceReport[];
  coverage: CoverageReport[];
  /** The installed-font index, when a name had to be looked up. */
  index?: IndexStats;
}

/** A character list shipped in data/, one character a line. */
export function charList(name: 'gb2312-6763' | 'tongyong-8105'): string[] {
  return fs.readFileSync(path.join(packageRoot, 'data', `${name}.txt`), 'utf8').split('\n').map((l) => l.trim()).filter(Boolean);
}

export function fontsReport(template: Template, fonts: FontSet, issue?: Issue): FontsReport {
  const roles: RoleReport[] = ROLES.map((role) => ({
    role,
    bold: template.fonts[role].bold,
    faces: fonts.chains[role].map((c) => ({ id: c.metrics.id, own: c.own, origin: c.origin, syntheticBold: c.metrics !== c.face })),
  }));

  const seen = new Map<string, FaceReport>();
  for (const role of ROLES) {
    for (const { face } of fonts.chains[role]) {
      if (seen.has(face.id)) continue;
      const n = face.names();
      seen.set(face.id, {
        id: face.id,
        postscriptName: face.postscriptName,
        file: face.path,
        bundled: path.dirname(face.path) === fontsDir,
        version: n.version.replace(/^version\s*/i, '').split(';')[0]!.trim(),
        license: n.license,
        licenseUrl: n.licenseUrl,
        copyright: n.copyright,
      });
    }
  }

  const coverage: CoverageReport[] = [];
  if (issue) {
    const byRole = new Map<Role, Set<string>>();
    for (const { text, role } of issueTexts(issue, template)) {
      const set = byRole.get(role) ?? new Set<string>();
      for (const ch of text) if (ch.codePointAt(0)! >= 0x20) set.add(ch);
      byRole.set(role, set);
    }
    const all = new Set([...byRole.values()].flatMap((s) => [...s]));
    coverage.push({ set: 'issue', label: 'issue text', size: all.size, roles: ROLES.filter((r) => byRole.has(r)).map((r) => cover(fonts, r, [...byRole.get(r)!])) });
  }
  const gb = charList('gb2312-6763');
  const tg = charList('tongyong-8105');
  coverage.push({ set: 'gb2312', label: 'GB2312', size: gb.length, roles: ROLES.map((r) => cover(fonts, r, gb)) });
  coverage.push({ set: 'tongyong8105', label: '通用规范汉字', size: tg.length, roles: ROLES.map((r) => cover(fonts, r, tg)) });

  return {
    ...(issue ? { dir: issue.dir } : {}),
    template: template.name,
    roles,
    faces: [...seen.values()],
    coverage,
    ...(indexWasBuilt() ? { index: installedFonts().stats } : {}),
  };
}

function cover(fonts: FontSet, role: Role, chars: string[]): RoleCoverage {
  const primary = fonts.primary(role);
  const fallback: Record<string, string> = {};
  let own = 0;
  let covered = 0;
  let missing = '';
  for (const ch of chars) {
    const cp = ch.codePointAt(0)!;
    const face = fonts.faceFor(role, cp);
    if (!face) missing += ch;
    else {
      covered++;
      if (face.id === primary.id) own++;
      else fallback[face.id] = (fallback[face.id] ?? '') + ch;
    }
  }
  return { role, total: chars.length, own, covered, fallback, missing };
}
