// Read a template YAML into a Template, every length in points. Errors are
// diagnostics at the template's own line:column, never exceptions.

import path from 'node:path';
import { isMap, isScalar, isSeq, type Node, type YAMLMap } from 'yaml';
import { Diagnostics, type Localized } from '../diagnostics/diagnostic.js';
import { nearest } from '../issue/suggest.js';
import { templatesDir } from '../paths.js';
import { ROLES, type Color, type FontSpec, type Role, type Template } from './model.js';
import { keysAt, lookup, positionOf, readChain, type TemplateDoc } from './source.js';
import { parseLength } from './units.js';
import { templateReason } from './messages.js';
import { validateTemplate } from './validate.js';

export { findTemplate } from './source.js';

/** Maps whose keys are the user's own names, not template keys. */
const FREE_MAPS = new Set(['colors', 'wordFonts']);

export function loadTemplate(file: string, diags: Diagnostics): Template | undefined {
  const chain = readChain(file, diags);
  if (!chain) return undefined;
  const before = diags.list.length;
  const top = chain[0]!;
  const shown = top.shown;
  warnUnknownKeys(chain, diags);

  const found = (keys: string[]) => lookup(chain, keys);
  const fail = (keys: string[], reason: string | Localized) => {
    let at = found(keys);
    for (let k = keys.length - 1; !at && k > 0; k--) at = found(keys.slice(0, k));
    const src = at?.src ?? top;
    const where = positionOf(src, at?.node ?? src.doc.contents);
    // A value read twice (a size is also the em of its letter spacing) is reported once.
    if (diags.list.some((d) => d.file === src.shown && d.start.offset === where.offset && d.rule === 'template/invalid')) return;
    const key = `\`${keys.join('.')}\``;
    diags.error(src.shown, where, 'template/invalid', {
      name: src.shown, reason: typeof reason === 'string' ? templateReason(key, reason) : { en: `${key} ${reason.en}`, zh: `${key} ${reason.zh}` },
    });
  };
  const raw = (keys: string[]): unknown => {
    const n = found(keys)?.node;
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
  const positive = (keys: string[], fallback: number): number => {
    const v = len(keys, undefined, fallback);
    if (v <= 0) fail(keys, 'must be a length greater than 0');
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
  for (const name of keysAt(chain, ['colors'])) {
    const v = raw(['colors', name]) as { cmyk?: unknown; rgb?: unknown } | undefined;
    if (v && Array.isArray(v.cmyk) && v.cmyk.length === 4 && v.cmyk.every((x) => typeof x === 'number')) {
      colors[name] = { cmyk: v.cmyk as [number, number, number, number] };
    } else if (v && typeof v.rgb === 'string' && /^#[0-9a-f]{6}$/i.test(v.rgb)) {
      colors[name] = { rgb: v.rgb };
    } else {
      fail(['colors', name], 'must be { cmyk: [c, m, y, k] } or { rgb: "#rrggbb" }');
    }
  }

  // fonts: ROLE: face | [face, fallback…] | { face: face | [face, fallback…], bold: true }
  // Each face keeps the template that named it: its line for messages, its folder for relative paths.
  const specs = (keys: string[]): FontSpec[] => {
    const at = found(keys);
    if (!at) return [];
    const items = isSeq(at.node) ? at.node.items : [at.node];
    const out: FontSpec[] = [];
    for (const item of items) {
      const v = isScalar(item) ? item.value : undefined;
      if (typeof v !== 'string' || !v.trim()) { fail(keys, 'must be a font (file or name) or a list of them'); return []; }
      const p = positionOf(at.src, item as Node);
      out.push({ spec: v.trim(), line: p.line, column: p.column, file: at.src.shown, dir: path.dirname(at.src.file) });
    }
    return out;
  };
  const fonts = {} as Template['fonts'];
  for (const r of ROLES) {
    const node = found(['fonts', r])?.node;
    if (isMap(node)) {
      for (const pair of (node as YAMLMap).items) {
        const k = String(isScalar(pair.key) ? pair.key.value : pair.key);
        if (k === 'italic') fail(['fonts', r, k], 'is not offered: Chinese type is never slanted; give the role a 楷体 (Kai) face for emphasis');
        else if (k !== 'face' && k !== 'bold') fail(['fonts', r, k], 'is not a font setting (use `face` and `bold`)');
      }
      fonts[r] = { faces: specs(['fonts', r, 'face']), bold: bool(['fonts', r, 'bold'], false) };
    } else {
      fonts[r] = { faces: specs(['fonts', r]), bold: false };
    }
  }
  fonts.fallback = specs(['fonts', 'fallback']);

  const wordFonts: Template['wordFonts'] = {};
  const wordFontsNode = found(['wordFonts'])?.node;
  if (isMap(wordFontsNode)) {
    for (const r of keysAt(chain, ['wordFonts'])) {
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
      maxStretch: len(['body', 'maxStretch'], bodySize, 0.04 * bodySize),
      widowFill: num(['body', 'widowFill'], 0.5),
      laterOrphans: num(['body', 'laterOrphans'], 1),
      ellipsisClose: len(['body', 'ellipsisClose'], bodySize, 0),
    },
    masthead: {
      lines: num(['masthead', 'lines']),
      name: {
        ...style(['masthead', 'name'], 'red'),
        letterSpacing: len(['masthead', 'name', 'letterSpacing'], nameSize, 0),
        minSize: len(['masthead', 'name', 'minSize'], undefined, 36),
        baseline: len(['masthead', 'name', 'baseline']),
      },
      number: {
        ...style(['masthead', 'number']),
        baseline: len(['masthead', 'number', 'baseline']),
        format: str(['masthead', 'number', 'format'], '第{number}期'),
        total: str(['masthead', 'number', 'total'], '（总第{total}期）'),
        supplement: str(['masthead', 'number', 'supplement'], '增刊第{number}期'),
      },
      publisher: { ...style(['masthead', 'publisher']), baseline: len(['masthead', 'publisher', 'baseline']) },
      date: { format: str(['masthead', 'date', 'format'], '{year}年{month}月{day}日') },
      rule: {
        color: str(['masthead', 'rule', 'color'], 'red'),
        thickness: len(['masthead', 'rule', 'thickness']),
        at: len(['masthead', 'rule', 'at']),
      },
    },
    lead: {
      title: {
        ...style(['lead', 'title']),
        spaceAfter: num(['lead', 'title', 'spaceAfter'], 1),
        narrower: len(['lead', 'title', 'narrower'], len(['lead', 'title', 'size']), 2 * len(['lead', 'title', 'size'])),
      },
    },
    item: {
      title: {
        style: oneOf(['item', 'title', 'style'], ['run-in', 'block'] as const, 'run-in'),
        font: role(['item', 'title', 'font']),
        separator: str(['item', 'title', 'separator'], '　'),
        align: oneOf(['item', 'title', 'align'], ['left', 'center'] as const, 'left'),
      },
    },
    brief: { marker: str(['brief', 'marker'], '△ '), attribution: bool(['brief', 'attribution'], true) },
    attribution: { open: str(['attribution', 'open'], '（'), close: str(['attribution', 'close'], '）') },
    // Defaults here too: a template that does not extend default may leave the note out.
    note: {
      font: raw(['note', 'font']) === undefined ? 'emphasis' : role(['note', 'font']),
      label: str(['note', 'label'], '编者按：'),
      labelFont: raw(['note', 'labelFont']) === undefined ? 'heading' : role(['note', 'labelFont']),
      spaceAfter: num(['note', 'spaceAfter'], 0),
      issueSpaceAfter: num(['note', 'issueSpaceAfter'], 1),
    },
    // Defaults here too: a template that does not extend default may leave images out.
    figure: {
      maxWidth: positive(['figure', 'maxWidth'], Number.POSITIVE_INFINITY),
      maxHeight: positive(['figure', 'maxHeight'], Number.POSITIVE_INFINITY),
      caption: {
        font: raw(['figure', 'caption', 'font']) === undefined ? 'emphasis' : role(['figure', 'caption', 'font']),
        size: positive(['figure', 'caption', 'size'], bodySize),
        color: str(['figure', 'caption', 'color'], 'black'),
      },
      spaceBefore: num(['figure', 'spaceBefore'], 0),
      spaceAfter: num(['figure', 'spaceAfter'], 0),
    },
    // Defaults here too: a template that does not extend default may leave tables out.
    table: {
      font: raw(['table', 'font']) === undefined ? 'body' : role(['table', 'font']),
      size: positive(['table', 'size'], bodySize),
      color: str(['table', 'color'], 'black'),
      header: {
        font: raw(['table', 'header', 'font']) === undefined ? 'heading' : role(['table', 'header', 'font']),
        align: oneOf(['table', 'header', 'align'], ['left', 'center', 'right'] as const, 'center'),
      },
      padding: len(['table', 'padding'], len(['table', 'size'], undefined, bodySize), 0.5 * bodySize),
      rule: {
        outer: positive(['table', 'rule', 'outer'], 1),
        inner: positive(['table', 'rule', 'inner'], 0.5),
        color: str(['table', 'rule', 'color'], 'black'),
      },
      spaceBefore: num(['table', 'spaceBefore'], 0),
      spaceAfter: num(['table', 'spaceAfter'], 0),
    },
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
      dashRaise: len(['pageNumber', 'dashRaise'], len(['pageNumber', 'size']), 0.3 * len(['pageNumber', 'size'])),
      position: oneOf(['pageNumber', 'position'], ['outside', 'center'] as const, 'outside'),
      inset: num(['pageNumber', 'inset'], 1),
      onFooterOnlyPage: bool(['pageNumber', 'onFooterOnlyPage'], true),
    },
  };
  for (const c of [t.masthead.name.color, t.masthead.rule.color, t.body.color, t.figure.caption.color, t.table.color, t.table.rule.color]) {
    if (!(c in colors)) fail(['colors'], `does not define the colour \`${c}\``);
  }
  const failed = () => diags.list.slice(before).some((d) => d.severity === 'error');
  // Ranges only once every value could be read (an unreadable one counts as 0).
  if (!failed()) validateTemplate(t, fail);
  return failed() ? undefined : t;
}

/** A key the default template does not have is a warning with the nearest known key. */
function warnUnknownKeys(chain: TemplateDoc[], diags: Diagnostics): void {
  const schema = readChain(path.join(templatesDir, 'default.yaml'), new Diagnostics())?.[0];
  if (!schema) return;
  const walk = (src: TemplateDoc, node: Node | null | undefined, keys: string[]) => {
    if (!isMap(node) || FREE_MAPS.has(keys[0] ?? '')) return;
    // Where the default template has a plain value (a font: a name, a list or { face, bold }), its reader checks the shape.
    if (keys.length && !isMap(schema.doc.getIn(keys, true))) return;
    const known = keys.length ? keysAt([schema], keys) : [...keysAt([schema], []), 'extends', 'wordFonts'];
    for (const pair of node.items) {
      const k = String(isScalar(pair.key) ? pair.key.value : pair.key);
      if (!known.includes(k)) {
        diags.warning(src.shown, positionOf(src, pair.key as Node), 'template/unknown-key', { key: k, suggestion: nearest(k, known) });
      } else {
        walk(src, pair.value as Node, [...keys, k]);
      }
    }
  };
  for (const src of chain) if (src.file !== schema.file) walk(src, src.doc.contents, []);
}
