// A template with every length resolved to points. Layout reads only this.

export const ROLES = ['masthead', 'title', 'heading', 'body', 'emphasis', 'number'] as const;
export type Role = (typeof ROLES)[number];

export type Color = { cmyk: [number, number, number, number] } | { rgb: string };

/** One font value as written in a template, and the line that wrote it (for messages). */
export interface FontSpec {
  spec: string;
  line: number;
  column: number;
  /** The template file that named it (display path) and its folder, when it came from a template. */
  file?: string;
  dir?: string;
}

/** A role's faces: the first draws it, the rest are its own fallbacks; `bold` asks for a bold weight. */
export interface RoleFonts {
  faces: FontSpec[];
  bold: boolean;
}

export interface TextStyle {
  font: Role;
  size: number;
  color: string;
}

export interface Template {
  name: string;
  /** The YAML file it came from (for messages). */
  file: string;
  page: { width: number; height: number; margins: { top: number; bottom: number; left: number; right: number } };
  grid: { chars: number; lines: number };
  colors: Record<string, Color>;
  /** Faces per role (file name in fonts/, path, or font name; none: the bundled default), and the global fallbacks. */
  fonts: Record<Role, RoleFonts> & { fallback: FontSpec[] };
  /** Font names the Word file asks for per role (仿宋_GB2312 …); a role left out uses its face's family name. */
  wordFonts: Partial<Record<Role, string>>;
  /** maxStretch: the most space justification adds between two characters before a line takes some of the line above. */
  /** widowFill: a paragraph's last line filling at least this part of the measure may open a page alone. */
  /** laterOrphans: `orphans` for a paragraph that does not open an item. */
  /** ellipsisClose: how much closer the halves of …… are drawn (the face's … has side bearings). */
  body: TextStyle & {
    indent: number; latin: Role; orphans: number; widows: number; maxStretch: number; widowFill: number; laterOrphans: number; ellipsisClose: number;
  };
  masthead: {
    lines: number;
    /** The name is fitted to the text block: less letter spacing, then smaller, down to minSize. */
    name: TextStyle & { letterSpacing: number; baseline: number; minSize: number };
    number: TextStyle & { baseline: number; format: string; total: string; supplement: string };
    publisher: TextStyle & { baseline: number };
    date: { format: string };
    rule: { color: string; thickness: number; at: number };
    /** The classification (left) and copy number (right) line above the name. */
    marking: TextStyle & { baseline: number };
    /** A named series' line under the name; the number line moves to numberBaseline under it. */
    series: TextStyle & { baseline: number; format: string; numberBaseline: number };
  };
  /** narrower: every line of the lead title is at least this much narrower than the text block. */
  /** maxLines: a title of more lines is broken as a paragraph, not balanced (every balanced title). */
  lead: { title: TextStyle & { spaceAfter: number; narrower: number; maxLines: number } };
  item: { title: { style: 'run-in' | 'block'; font: Role; separator: string; align: 'left' | 'center' } };
  /** attribution: whether a brief prints its attribution when its front matter does not say. */
  brief: { marker: string; attribution: boolean };
  attribution: { open: string; close: string };
  /** 编者按: the note's face, its label (编者按：) and the label's face; blank grid lines after an item's note and after the issue's. */
  note: { font: Role; label: string; labelFont: Role; spaceAfter: number; issueSpaceAfter: number };
  /** Images: the largest box an image is scaled into, its caption's style, blank grid lines around it. */
  figure: { maxWidth: number; maxHeight: number; caption: TextStyle; spaceBefore: number; spaceAfter: number };
  /**
   * GFM tables: cell text (one grid line a line of text), the header row's face and alignment, the
   * space between a cell's text and its rules, the outer and inner rules' thickness, blank grid lines around.
   */
  table: TextStyle & {
    header: { font: Role; align: 'left' | 'center' | 'right' };
    padding: number;
    rule: { outer: number; inner: number; color: string };
    spaceBefore: number;
    spaceAfter: number;
  };
  footer: TextStyle & {
    thick: number; thin: number; inset: number; separator: string;
    editor: string; copies: string; minGap: number;
    /** The label of 本期增发 written as a plain list. */
    extraDistribution: string;
  };
  /** The 签发/审核/校对 line: on the number line's right (`number`) or in the 报尾 above 责任编辑 (`footer`). */
  signOff: { place: 'number' | 'footer'; separator: string; gap: string };
  pageNumber: TextStyle & {
    /** below: text block to the 一字线; dashRaise: the 一字线's height above the baseline in the number face. */
    format: string; below: number; dashRaise: number; position: 'outside' | 'center'; inset: number; onFooterOnlyPage: boolean;
  };
}
