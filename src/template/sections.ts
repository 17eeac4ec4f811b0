// The Template model, one function per section of the template file. To add a
// template key: write it (with its default and a comment) in
// templates/default.yaml, add its field to model.ts, and read it here in its
// section's function — a line such as `marker: r.str(['brief', 'marker'])`.
// A range it must keep goes in validate.ts. Nothing else: a template that
// extends default gets the value from default.yaml, and one that leaves it out
// altogether gets a `template/invalid` error at its place.

import { isMap, isScalar, type YAMLMap } from 'yaml';
import { ROLES, type Color, type Role, type Template } from './model.js';
import type { TemplateReader } from './reader.js';
import { keysAt } from './source.js';

export function page(r: TemplateReader): Template['page'] {
  const side = (s: 'top' | 'bottom' | 'left' | 'right') => r.len(['page', 'margins', s]);
  return {
    width: r.len(['page', 'width']),
    height: r.len(['page', 'height']),
    margins: { top: side('top'), bottom: side('bottom'), left: side('left'), right: side('right') },
  };
}

export function grid(r: TemplateReader): Template['grid'] {
  return { chars: r.num(['grid', 'chars']), lines: r.num(['grid', 'lines']) };
}

export function colors(r: TemplateReader): Template['colors'] {
  const out: Record<string, Color> = {};
  for (const name of keysAt(r.chain, ['colors'])) {
    const v = r.raw(['colors', name]) as { cmyk?: unknown; rgb?: unknown } | undefined;
    if (v && Array.isArray(v.cmyk) && v.cmyk.length === 4 && v.cmyk.every((x) => typeof x === 'number')) {
      out[name] = { cmyk: v.cmyk as [number, number, number, number] };
    } else if (v && typeof v.rgb === 'string' && /^#[0-9a-f]{6}$/i.test(v.rgb)) {
      out[name] = { rgb: v.rgb };
    } else {
      r.fail(['colors', name], 'must be { cmyk: [c, m, y, k] } or { rgb: "#rrggbb" }');
    }
  }
  return out;
}

/** fonts: ROLE: face | [face, fallback…] | { face: face | [face, fallback…], bold: true }. A role left out uses the bundled face. */
export function fonts(r: TemplateReader): Template['fonts'] {
  const out = {} as Template['fonts'];
  for (const role of ROLES) {
    const node = r.found(['fonts', role])?.node;
    if (!isMap(node)) {
      out[role] = { faces: r.fontSpecs(['fonts', role]), bold: false };
      continue;
    }
    for (const pair of (node as YAMLMap).items) {
      const k = String(isScalar(pair.key) ? pair.key.value : pair.key);
      if (k === 'italic') r.fail(['fonts', role, k], 'is not offered: Chinese type is never slanted; give the role a 楷体 (Kai) face for emphasis');
      else if (k !== 'face' && k !== 'bold') r.fail(['fonts', role, k], 'is not a font setting (use `face` and `bold`)');
    }
    // `{ face: … }` without `bold` is the regular weight: part of the notation, not a template default.
    out[role] = { faces: r.fontSpecs(['fonts', role, 'face']), bold: r.raw(['fonts', role, 'bold']) !== undefined && r.bool(['fonts', role, 'bold']) };
  }
  out.fallback = r.fontSpecs(['fonts', 'fallback']);
  return out;
}

/** Word font names per role; a role left out uses its face's family name. */
export function wordFonts(r: TemplateReader): Template['wordFonts'] {
  const out: Template['wordFonts'] = {};
  const node = r.found(['wordFonts'])?.node;
  if (node !== undefined && !isMap(node)) {
    r.fail(['wordFonts'], 'must map roles to font names, e.g. `body: 仿宋_GB2312`');
    return out;
  }
  for (const k of keysAt(r.chain, ['wordFonts'])) {
    if ((ROLES as readonly string[]).includes(k)) out[k as Role] = r.str(['wordFonts', k]);
    else r.fail(['wordFonts', k], `is not a role; roles are ${ROLES.join(', ')}`);
  }
  return out;
}

export function body(r: TemplateReader): Template['body'] {
  const at = (key: string) => ['body', key];
  const size = r.len(at('size'));
  return {
    ...r.style(['body']),
    indent: r.num(at('indent')),
    latin: r.role(at('latin')),
    orphans: r.num(at('orphans')),
    widows: r.num(at('widows')),
    maxStretch: r.len(at('maxStretch'), size),
    widowFill: r.num(at('widowFill')),
    laterOrphans: r.num(at('laterOrphans')),
    ellipsisClose: r.len(at('ellipsisClose'), size),
  };
}

