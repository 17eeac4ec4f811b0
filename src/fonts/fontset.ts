// Role → faces, and per-character fallback. A role's faces come from issue.yaml
// `fonts:`, else the template, else the bundled default; a list is the role's
// face followed by its own fallbacks. After them come the global `fallback`
// faces (issue.yaml's, then the template's) and last the bundled Noto Serif CJK
// SC, which has all 8,105 通用规范汉字. Faces are opened once per process.

import type { Diagnostics, MessageArgs } from '../diagnostics/diagnostic.js';
import { positionAt } from '../diagnostics/diagnostic.js';
import type { Issue, SourcePlace } from '../issue/model.js';
import type { ChoiceMemo, FaceChooser, FontMetrics } from '../layout/metrics.js';
import { fontsDir } from '../paths.js';
import { ROLES, type FontSpec, type Role, type Template } from '../template/model.js';
import { BUNDLED_FALLBACK, BUNDLED_ROLES } from './bundled.js';
import { Face, openFace, SyntheticBold } from './face.js';
import { fontReason, resolveFont } from './resolve.js';

/** Where a face of a chain came from. */
export type Origin = 'issue.yaml' | 'template' | 'bundled';

export interface ChainFace {
  /** What layout measures and the renderer draws (a SyntheticBold for a bold role's regular face). */
  metrics: FontMetrics;
  face: Face;
  origin: Origin;
  /** True for the role's own faces, false for the global fallbacks. */
  own: boolean;
}

/** Roles whose face must have Latin digits: page numbers, issue numbers, dates and figures in the text. */
const NEEDS_DIGITS: readonly Role[] = ['body', 'number'];

/** Forget the faces opened from `file` (watch mode, after the file changed): the next build opens it again. */
export { forgetFace } from './face.js';

export class FontSet implements FaceChooser {
  /** Every face a renderer may meet in the display list, by id. */
  readonly faces = new Map<string, Face | SyntheticBold>();
  /** Layout's memo of this set's answers (metrics.ts): it lives and dies with the set. */
  readonly choices: ChoiceMemo = new Map();

  constructor(readonly chains: Record<Role, ChainFace[]>) {
    for (const chain of Object.values(chains)) for (const c of chain) this.faces.set(c.metrics.id, c.metrics as Face | SyntheticBold);
  }

  faceFor(role: Role, cp: number): FontMetrics | undefined {
    // Indexed: asked for every character of the issue, and cold code would make an iterator each time.
    const chain = this.chains[role];
    for (let i = 0; i < chain.length; i++) if (chain[i]!.metrics.has(cp)) return chain[i]!.metrics;
    return undefined;
  }

  primary(role: Role): FontMetrics {
    return this.chains[role][0]!.metrics;
  }
}

interface Request {
  spec: string;
  baseDir: string;
  at: SourcePlace;
  origin: Origin;
}

/** Resolve every role of the template (with the issue's overrides) to open faces; undefined if a role has none. */
export function loadFontSet(template: Template, templateDir: string, issue: Issue | undefined, diags: Diagnostics): FontSet | undefined {
  const requests = (role: Role | 'fallback'): Request[] => {
    const fromIssue = issue ? issueRequests(issue, role) : [];
    if (role === 'fallback') return [...fromIssue, ...template.fonts.fallback.map((s) => templateRequest(template, templateDir, s))];
    if (fromIssue.length) return fromIssue;
    const fromTemplate = template.fonts[role].faces.map((s) => templateRequest(template, templateDir, s));
    if (fromTemplate.length) return fromTemplate;
    return [{ spec: BUNDLED_ROLES[role], baseDir: fontsDir, at: { file: template.file, line: 1, column: 1, offset: 0 }, origin: 'bundled' }];
  };
  if (issue) {
    for (const [key, placed] of Object.entries(issue.fonts)) {
      if (key !== 'fallback' && !(ROLES as readonly string[]).includes(key)) diags.warning(placed.at.file, placed.at, 'font/unknown-role', { role: key, roles: [...ROLES, 'fallback'].join(', ') });
    }
  }

  const bundledFallback = openFace(BUNDLED_FALLBACK);
  const globalFallbacks = openList(requests('fallback'), false, diags, true);
  const fallbacks = [...globalFallbacks.filter((f) => f.face !== bundledFallback), { face: bundledFallback, origin: 'bundled' as Origin }];

  const chains = {} as Record<Role, ChainFace[]>;
  let ok = true;
  for (const role of ROLES) {
    const reqs = requests(role);
    const own = openList(reqs, template.fonts[role].bold, diags);
    if (own.length === 0) {
      ok = false;
      continue;
    }
    if (NEEDS_DIGITS.includes(role) && !own[0]!.face.hasDigits()) {
      const at = own[0]!.at;
      diags.error(at.file, at, 'font/no-digits', { path: own[0]!.spec, role });
      ok = false;
    }
    const bold = template.fonts[role].bold;
    const chain: ChainFace[] = own.map((f) => ({ metrics: drawn(f.face, bold), face: f.face, origin: f.origin, own: true }));
    for (const f of fallbacks) if (!chain.some((c) => c.face === f.face)) chain.push({ metrics: drawn(f.face, bold), face: f.face, origin: f.origin, own: false });
    chains[role] = chain;
  }
  return ok ? new FontSet(chains) : undefined;
}

