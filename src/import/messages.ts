// Messages of `bulletin import`, by rule id, in English and Chinese. `{where}`
// is a place in the source file: "paragraph 3" in a .docx, "line 3" in a .txt or .md.

import type { Localized } from '../diagnostics/diagnostic.js';

export const IMPORT_MESSAGES: Record<string, Localized> = {
  // errors: nothing is written
  'import/unreadable': {
    en: 'cannot read `{path}`: {reason}; nothing was imported',
    zh: '无法读取 `{path}`：{reason}；未导入任何文件',
  },
  'import/type': {
    en: '`{path}`: cannot import `{ext}` files; import reads .docx, .txt and .md (save a .doc or .wps as .docx first); nothing was imported',
    zh: '`{path}`：不能导入 `{ext}` 文件；可导入 .docx、.txt 和 .md（.doc、.wps 请先另存为 .docx）；未导入任何文件',
  },
  'import/not-docx': {
    en: '`{path}` is not a Word .docx file ({reason}); open it in Word or WPS and save it as .docx; nothing was imported',
    zh: '`{path}` 不是 Word .docx 文件（{reason}）；请用 Word 或 WPS 打开并另存为 .docx；未导入任何文件',
  },
  'import/too-large': {
    en: '`{path}` unpacks to more than {limit} (the most a .docx may hold); nothing was imported',
    zh: '`{path}` 解压后超过 {limit}（.docx 内容的上限）；未导入任何文件',
  },
  'import/image-too-large': {
    en: 'the image at {where} is {size}, more than the {limit} an image may have; make it smaller in the Word file; nothing was imported',
    zh: '{where}的图片有 {size}，超过图片上限 {limit}；请在 Word 文件中压缩该图片；未导入任何文件',
  },
  'import/item-too-large': {
    en: 'the item made from `{path}` would be {size}, more than the {limit} an item file may have; split the report; nothing was imported',
    zh: '由 `{path}` 生成的稿件将有 {size}，超过稿件文件上限 {limit}；请拆分该稿件；未导入任何文件',
  },
  'import/encoding': {
    en: '`{path}` is neither UTF-8 nor GB18030 text (the first byte that is neither is on line {line}); save it as UTF-8 (记事本: 另存为 → 编码 UTF-8); nothing was imported',
    zh: '`{path}` 既不是 UTF-8 也不是 GB18030 文本（第 {line} 行起无法识别）；请另存为 UTF-8 编码（记事本：另存为 → 编码选 UTF-8）；未导入任何文件',
  },
  'import/nul': {
    en: '`{path}` holds NUL bytes (UTF-16 without a byte-order mark, or not a text file); save it as UTF-8; nothing was imported',
    zh: '`{path}` 含有 NUL 字节（可能是不带字节顺序标记的 UTF-16，或不是文本文件）；请另存为 UTF-8；未导入任何文件',
  },
  'import/front-matter': {
    en: '`{path}`: the front matter (between the `---` lines) is not a list of `key: value` lines; nothing was imported',
    zh: '`{path}`：文件头（两行 `---` 之间）不是 `键: 值` 的形式；未导入任何文件',
  },
  'import/empty': {
    en: '`{path}` has no text to import; nothing was imported',
    zh: '`{path}` 没有可导入的文字；未导入任何文件',
  },
  'import/no-title': {
    en: 'no title found: the first paragraph has no title style and is not a short line ({where}); give one with --title; nothing was imported',
    zh: '未找到标题：第一段既不是标题样式，也不是一行短句（{where}）；请用 --title 指定；未导入任何文件',
  },
  'import/no-department': {
    en: 'no department found: the last paragraph does not end with an attribution such as （区卫健委） ({where}); give one with --department; nothing was imported',
    zh: '未找到供稿单位：最后一段末尾没有（区卫健委）这样的署名（{where}）；请用 --department 指定；未导入任何文件',
  },
  'import/exists': {
    en: '`{target}` already exists; import never overwrites a file: move or rename it first; nothing was imported',
    zh: '`{target}` 已存在；导入从不覆盖文件：请先移走或改名；未导入任何文件',
  },
  'import/already-imported': {
    en: '`{target}` already has this title and department: this report seems imported already; delete that file to import it again; nothing was imported',
    zh: '`{target}` 已有相同的标题和供稿单位，该稿件似乎已导入；如需重新导入，请先删除该文件；未导入任何文件',
  },
  // what was guessed
  'import/encoding-assumed': {
    en: 'read as {encoding}',
    zh: '按 {encoding} 编码读取',
  },
  'import/encoding-gb18030': {
    en: 'read as GB18030 (GBK), since the file is not valid UTF-8; check that the Chinese reads right in the item',
    zh: '文件不是有效的 UTF-8，已按 GB18030（GBK）编码读取；请核对稿件中的汉字是否正确',
  },
  'import/title-from-style': {
    en: 'title from {where} (style {style}): {title}',
    zh: '标题取自{where}（样式 {style}）：{title}',
  },
  'import/title-from-paragraph': {
    en: 'title from {where} (the first short paragraph; no title style): {title}; check it',
    zh: '标题取自{where}（第一个短段落，无标题样式）：{title}；请核对',
  },
  'import/title-from-front-matter': {
    en: 'title from the front matter: {title}',
    zh: '标题取自文件头：{title}',
  },
  'import/department-from-attribution': {
    en: 'department from the attribution at the end of {where}: {department}',
    zh: '供稿单位取自{where}末尾的署名：{department}',
  },
  'import/department-from-front-matter': {
    en: 'department from the front matter: {department}',
    zh: '供稿单位取自文件头：{department}',
  },
  'import/attribution-removed': {
    en: 'the attribution （{found}） at the end of {where} was removed: --department {department} is printed instead',
    zh: '已删去{where}末尾的署名（{found}），改印 --department 指定的 {department}',
  },
  'import/written': {
    en: 'written as `{target}` ({kind})',
    zh: '已写入 `{target}`（{kind}）',
  },
  // what could not be carried over, each named where it was
  'import/empty-paragraphs': {
    en: '{count} empty paragraph(s) dropped, the first at {where}',
    zh: '删去 {count} 个空段落，第一个在{where}',
  },
  'import/page-break': {
    en: 'the page break in {where} was dropped (the bulletin breaks its pages itself)',
    zh: '已删去{where}的分页符（简报自行分页）',
  },
  'import/heading': {
    en: 'the heading in {where} (style {style}) is kept as an ordinary paragraph; items have no headings',
    zh: '{where}的标题（样式 {style}）按普通段落保留；稿件中没有小标题层级',
  },
  'import/list': {
    en: 'the list in {where} is kept as paragraphs; its numbers or bullets were dropped',
    zh: '{where}的列表按段落保留，已删去其编号或项目符号',
  },
  'import/format-dropped': {
    en: '{format} in {where} was dropped; the text is kept',
    zh: '已去掉{where}的{format}，文字保留',
  },
  'import/link': {
    en: 'the link in {where} to `{href}` was dropped; its text is kept',
    zh: '已去掉{where}指向 `{href}` 的链接，文字保留',
  },
  'import/image-format': {
    en: 'the image in {where} is {type}, which a bulletin cannot print (JPEG and PNG only); it was not imported: save it as PNG into the photos folder and add ![](photos/…) to the item',
    zh: '{where}的图片格式为 {type}，简报不能印（只能用 JPEG 和 PNG），未导入：请另存为 PNG 放入 photos 文件夹，并在稿件中加 ![](photos/…)',
  },
  'import/table-merged': {
    en: 'the table in {where} has merged cells, which a Markdown table cannot have: each merged cell was put in its first row and column; check the table',
    zh: '{where}的表格有合并单元格，Markdown 表格不支持：合并单元格的内容放在其首行首列；请核对表格',
  },
  'import/table-cell': {
    en: 'a cell of the table in {where} holds {what}, which a table cell cannot; {done}',
    zh: '{where}表格中的一个单元格含有{what}，表格单元格不能容纳；{done}',
  },
  'import/table-empty': {
    en: 'the table in {where} has no text and was dropped',
    zh: '{where}的表格没有文字，已删去',
  },
  'import/reader': {
    en: 'part of the Word file was not read ({detail}); compare the item with the original',
    zh: 'Word 文件的部分内容未能读取（{detail}）；请对照原文核对稿件',
  },
};
