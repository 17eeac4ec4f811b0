// Role → face resolution and per-character fallback.
// Order: issue.yaml `fonts:` (paths relative to the issue folder), then the
// template, then the bundled fonts/. Faces are opened once per process and kept
// (watch mode rebuilds reuse them).

import fs from 'node:fs';
import path from 'node:path';
import type { Diagnostics } from '../diagnostics/diagnostic.js';
import type { Issue, SourcePlace } from '../issue/model.js';
import type { FaceChooser, FontMetrics } from '../layout/metrics.js';
import { fontsDir } from '../paths.js';
import { ROLES, type Role, type Template } from '../template/model.js';
import { Face } from './face.js';

const opened = new Map<string, Face>();

/** Open a face once per process. `spec` is `file` or `file#PostScriptName` (collections). */
export function openFace(file: string, postscriptName?: string): Face {
  const key = `${file}#${postscriptName ?? ''}`;
  let face = opened.get(key);
  if (!face) {
    face = new Face(file, postscriptName);
    opened.set(key, face);
  }
  return face;
}

/** Forget the faces opened from `file` (watch mode, after the file changed): the next build opens it again. */
export function forgetFace(file: string): void {
  for (const key of opened.keys()) if (key.startsWith(`${file}#`)) opened.delete(key);
}

interface FontRequest {
  spec: string;
  baseDir: string;
  /** Where it was asked for, for messages (issue.yaml line); undefined for the template. */
  at?: SourcePlace;
  origin: string;
}

function resolveFile(req: FontRequest): { file: string; psName?: string } {
  const [name, psName] = req.spec.split('#') as [string, string | undefined];
  const bare = !/[\\/]/.test(name);
  const candidates = bare ? [path.join(req.baseDir, name), path.join(fontsDir, name)] : [path.resolve(req.baseDir, name)];
  const file = candidates.find((c) => fs.existsSync(c)) ?? candidates[0]!;
  return psName ? { file, psName } : { file };
}

export class FontSet implements FaceChooser {
  constructor(
    private readonly roles: Record<Role, FontMetrics[]>,
    readonly faces: Map<string, Face>,
  ) {}

  faceFor(role: Role, cp: number): FontMetrics | undefined {
    for (const f of this.roles[role]) if (f.has(cp)) return f;
    return undefined;
  }

  primary(role: Role): FontMetrics {
    return this.roles[role][0]!;
  }
}

/** Resolve every role of the template (with the issue's overrides) to open faces. */
export function loadFontSet(template: Template, templateDir: string, issue: Issue | undefined, diags: Diagnostics): FontSet | undefined {
  const issueDir = issue ? issue.dir : '.';
  const faces = new Map<string, Face>();
  const open = (req: FontRequest): Face | undefined => {
    const { file, psName } = resolveFile(req);
    try {
      const face = openFace(file, psName);
      faces.set(face.id, face);
      return face;
    } catch (e) {
      const reason = !fs.existsSync(file) ? 'no such file' : (e as Error).message;
      const where = req.at ?? { file: req.origin, line: 1, column: 1, offset: 0 };
      diags.error(where.file, where, 'font/unreadable', { path: req.spec, reason });
      return undefined;
    }
  };
  const requests = (role: Role | 'fallback'): FontRequest[] => {
    const fromIssue = issue?.fonts[role];
    const fromTemplate = role === 'fallback' ? template.fonts.fallback : [template.fonts[role]];
    const reqs: FontRequest[] = [];
    if (fromIssue) for (const spec of fromIssue.value) reqs.push({ spec, baseDir: issueDir, at: fromIssue.at, origin: issue!.issueFile });
    // An issue's own fallbacks come before the template's; a role override replaces the template's face.
    if (role === 'fallback' || !fromIssue) for (const spec of fromTemplate) reqs.push({ spec, baseDir: templateDir, origin: template.file });
    return reqs;
  };
  const fallbacks = requests('fallback').map(open).filter((f): f is Face => !!f);
  const roles = {} as Record<Role, FontMetrics[]>;
  let ok = true;
  for (const role of ROLES) {
    const own = requests(role).map(open).filter((f): f is Face => !!f);
    if (own.length === 0) ok = false;
    roles[role] = [...own, ...fallbacks];
  }
  return ok ? new FontSet(roles, faces) : undefined;
}
