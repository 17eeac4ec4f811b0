// The logical structure of the tagged PDF/A edition, through pdfkit's documented
// marking API (markStructureContent, markContent, struct): each run or image
// is marked as content of the element layout tagged it with (StructTag), or as
// an artifact (rules, page numbers). Elements enter the structure tree in the
// order they are first met, which is reading order: the masthead, the items,
// the footer.

import type { ArtifactTag, DisplayItem, StructTag } from '../../layout/display-list.js';

/** Rules and anything else layout did not tag: the page's furniture. */
const LAYOUT = { artifact: 'Layout' } as const;

type Mark = StructTag | ArtifactTag | typeof LAYOUT;

/** pdfkit documents `bbox` for a Figure element (PDF/UA asks for it); its typings lack it. */
type ElementOptions = PDFKit.Mixins.StructureElementOptions & { bbox?: [number, number, number, number] };

export class StructureWriter {
  private readonly elements = new Map<StructTag, PDFKit.PDFStructureElement>();
  private readonly root: PDFKit.PDFStructureElement;
  private current: Mark | undefined;

  constructor(private readonly doc: PDFKit.PDFDocument) {
    this.root = doc.struct('Document');
    doc.addStructure(this.root);
  }

  /** What `item` is marked as. */
  markOf(item: DisplayItem): Mark {
    return item.kind === 'rule' ? LAYOUT : (item.tag ?? LAYOUT);
  }

  /** Whether `mark` starts a new marked-content sequence: the caller closes its text object first. */
  changes(mark: Mark): boolean {
    return mark !== this.current;
  }

  /** Begins the marked-content sequence of `mark` (pdfkit ends the one before, and the last at the page's end). */
  begin(mark: Mark, item: DisplayItem): void {
    this.current = mark;
    if ('artifact' in mark) {
      this.doc.markContent('Artifact', { type: mark.artifact });
      return;
    }
    const content = this.doc.markStructureContent(mark.type);
    this.element(mark, item).add(content);
  }

  /** A new page: nothing is marked on it yet. */
  newPage(): void {
    this.current = undefined;
  }

  private element(tag: StructTag, item: DisplayItem): PDFKit.PDFStructureElement {
    let el = this.elements.get(tag);
    if (el) return el;
    const options: ElementOptions = {};
    if (tag.alt) options.alt = tag.alt;
    if (tag.type === 'Figure' && item.kind === 'image') options.bbox = [item.x, item.y, item.x + item.width, item.y + item.height];
    el = this.doc.struct(tag.type, options);
    this.elements.set(tag, el);
    (tag.parent ? this.element(tag.parent, item) : this.root).add(el);
    return el;
  }
}
