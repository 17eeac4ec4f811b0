// Every page's SVG, redrawn only for the pages whose display list changed: an
// edit usually moves one or two pages of forty, and drawing all of them was
// the preview's largest cost after layout on a 60-item issue.

import type { DisplayItem, Page } from '../layout/display-list.js';
import type { FontMetrics } from '../layout/metrics.js';
import { renderSvgPage, type SvgOptions } from '../render/svg/index.js';

export class SvgPages {
  private pages: Page[] = [];
  private svgs: string[] = [];
  /** What else the drawing depends on: the colours' values and the face objects (a changed font file is a new face). */
  private colors = '';
  private faces: Array<[string, FontMetrics]> = [];

  /** The SVG of each page, and the indexes of those that differ from the last call. */
  update(pages: Page[], opts: SvgOptions): { svgs: string[]; changed: number[] } {
    const colors = JSON.stringify(opts.colors);
    const faces = [...opts.faces];
    const sameContext = colors === this.colors && faces.length === this.faces.length && faces.every(([id, f], i) => this.faces[i]?.[0] === id && this.faces[i]?.[1] === f);
    const svgs = pages.map((p, i) => (sameContext && this.pages[i] && samePage(p, this.pages[i]!) ? this.svgs[i]! : renderSvgPage(p, opts)));
    const changed = svgs.flatMap((svg, i) => (svg === this.svgs[i] ? [] : [i]));
    Object.assign(this, { pages, svgs, colors, faces });
    return { svgs, changed };
  }
}

function samePage(a: Page, b: Page): boolean {
  return a.width === b.width && a.height === b.height && a.items.length === b.items.length && a.items.every((item, i) => sameItem(item, b.items[i]!));
}

function sameItem(a: DisplayItem, b: DisplayItem): boolean {
  if (a.kind === 'rule') return b.kind === 'rule' && a.x === b.x && a.y === b.y && a.width === b.width && a.thickness === b.thickness && a.color === b.color;
  if (a.kind === 'image') return b.kind === 'image' && a.image.digest === b.image.digest && a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;
  if (b.kind !== 'glyphs') return false;
  return a.face === b.face && a.size === b.size && a.x === b.x && a.y === b.y && a.text === b.text && a.tracking === b.tracking && a.color === b.color;
}