export function masthead(r: TemplateReader): Template['masthead'] {
  const at = (...keys: string[]) => ['masthead', ...keys];
  const nameSize = r.len(at('name', 'size'));
  return {
    lines: r.num(at('lines')),
    name: {
      ...r.style(at('name')),
      letterSpacing: r.len(at('name', 'letterSpacing'), nameSize),
      minSize: r.len(at('name', 'minSize')),
      baseline: r.len(at('name', 'baseline')),
    },
    number: {
      ...r.style(at('number')),
      baseline: r.len(at('number', 'baseline')),
      format: r.str(at('number', 'format')),
      total: r.str(at('number', 'total')),
      supplement: r.str(at('number', 'supplement')),
    },
    publisher: { ...r.style(at('publisher')), baseline: r.len(at('publisher', 'baseline')) },
    date: { format: r.str(at('date', 'format')) },
    rule: { color: r.str(at('rule', 'color')), thickness: r.len(at('rule', 'thickness')), at: r.len(at('rule', 'at')) },
    marking: { ...r.style(at('marking')), baseline: r.len(at('marking', 'baseline')) },
    series: {
      ...r.style(at('series')),
      baseline: r.len(at('series', 'baseline')),
      format: r.str(at('series', 'format')),
      numberBaseline: r.len(at('series', 'numberBaseline')),
    },
  };
}

export function lead(r: TemplateReader): Template['lead'] {
  const at = (key: string) => ['lead', 'title', key];
  const size = r.len(at('size'));
  return {
    title: { ...r.style(['lead', 'title']), spaceAfter: r.num(at('spaceAfter')), narrower: r.len(at('narrower'), size), maxLines: r.num(at('maxLines')) },
  };
}

export function item(r: TemplateReader): Template['item'] {
  const at = (key: string) => ['item', 'title', key];
  return {
    title: {
      style: r.oneOf(at('style'), ['run-in', 'block'] as const),
      font: r.role(at('font')),
      separator: r.str(at('separator')),
      align: r.oneOf(at('align'), ['left', 'center'] as const),
    },
  };
}

export function brief(r: TemplateReader): Template['brief'] {
  return { marker: r.str(['brief', 'marker']), attribution: r.bool(['brief', 'attribution']) };
}

export function note(r: TemplateReader): Template['note'] {
  const at = (key: string) => ['note', key];
  return {
    font: r.role(at('font')),
    label: r.str(at('label')),
    labelFont: r.role(at('labelFont')),
    spaceAfter: r.num(at('spaceAfter')),
    issueSpaceAfter: r.num(at('issueSpaceAfter')),
  };
}

export function attribution(r: TemplateReader): Template['attribution'] {
  return { open: r.str(['attribution', 'open']), close: r.str(['attribution', 'close']) };
}

export function figure(r: TemplateReader): Template['figure'] {
  const at = (...keys: string[]) => ['figure', ...keys];
  return {
    maxWidth: r.positive(at('maxWidth')),
    maxHeight: r.positive(at('maxHeight')),
    caption: { font: r.role(at('caption', 'font')), size: r.positive(at('caption', 'size')), color: r.str(at('caption', 'color')) },
    spaceBefore: r.num(at('spaceBefore')),
    spaceAfter: r.num(at('spaceAfter')),
  };
}

export function table(r: TemplateReader): Template['table'] {
  const at = (...keys: string[]) => ['table', ...keys];
  const size = r.len(at('size'));
  return {
    ...r.style(['table']),
    header: { font: r.role(at('header', 'font')), align: r.oneOf(at('header', 'align'), ['left', 'center', 'right'] as const) },
    padding: r.len(at('padding'), size),
    rule: { outer: r.positive(at('rule', 'outer')), inner: r.positive(at('rule', 'inner')), color: r.str(at('rule', 'color')) },
    spaceBefore: r.num(at('spaceBefore')),
    spaceAfter: r.num(at('spaceAfter')),
  };
}

export function footer(r: TemplateReader): Template['footer'] {
  const at = (key: string) => ['footer', key];
  return {
    ...r.style(['footer']),
    thick: r.len(at('thick')),
    thin: r.len(at('thin')),
    inset: r.num(at('inset')),
    separator: r.str(at('separator')),
    editor: r.str(at('editor')),
    copies: r.str(at('copies')),
    minGap: r.num(at('minGap')),
    extraDistribution: r.str(at('extraDistribution')),
  };
}

export function signOff(r: TemplateReader): Template['signOff'] {
  const at = (key: string) => ['signOff', key];
  return { place: r.oneOf(at('place'), ['footer', 'number'] as const), separator: r.str(at('separator')), gap: r.str(at('gap')) };
}

export function pageNumber(r: TemplateReader): Template['pageNumber'] {
  const at = (key: string) => ['pageNumber', key];
  const size = r.len(at('size'));
  return {
    ...r.style(['pageNumber']),
    format: r.str(at('format')),
    below: r.len(at('below')),
    dashRaise: r.len(at('dashRaise'), size),
    position: r.oneOf(at('position'), ['outside', 'center'] as const),
    inset: r.num(at('inset')),
    onFooterOnlyPage: r.bool(at('onFooterOnlyPage')),
  };
}
