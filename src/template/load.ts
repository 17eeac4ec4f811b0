// Read a template YAML into a Template, every length in points. Errors are
// diagnostics at the template's own line:column, never exceptions.

import fs from 'node:fs';
import path from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { Diagnostics } from '../diagnostics/diagnostic.js';
import { displayPath, templatesDir } from '../paths.js';
import { ROLES, type Color, type Role, type Template } from './model.js';
import { parseLength } from './units.js';

/** Find a template by name (templates/NAME.yaml) or by path (relative to `baseDir`). */
export function findTemplate(nameOrPath: string, baseDir: string): string[] {
  if (/[\\/]|\.ya?ml$/.test(nameOrPath)) return [path.resolve(baseDir, nameOrPath)];
  return [path.join(templatesDir, `${nameOrPath}.yaml`)];
}

export function loadTemplate(file: string, diags: Diagnostics): Template | undefined {
  const shown = displayPath(file);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    diags.error(shown, { line: 1, column: 1 }, 'template/not-found', { name: shown, looked: shown });
    return undefined;
  }
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false });
  const at = (node: Node | null | undefined) => {
    const off = node?.range?.[0] ?? 0;
    const p = lc.linePos(off);
    return { line: p.line, column: p.col, offset: off };
  };
  for (const e of doc.errors) {
    const p = lc.linePos(e.pos[0]);
    diags.error(shown, { line: p.line, column: p.col }, 'template/invalid', { name: shown, reason: e.message.split('\n')[0] ?? '' });
  }
  if (doc.errors.length) return undefined;
  const before = diags.list.length;

  const nodeAt = (keys: string[]): Node | undefined => {
    const n = doc.getIn(keys, true);
    return (n ?? undefined) as Node | undefined;
  };
  const fail = (keys: string[], reason: string) => {
    diags.error(shown, at(nodeAt(keys) ?? nodeAt(keys.slice(0, -1)) ?? doc.contents), 'template/invalid', {
      name: shown, reason: `\`${keys.join('.')}\` ${reason}`,
    });
  };
  const raw = (keys: string[]): unknown => {
    const n = nodeAt(keys);
    return isScalar(n) ? n.value : n === undefined ? undefined : (n as { toJSON(): unknown }).toJSON();
  };
  const num = (keys: string[], fallback?: number): number => {
    const v = raw(keys);
    if (v === undefined && fallback !== undefined) return fallback;
    if (typeof v !== 'number' || !Number.isFinite(v)) { fail(keys, 'must be a number'); return 0; }
    return v;
  };
  const len = (keys: string[], em?: number, fallback?: number): number => {
    const v = raw(keys);
    if (v === undefined && fallback !== undefined) return fallback;
    const pt = parseLength(v, em);
    if (pt === undefined) { fail(keys, 'must be a length such as 16pt, 37mm, 0.25em or 三号'); return 0; }
    return pt;
  };
  const str = (keys: string[], fallback?: string): string => {
    const v = raw(keys);
    if (v === undefined && fallback !== undefined) return fallback;
    if (typeof v !== 'string') { fail(keys, 'must be text'); return ''; }
    return v;
  };
  const bool = (keys: string[], fallback: boolean): boolean => {
    const v = raw(keys);
    if (v === undefined) return fallback;
    if (typeof v !== 'boolean') { fail(keys, 'must be true or false'); return fallback; }
    return v;
  };
  const role = (keys: string[]): Role => {
    const v = str(keys);
    if (!(ROLES as readonly string[]).includes(v)) { fail(keys, `must be one of ${ROLES.join(', ')}`); return 'body'; }
    return v as Role;
  };
  const oneOf = <T extends string>(keys: string[], options: readonly T[], fallback: T): T => {
    const v = str(keys, fallback);
    if (!(options as readonly string[]).includes(v)) { fail(keys, `must be one of ${options.join(', ')}`); return fallback; }
    return v as T;
  };
  const style = (keys: string[], defaultColor = 'black') => {
    const size = len([...keys, 'size']);
    return { font: role([...keys, 'font']), size, color: str([...keys, 'color'], defaultColor) };
  };

  const colors: Record<string, Color> = {};
  const colorsNode = nodeAt(['colors']);
  if (isMap(colorsNode)) {
    for (const pair of colorsNode.items) {
      const name = String(isScalar(pair.key) ? pair.key.value : pair.key);
      const v = raw(['colors', name]) as { cmyk?: unknown; rgb?: unknown } | undefined;
      if (v && Array.isArray(v.cmyk) && v.cmyk.length === 4 && v.cmyk.every((x) => typeof x === 'number')) {
        colors[name] = { cmyk: v.cmyk as [number, number, number, number] };
      } else if (v && typeof v.rgb === 'string') {
        colors[name] = { rgb: v.rgb };
      } else {
        fail(['colors', name], 'must be { cmyk: [c, m, y, k] } or { rgb: "#rrggbb" }');
      }
    }
  }

  const fonts = {} as Template['fonts'];
  for (const r of ROLES) fonts[r] = str(['fonts', r]);
  const fb = nodeAt(['fonts', 'fallback']);
  fonts.fallback = isSeq(fb) ? fb.items.map((n) => String(isScalar(n) ? n.value : '')) : fb ? [str(['fonts', 'fallback'])] : [];

  const wordFonts: Template['wordFonts'] = {};
  const wordFontsNode = nodeAt(['wordFonts']);
  if (isMap(wordFontsNode)) {
    for (const pair of wordFontsNode.items) {
      const r = String(isScalar(pair.key) ? pair.key.value : pair.key);
      if ((ROLES as readonly string[]).includes(r)) wordFonts[r as Role] = str(['wordFonts', r]);
      else fail(['wordFonts', r], `is not a role; roles are ${ROLES.join(', ')}`);
    }
  } else if (wordFontsNode) {
    fail(['wordFonts'], 'must map roles to font names, e.g. `body: 仿宋_GB2312`');
  }

  const bodySize = len(['body', 'size']);
  const nameSize = len(['masthead', 'name', 'size']);
  const t: Template = {
    name: path.basename(file).replace(/\.ya?ml$/, ''),
    file: shown,
    page: {
      width: len(['page', 'width']),
      height: len(['page', 'height']),
      margins: {
        top: len(['page', 'margins', 'top']),
        bottom: len(['page', 'margins', 'bottom']),
        left: len(['page', 'margins', 'left']),
        right: len(['page', 'margins', 'right']),
      },
    },
    grid: { chars: num(['grid', 'chars']), lines: num(['grid', 'lines']) },
    colors,
    fonts,
    wordFonts,
    body: {
      ...style(['body']),
      indent: num(['body', 'indent'], 2),
      latin: raw(['body', 'latin']) === undefined ? role(['body', 'font']) : role(['body', 'latin']),
      orphans: num(['body', 'orphans'], 2),
      widows: num(['body', 'widows'], 2),
    },
    masthead: {
      lines: num(['masthead', 'lines']),
      name: {
        ...style(['masthead', 'name'], 'red'),
        letterSpacing: len(['masthead', 'name', 'letterSpacing'], nameSize, 0),
        baseline: len(['masthead', 'name', 'baseline']),
      },
      number: {
        ...style(['masthead', 'number']),
        baseline: len(['masthead', 'number', 'baseline']),
        format: str(['masthead', 'number', 'format'], '第{number}期'),
        total: str(['masthead', 'number', 'total'], '（总第{total}期）'),
      },
      publisher: { ...style(['masthead', 'publisher']), baseline: len(['masthead', 'publisher', 'baseline']) },
      date: { format: str(['masthead', 'date', 'format'], '{year}年{month}月{day}日') },
      rule: {
        color: str(['masthead', 'rule', 'color'], 'red'),
        thickness: len(['masthead', 'rule', 'thickness']),
        at: len(['masthead', 'rule', 'at']),
      },
    },
    lead: { title: { ...style(['lead', 'title']), spaceAfter: num(['lead', 'title', 'spaceAfter'], 1) } },
    item: {
      title: {
        style: oneOf(['item', 'title', 'style'], ['run-in', 'block'] as const, 'run-in'),
        font: role(['item', 'title', 'font']),
        separator: str(['item', 'title', 'separator'], '　'),
      },
    },
    brief: { marker: str(['brief', 'marker'], '△ ') },
    attribution: { open: str(['attribution', 'open'], '（'), close: str(['attribution', 'close'], '）') },
    footer: {
      ...style(['footer']),
      thick: len(['footer', 'thick']),
      thin: len(['footer', 'thin']),
      inset: num(['footer', 'inset'], 1),
      separator: str(['footer', 'separator'], '：'),
      editor: str(['footer', 'editor'], '责任编辑：{editor}'),
      copies: str(['footer', 'copies'], '（共印{copies}份）'),
      minGap: num(['footer', 'minGap'], 1),
    },
    pageNumber: {
      ...style(['pageNumber']),
      format: str(['pageNumber', 'format'], '— {n} —'),
      below: len(['pageNumber', 'below']),
      position: oneOf(['pageNumber', 'position'], ['outside', 'center'] as const, 'outside'),
      inset: num(['pageNumber', 'inset'], 1),
      onFooterOnlyPage: bool(['pageNumber', 'onFooterOnlyPage'], false),
    },
  };
  for (const c of [t.masthead.name.color, t.masthead.rule.color, t.body.color]) {
    if (!(c in colors)) diags.error(shown, { line: 1, column: 1 }, 'template/invalid', { name: shown, reason: `colour \`${c}\` is not defined under \`colors\`` });
  }
  return diags.list.length > before ? undefined : t;
}
