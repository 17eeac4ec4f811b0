// One page of the OFD: its Content.xml, a single layer holding the display
// list's items in order. A glyph run becomes a TextObject: one TextCode at the
// run's baseline, with DeltaX giving every glyph's advance (layout's advance
// plus tracking), so a reader places each glyph where layout did. A rule is a
// filled rectangle (PathObject), an image an ImageObject whose CTM maps the
// image's unit square onto its box, turned by the JPEG's EXIF orientation.

import type { GlyphRun, ImageBox, Page, Rule } from '../../layout/display-list.js';
import type { Color } from '../../template/model.js';
import { screenRgb } from '../../template/color.js';
import { deltas, escText, mm, num, xmlPart } from './xml.js';

/** What the OFD writer needs of a face (a FontSet's faces have it). */
export interface OfdFace {
  path: string;
  /** PostScript name that picks the face from a collection (.ttc); absent for a single-face file. */
  collectionName?: string;
  postscriptName: string;
  unitsPerEm: number;
  /** Advance width in font units. */
  advance(cp: number): number;
  /** The face is a bold weight itself. */
  bold?: boolean;
  /** Drawn filled and stroked: a role asks for bold and the face has no bold weight. */
  syntheticBold?: boolean;
}

export interface FontRef {
  id: number;
  /** Stroked as well as filled (synthetic bold). */
  synthetic: boolean;
}

export interface PageResources {
  colors: Record<string, Color>;
  /** Face id → its font resource. */
  fonts: ReadonlyMap<string, FontRef>;
  /** Image digest → its MultiMedia ID. */
  images: ReadonlyMap<string, number>;
  faces: ReadonlyMap<string, OfdFace>;
}

/** Stroke width of synthetic bold, as a fraction of the font size (as in the PDF). */
const BOLD_STROKE = 1 / 30;
/** The text box reaches this far below the baseline, in ems: room for descenders. */
const DESCENT = 0.25;

export function pageContent(page: Page, res: PageResources, newId: () => number, ownSize: boolean): string {
  const layer = newId();
  const objects = page.items.map((item) => (item.kind === 'glyphs' ? text(item, res, newId()) : item.kind === 'rule' ? rule(item, res, newId()) : image(item, res, newId())));
  const area = ownSize ? `<ofd:Area><ofd:PhysicalBox>0 0 ${num(mm(page.width))} ${num(mm(page.height))}</ofd:PhysicalBox></ofd:Area>` : '';
  return xmlPart('Page', '', `${area}<ofd:Content><ofd:Layer ID="${layer}" Type="Body">${objects.join('')}</ofd:Layer></ofd:Content>`);
}

/**
 * A colour element, in the OFD's default RGB space: a CMYK colour converted as the preview converts it. Readers
 * that ignore colour spaces (ofd.js among them) would draw CMYK numbers as RGB, the red masthead cyan.
 */
function color(tag: string, c: Color | undefined): string {
  return `<ofd:${tag} Value="${screenRgb(c).join(' ')}"/>`;
}

function text(run: GlyphRun, res: PageResources, id: number): string {
  const face = res.faces.get(run.face)!;
  const font = res.fonts.get(run.face)!;
  const scale = run.size / face.unitsPerEm;
  const advances: number[] = [];
  for (const ch of run.text) advances.push(mm(face.advance(ch.codePointAt(0)!) * scale + run.tracking));
  const width = advances.reduce((a, b) => a + b, 0);
  const size = mm(run.size);
  const paint = color('FillColor', res.colors[run.color]);
  const stroke = font.synthetic ? ` Stroke="true" LineWidth="${num(size * BOLD_STROKE)}"` : '';
  // A bold face's text is bold text (a reader that must substitute the font then picks a bold one).
  const weight = face.bold ? ' Weight="700"' : '';
  // The box: one em above the baseline to DESCENT below, as wide as the advances; TextCode is relative to it.
  return (
    `<ofd:TextObject ID="${id}" Boundary="${num(mm(run.x))} ${num(mm(run.y) - size)} ${num(Math.max(width, 0))} ${num(size * (1 + DESCENT))}" Font="${font.id}" Size="${num(size)}"${stroke}${weight}>` +
    paint +
    (font.synthetic ? paint.replace('FillColor', 'StrokeColor') : '') +
    `<ofd:TextCode X="0" Y="${num(size)}"${advances.length > 1 ? ` DeltaX="${deltas(advances.slice(0, -1))}"` : ''}>${escText(run.text)}</ofd:TextCode></ofd:TextObject>`
  );
}

function rule(r: Rule, res: PageResources, id: number): string {
  const w = num(mm(r.width));
  const h = num(mm(r.thickness));
  return (
    `<ofd:PathObject ID="${id}" Boundary="${num(mm(r.x))} ${num(mm(r.y - r.thickness / 2))} ${w} ${h}" Stroke="false" Fill="true">` +
    `${color('FillColor', res.colors[r.color])}<ofd:AbbreviatedData>M 0 0 L ${w} 0 L ${w} ${h} L 0 ${h} C</ofd:AbbreviatedData></ofd:PathObject>`
  );
}

/** CTM taking the stored image's unit square to a box w × h, for each EXIF orientation (1: as stored). */
function orientedCtm(orientation: number, w: number, h: number): number[] {
  switch (orientation) {
    case 2: return [-w, 0, 0, h, w, 0];
    case 3: return [-w, 0, 0, -h, w, h];
    case 4: return [w, 0, 0, -h, 0, h];
    case 5: return [0, h, w, 0, 0, 0];
    case 6: return [0, h, -w, 0, w, 0];
    case 7: return [0, -h, -w, 0, w, h];
    case 8: return [0, -h, w, 0, 0, h];
    default: return [w, 0, 0, h, 0, 0];
  }
}

function image(box: ImageBox, res: PageResources, id: number): string {
  const w = mm(box.width);
  const h = mm(box.height);
  const ctm = orientedCtm(box.image.format === 'jpeg' ? box.image.orientation : 1, w, h).map(num).join(' ');
  return `<ofd:ImageObject ID="${id}" Boundary="${num(mm(box.x))} ${num(mm(box.y))} ${num(w)} ${num(h)}" CTM="${ctm}" ResourceID="${res.images.get(box.image.digest)}"/>`;
}
