// Messages of `bulletin verify`: one per finding, in English and Chinese (the
// OFD and PDF/A checks' own findings are in src/ofd-check/ and src/pdfa-check/).

import type { Message } from '../diagnostics/messages.js';

export const VERIFY_MESSAGES: Record<string, Message> = {
  'verify/page-size': {
    en: 'the page is {width} × {height} pt, not {wantWidth} × {wantHeight} pt',
    zh: '页面为 {width} × {height} pt，应为 {wantWidth} × {wantHeight} pt',
  },
  'verify/fonts': {
    en: 'font `{font}` is not embedded: another computer or the print shop may draw other glyphs',
    zh: '字体 `{font}` 未嵌入：在其他电脑上或印刷厂可能显示为别的字形',
  },
  'verify/text-replacement': {
    en: 'the text holds U+FFFD (a character that could not be read back)',
    zh: '文字中有 U+FFFD（无法读出的字符）',
  },
  'verify/text-missing': {
    en: 'missing from the text: {text}',
    zh: '文字中缺少：{text}',
  },
  'verify/text-out-of-order': {
    en: 'not after the line expected before it: {text}',
    zh: '未出现在上一条预期文字之后：{text}',
  },
  'verify/text-forbidden': {
    en: 'must not appear in the text: {text}',
    zh: '文字中不应出现：{text}',
  },
  'verify/line-start': {
    en: 'a line starts with `{mark}`: {line}',
    zh: '行首出现“{mark}”：{line}',
  },
  'verify/line-end': {
    en: 'a line ends with `{mark}`: {line}',
    zh: '行末出现“{mark}”：{line}',
  },
  'verify/split-mark': {
    en: '`{mark}` is split across two lines: {end} | {start}',
    zh: '“{mark}”被拆在两行：{end} | {start}',
  },
  'verify/attribution': {
    en: 'the attribution is split across two lines: {end} | {start}',
    zh: '署名被拆在两行：{end} | {start}',
  },
  'verify/number-unit': {
    en: 'a number is separated from its unit: {end} | {start}',
    zh: '数字与单位被拆在两行：{end} | {start}',
  },
  'verify/ragged': {
    en: 'a line that runs on stops {short} pt short of the right edge: {line}',
    zh: '未结束段落的一行距右边缘差 {short} pt（未两端对齐）：{line}',
  },
  'verify/overhang': {
    en: 'a line passes the right edge of the text block by {by} pt: {line}',
    zh: '一行超出版心右边缘 {by} pt：{line}',
  },
  'verify/page-number-missing': {
    en: 'no page number (— N —)',
    zh: '没有页码（— N —）',
  },
  'verify/page-number-wrong': {
    en: 'the page number printed is {printed}',
    zh: '印出的页码是 {printed}',
  },
  'verify/page-number-not-right': {
    en: 'the page number is at x {x0}–{x1} pt; an odd page has it at the right, one character in',
    zh: '页码位于 x {x0}–{x1} pt；单页码应在右侧，距版心边缘一字',
  },
  'verify/page-number-not-left': {
    en: 'the page number is at x {x0}–{x1} pt; an even page has it at the left, one character in',
    zh: '页码位于 x {x0}–{x1} pt；双页码应在左侧，距版心边缘一字',
  },
  'verify/page-number-not-centred': {
    en: 'the page number is not centred (its centre is at x {centre} pt)',
    zh: '页码未居中（中心在 x {centre} pt）',
  },
  'verify/footer-bottom': {
    en: 'the last line ends at y {y} pt, but the 报尾 belongs on the text block\'s bottom edge ({bottom} pt): {line}',
    zh: '最后一行在 y {y} pt，报尾应在版心下边缘（{bottom} pt）：{line}',
  },
  'verify/unreadable': {
    en: 'cannot read `{path}` as a PDF or an OFD ({reason})',
    zh: '无法读取 `{path}`（{reason}），不是可读的 PDF 或 OFD',
  },
  'verify/pdfa-none': {
    en: 'not PDF/A (the file does not claim it); --pdfa requires it',
    zh: '不是 PDF/A（文件未声明）；加 --pdfa 则要求是 PDF/A',
  },
  'verify/pdfa-claimed': {
    en: 'PDF/A-{level}: the preflight\'s {rules} checks hold; structure tree: {structure}; first heading: {heading}',
    zh: 'PDF/A-{level}：预检的 {rules} 项检查通过；结构树：{structure}；首个标题：{heading}',
  },
  'verify/pdfa-unreadable': {
    en: 'the PDF/A preflight cannot read the file ({reason})',
    zh: 'PDF/A 预检无法读取该文件（{reason}）',
  },
  'verify/warning': { en: 'warning', zh: '警告' },
  'verify/note': { en: 'note', zh: '说明' },
  'verify/checked': { en: 'checked: {checks}', zh: '已检查：{checks}' },
  'verify/no-reader': {
    en: 'the PDF reader (pdfjs-dist) cannot be loaded here ({reason}); it needs @napi-rs/canvas, which npm installs only on platforms it has a build for — reinstall bulletin, or verify on another computer',
    zh: '无法加载 PDF 读取库 pdfjs-dist（{reason}）；它需要 @napi-rs/canvas，而 npm 只在有其预编译版本的平台上安装它——请重新安装 bulletin，或在另一台电脑上检查',
  },
  'verify/no-list': {
    en: 'cannot read the list `{path}` ({reason})',
    zh: '无法读取列表文件 `{path}`（{reason}）',
  },
  'verify/ok': {
    en: '{path}: all {count} checks hold',
    zh: '{path}：全部 {count} 项检查通过',
  },
  'verify/failed': {
    en: '{path}: {findings} problem(s) in {checks} of {count} checks',
    zh: '{path}：{count} 项检查中有 {checks} 项未通过，共 {findings} 处问题',
  },
  'verify/figures-ofd': {
    en: 'pages {pages}, text lines {lines}',
    zh: '共 {pages} 页，文字 {lines} 行',
  },
  'verify/figures-pdf': {
    en: 'pages {pages}, body lines {bodyLines}, characters a full line {charsPerFullLine}, body lines a full page {bodyLinesPerFullPage}, PDF/A {pdfa}',
    zh: '共 {pages} 页，正文 {bodyLines} 行，满行 {charsPerFullLine} 字，满页正文 {bodyLinesPerFullPage} 行，PDF/A：{pdfa}',
  },
  'verify/page': {
    en: 'page {page}',
    zh: '第 {page} 页',
  },
};