const bolded = new Map<Face, SyntheticBold>();

/** The face as a bold role draws it: itself if it is bold, else filled and stroked. */
function drawn(face: Face, bold: boolean): FontMetrics {
  if (!bold || face.bold) return face;
  let b = bolded.get(face);
  if (!b) bolded.set(face, (b = new SyntheticBold(face)));
  return b;
}

interface Opened {
  face: Face;
  origin: Origin;
  spec: string;
  at: SourcePlace;
}

/**
 * Open the faces of one list. A font that is not on this machine is skipped
 * with a warning when another entry of the list is there, or when the bundled
 * fallback follows anyway (so one issue.yaml serves an office PC and CI); if
 * none is, each is an error. Any other problem (not a font, a collection
 * without a face name…) is always an error.
 */
function openList(reqs: Request[], bold: boolean, diags: Diagnostics, followed = false): Opened[] {
  const out: Opened[] = [];
  const absent: { req: Request; rule: string; args: MessageArgs }[] = [];
  for (const req of reqs) {
    const r = resolveFont(req.spec, req.baseDir, bold);
    if (!r.ok) {
      if (r.absent) absent.push({ req, rule: r.rule, args: r.args });
      else diags.error(req.at.file, req.at, r.rule, r.args);
      continue;
    }
    try {
      const face = openFace(r.file, r.postscriptName);
      // A font the user brought (not one of ours) is read now, so a damaged one is an error at its line, not a crash in layout.
      if (!r.file.startsWith(fontsDir)) void face.tables;
      if (!out.some((o) => o.face === face)) out.push({ face, origin: req.origin, spec: req.spec, at: req.at });
    } catch (e) {
      diags.error(req.at.file, req.at, 'font/unreadable', { path: req.spec, reason: fontReason(e) });
    }
  }
  for (const a of absent) {
    if (out.length || followed) diags.warning(a.req.at.file, a.req.at, a.rule, a.args);
    else diags.error(a.req.at.file, a.req.at, a.rule, a.args);
  }
  return out;
}

/** issue.yaml's values for a key, each at its own place (the loader keeps only the first's). */
function issueRequests(issue: Issue, key: string): Request[] {
  const placed = issue.fonts[key];
  if (!placed) return [];
  const text = issue.sources[placed.at.file];
  let from = placed.at.offset;
  return placed.value.map((spec) => {
    let at = placed.at;
    const found = text ? text.indexOf(spec, from) : -1;
    if (text && found >= 0) {
      at = { file: placed.at.file, ...positionAt(text, found), offset: found };
      from = found + spec.length;
    }
    return { spec, baseDir: issue.dir, at, origin: 'issue.yaml' as Origin };
  });
}

function templateRequest(t: Template, templateDir: string, s: FontSpec): Request {
  return { spec: s.spec, baseDir: s.dir ?? templateDir, at: { file: s.file ?? t.file, line: s.line, column: s.column, offset: 0 }, origin: 'template' };
}
