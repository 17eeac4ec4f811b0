// Messages for the load stage (rule ids issue/*, encoding/*, frontmatter/*,
// item/*, image/*, markdown/*). Each says what is wrong and what to do about it.

import type { Message } from '../diagnostics/messages.js';

/**
 * Why a file could not be read, for a message's `{reason}`: keyed by
 * read-file.ts's `Why`, which checks that every reason has an entry (this
 * table does not import it back, so there is no cycle).
 */
export const READ_REASONS = {
  missing: { en: 'there is no such file', zh: '没有这个文件' },
  'dangling-link': { en: 'it is a link to a file that does not exist', zh: '它是一个链接，指向的文件不存在' },
  'link-loop': { en: 'it is a link that leads back to itself', zh: '它是一个链接，最终又指回自己（链接循环）' },
  folder: { en: 'it is a folder, not a file', zh: '它是文件夹，不是文件' },
  fifo: { en: 'it is a pipe (fifo), not a file', zh: '它是管道（fifo），不是文件' },
  socket: { en: 'it is a socket, not a file', zh: '它是套接字（socket），不是文件' },
  device: { en: 'it is a device, not a file', zh: '它是设备，不是文件' },
  'not-a-file': { en: 'it is not a regular file', zh: '它不是普通文件' },
  'too-large': { en: 'it is {size}, more than the {limit} this kind of file may have', zh: '它有 {size}，超过了此类文件 {limit} 的上限' },
  permission: { en: 'permission denied', zh: '没有读取权限' },
  damaged: { en: 'the file is damaged or cut short; copy it again from where it came from', zh: '文件已损坏或不完整；请从原处重新复制' },
  failed: { en: 'the system could not read it ({code})', zh: '系统无法读取它（{code}）' },
} satisfies Record<string, Message>;

/** What is wrong with a piece of YAML, by the yaml package's error code (yaml-guard.ts), in our own words. */
export const YAML_REASONS: Record<string, Message> = {
  'missing-quote': { en: 'a quotation mark opened here is never closed', zh: '此处开始的引号没有结束' },
  'missing-bracket': { en: 'a bracket opened here is never closed', zh: '此处开始的括号没有闭合' },
  MISSING_CHAR: { en: 'a character is missing here (a closing quote or bracket, or a colon)', zh: '此处缺少字符（右引号、右括号或冒号）' },
  UNEXPECTED_TOKEN: { en: 'this character is not expected here', zh: '此处不应出现这个字符' },
  BAD_INDENT: { en: 'this line is indented differently from the lines around it', zh: '这一行的缩进与上下文不一致' },
  TAB_AS_INDENT: { en: 'a tab is used for indentation; indent with spaces', zh: '用了制表符（Tab）缩进；请用空格缩进' },
  DUPLICATE_KEY: { en: 'this key is written twice; keep one', zh: '这个键写了两次；请只保留一个' },
  MULTIPLE_DOCS: { en: 'a second `---` starts another document; a file holds one, delete the extra `---` line', zh: '第二个 `---` 开始了另一份文档；一个文件只能有一份，请删去多余的 `---` 行' },
  MULTILINE_IMPLICIT_KEY: { en: 'a key must be on one line, followed by a colon', zh: '键必须写在一行内，后跟冒号' },
  BLOCK_AS_IMPLICIT_KEY: { en: 'a key must be on one line, followed by a colon', zh: '键必须写在一行内，后跟冒号' },
  KEY_OVER_1024_CHARS: { en: 'this key is longer than 1024 characters', zh: '这个键超过 1024 个字符' },
  BAD_DQ_ESCAPE: { en: 'a backslash in double quotes starts an escape that does not exist; write \\\\ for a backslash', zh: '双引号中的反斜杠开始了不存在的转义；反斜杠本身请写成 \\\\' },
  BAD_ALIAS: { en: 'an alias (*name) names no anchor (&name) written before it', zh: '别名（*名称）没有对应的、写在它前面的锚点（&名称）' },
  RESOURCE_EXHAUSTION: { en: 'aliases (*name) here expand to too much text', zh: '此处的别名（*名称）展开后内容过多' },
  TAG_RESOLVE_FAILED: { en: 'a tag (!name) that is not known', zh: '未知的标签（!名称）' },
  // 32: MAX_YAML_DEPTH in yaml-guard.ts
  'too-deep': { en: 'nested more than 32 levels deep', zh: '嵌套超过 32 层' },
  'not-utf8': { en: 'it is not UTF-8 text; save it as UTF-8', zh: '它不是 UTF-8 文本；请另存为 UTF-8' },
  other: { en: 'this is not written the way YAML needs', zh: '此处的写法不符合 YAML 的要求' },
};
/** What passed which limit of markdown-guard.ts. */
export const MARKDOWN_LIMITS_SAID: Record<'lines' | 'paragraph' | 'depth' | 'emphasis' | 'markup' | 'definitions', Message> = {
  lines: { en: 'the file has more than {limit} lines', zh: '文件超过 {limit} 行' },
  paragraph: { en: 'this paragraph is longer than {limit} characters', zh: '这一段超过 {limit} 个字符' },
  depth: { en: 'lists or block quotes nested more than {limit} levels deep', zh: '列表或引用嵌套超过 {limit} 层' },
  emphasis: { en: 'more than {limit} `*` and `_` marks in one paragraph', zh: '一段中的 `*` 和 `_` 超过 {limit} 个' },
  markup: { en: 'more than {limit} of the marks [ ] | < & \\ ` in one paragraph', zh: '一段中的 [ ] | < & \\ ` 等符号超过 {limit} 个' },
  definitions: { en: 'more than {limit} link definitions ([name]: address)', zh: '链接定义（[名称]: 地址）超过 {limit} 个' },
};

export const LOAD_MESSAGES: Record<string, Message> = {
  // the folder
  'issue/no-folder': {
    en: 'there is no folder `{path}`; give the path of an issue folder (the one that holds issue.yaml and the .md files)',
    zh: '找不到文件夹 `{path}`；请给出期刊文件夹的路径（即存放 issue.yaml 和各 .md 文件的文件夹）',
  },
  'issue/unreadable': {
    en: 'cannot read `{path}`: {reason}; nothing of it is used — put a readable file there (a file whose name starts with _ is left out)',
    zh: '无法读取 `{path}`：{reason}；其内容未被使用——请换成可读取的文件（文件名以 _ 开头的文件会被略去）',
  },
  'issue/no-issue-yaml': {
    en: 'the folder `{path}` has no issue.yaml; create one with at least masthead, number, date and publisher',
    zh: '文件夹 `{path}` 中没有 issue.yaml；请新建该文件，至少写明 masthead、number、date 和 publisher',
  },
  'issue/no-items': {
    en: 'the folder `{path}` has no items; add one .md file per item (files whose name starts with _ or . are drafts and are skipped; {drafts} skipped)',
    zh: '文件夹 `{path}` 中没有稿件；请为每篇稿件放一个 .md 文件（文件名以 _ 或 . 开头的是草稿，会被跳过；已跳过 {drafts} 个）',
  },

  // issue.yaml
  'issue/yaml-syntax': {
    en: 'issue.yaml is not valid YAML here: {reason}; each line should read `key: value` (half-width colon, then a space)',
    zh: 'issue.yaml 此处不是有效的 YAML：{reason}；每行应写成 `键: 值`（半角冒号后加一个空格）',
  },
  'issue/fullwidth-colon': {
    en: 'this line uses a full-width colon `：`; YAML needs a half-width colon and a space: `{fixed}`',
    zh: '这一行用了全角冒号“：”；YAML 需要半角冒号加空格，应写成 `{fixed}`',
  },
  'issue/required': {
    en: '`{key}` is required in issue.yaml; add it, e.g. `{example}`',
    zh: 'issue.yaml 必须写明 `{key}`；请补上，例如 `{example}`',
  },
  'issue/type': {
    en: '`{key}` is not written in a form bulletin understands; write it like `{example}`',
    zh: '`{key}` 的写法不对；应写成 `{example}` 这样',
  },
  'issue/unknown-key': {
    en: 'unknown key `{key}`, did you mean `{suggestion}`?',
    zh: '未知的键 `{key}`，是不是想写 `{suggestion}`？',
  },
  'issue/unknown-lint-rule': {
    en: 'unknown check `{key}` under `lint:`, did you mean `{suggestion}`? (the checks are: {names})',
    zh: '`lint:` 下没有名为 `{key}` 的检查，是不是想写 `{suggestion}`？（可用的检查有：{names}）',
  },
  'issue/bad-date': {
    en: '`date: {value}` is not a date that exists; write it as YYYY-MM-DD, e.g. `date: 2025-01-20`',
    zh: '`date: {value}` 不是一个存在的日期；请按 YYYY-MM-DD 写，例如 `date: 2025-01-20`',
  },
  'issue/not-positive-integer': {
    en: '`{key}` must be a whole number from 1 to 9007199254740991, e.g. `{example}`; `{value}` is not',
    zh: '`{key}` 必须是 1 到 9007199254740991 之间的整数，例如 `{example}`；`{value}` 不符合',
  },

  // encoding
  'encoding/not-utf8': {
    en: '`{file}` was saved as {encoding}, not UTF-8 (the first byte that is not UTF-8, {byte}, is here); re-save it as UTF-8 in your editor, or run: {command}',
    zh: '`{file}` 是以 {encoding} 编码保存的，不是 UTF-8（第一个非 UTF-8 字节 {byte} 在此处）；请在编辑器中另存为 UTF-8，或运行：{command}',
  },
  'encoding/unknown': {
    en: '`{file}` is not UTF-8 text (the first byte that is not UTF-8, {byte}, is here) and not GBK/GB18030 either; open it in your editor and save it as UTF-8',
    zh: '`{file}` 不是 UTF-8 文本（第一个非 UTF-8 字节 {byte} 在此处），也不是 GBK/GB18030；请用编辑器打开并另存为 UTF-8',
  },

  // item front matter
  'frontmatter/missing': {
    en: 'this file has no front matter; start it with a `---` line, then `title:` and `department:` lines, then another `---` line',
    zh: '此文件缺少开头的信息块；请在文件开头写一行 `---`，接着写 `title:` 和 `department:` 两行，再写一行 `---`',
  },
  'frontmatter/yaml-syntax': {
    en: 'the block between the `---` lines is not valid YAML here: {reason}; each line should read `key: value` (half-width colon, then a space)',
    zh: '`---` 之间的信息块此处不是有效的 YAML：{reason}；每行应写成 `键: 值`（半角冒号后加一个空格）',
  },
  'frontmatter/fullwidth-colon': {
    en: 'this line uses a full-width colon `：`; YAML needs a half-width colon and a space: `{fixed}`',
    zh: '这一行用了全角冒号“：”；YAML 需要半角冒号加空格，应写成 `{fixed}`',
  },
  'frontmatter/required': {
    en: '`{key}` is required for {kind}; add it between the `---` lines, e.g. `{example}`{unless}',
    zh: '{kind}必须写明 `{key}`；请在两行 `---` 之间补上，例如 `{example}`{unless}',
  },
  'frontmatter/type': {
    en: '`{key}` is not written in a form bulletin understands; write it like `{example}`',
    zh: '`{key}` 的写法不对；应写成 `{example}` 这样',
  },
  'frontmatter/unknown-key': {
    en: 'unknown key `{key}`, did you mean `{suggestion}`?',
    zh: '未知的键 `{key}`，是不是想写 `{suggestion}`？',
  },
  'frontmatter/brief-title': {
    en: 'a brief (kind: brief) has no title, so `title` is ignored; remove it, or make this an item by removing `kind: brief`',
    zh: '简讯（kind: brief）没有标题，`title` 将被忽略；请删去 title，或删去 `kind: brief` 使其成为正式稿件',
  },

  // item
  'item/kind': {
    en: '`kind: {value}` is not a kind; write `kind: item` (the default) or `kind: brief` — did you mean `{suggestion}`?',
    zh: '`kind: {value}` 不是有效的类型；应写 `kind: item`（默认）或 `kind: brief`——是不是想写 `{suggestion}`？',
  },
  'item/empty-body': {
    en: 'this {kind} has no text; write its paragraphs below the closing `---` line',
    zh: '此{kind}没有正文；请在结尾的 `---` 行下面写正文段落',
  },
  'item/duplicate-order': {
    en: '`order: {order}` is also used by `{other}`; two files of the same kind cannot share a position, give one of them another number',
    zh: '`order: {order}` 与 `{other}` 重复；同类稿件不能排在同一位置，请给其中一个换个序号',
  },
  'item/placeholder': {
    en: '`{text}` is a placeholder written by `bulletin init` or `bulletin new`; replace it with {what}',
    zh: '“{text}”是 `bulletin init` 或 `bulletin new` 写入的占位文字，请换成{what}',
  },
  'item/attribution-duplicated': {
    en: 'the body already ends with the attribution （{department}）; bulletin prints it after the last paragraph itself, so this copy is left out — delete it from the file',
    zh: '正文末尾已写了署名（{department}）；署名会自动排在最后一段末尾，此处的署名已被略去——请从文件中删除',
  },

  // images
  'image/inline': {
    en: 'the image `{src}` is in a line of text, where it cannot be set; put it on a line of its own (its alt text, in the brackets, becomes the caption)',
    zh: '图片 `{src}` 夹在正文行中，无法排印；请把它单独写成一行（方括号中的文字将作为图注）',
  },
  'image/not-found': {
    en: 'there is no image `{src}` (looked for `{path}`); check the name — the path is read from the item file\'s folder, e.g. `photos/a.jpg`',
    zh: '找不到图片 `{src}`（查找了 `{path}`）；请检查文件名——路径从稿件所在文件夹算起，例如 `photos/a.jpg`',
  },
  'image/unreadable': {
    en: 'cannot read the image `{src}` ({reason}); check that it is a file and that you may read it',
    zh: '无法读取图片 `{src}`（{reason}）；请检查它是否为文件、是否有读取权限',
  },
  'image/format': {
    en: '`{src}` is a {format} image; only JPEG (.jpg) and PNG (.png) can be printed — save it as one of them in an image editor',
    zh: '`{src}` 是 {format} 格式的图片；只能排印 JPEG（.jpg）和 PNG（.png）——请用图片编辑软件另存为这两种格式之一',
  },
  'image/too-large': {
    en: '`{src}` is {size}; at most {limit} can be printed — scale it down in an image editor (300 dpi at the printed size is plenty)',
    zh: '`{src}` 有 {size}，最多只能排印 {limit}——请用图片编辑软件缩小（按印刷尺寸 300 dpi 足够）',
  },
  'image/damaged': {
    en: '`{src}` cannot be read as an image: it is damaged, cut short, or not an image at all; open it in an image editor and save it again as JPEG or PNG',
    zh: '`{src}` 无法作为图片读取：文件已损坏、不完整或根本不是图片；请用图片编辑软件打开并重新保存为 JPEG 或 PNG',
  },

  // markdown body
  'markdown/too-complex': {
    en: 'the Markdown here is more than an item can hold: {what}; a bulletin item is plain paragraphs, so split or simplify this',
    zh: '此处的 Markdown 超出了稿件的容量：{what}；简报稿件只由普通段落组成，请拆分或简化',
  },
  'markdown/unsupported': {
    en: 'this {construct} ({syntax}) cannot be printed in a bulletin; write plain paragraphs — only **bold** and *emphasis* may be used',
    zh: '正文不能使用这种 Markdown 写法（{syntax}），无法排印；请写成普通段落——正文中只能使用 **加粗** 和 *强调*',
  },

  // tables (table.ts; the layout's checks are in diagnostics/messages.ts)
  'table/too-large': {
    en: 'this table has {count} {what}; at most {limit} can be printed — split it into smaller tables, or put the figures in the text',
    zh: '此表格有 {count} {what}，最多只能排印 {limit}——请拆成几个小表格，或把数据写进正文',
  },
  'table/extra-cells': {
    en: 'this row has {count} cells but the header row has {columns}; the cells past the header would be lost — add a column to the header, or delete the extra `|` cells',
    zh: '此行有 {count} 个单元格，表头只有 {columns} 个；多出的单元格会丢失——请在表头加一列，或删去多余的 `|` 单元格',
  },
  'table/cell-too-long': {
    en: 'this table cell has {length} characters; at most {limit} can be printed in a cell — put the text in a paragraph below the table',
    zh: '此单元格有 {length} 个字，单元格中最多排印 {limit} 个字——请把这段文字写成表格下方的段落',
  },
  // the 简报 form (issue 20): 密级, 份号, 专刊, sign-off, brief marker
  'issue/one-line': {
    en: '`{key}` must be one line of text; write it like `{example}`',
    zh: '`{key}` 必须是一行文字；应写成 `{example}` 这样',
  },
  'issue/copy-number': {
    en: '`copyNumber: {value}` is not a copy number (份号): write 1 to 6 digits, e.g. `copyNumber: "000123"` (printed as six digits, 000123)',
    zh: '`copyNumber: {value}` 不是有效的份号：请写 1 到 6 位数字，例如 `copyNumber: "000123"`（印为 6 位数字 000123）',
  },
  'issue/series-and-supplement': {
    en: 'an issue is either a supplement (`supplement: true`) or in the series `{series}`, not both; remove one of them',
    zh: '一期简报不能既是增刊（`supplement: true`）又属于“{series}”；请删去其中之一',
  },
  'issue/brief-marker': {
    en: '`briefMarker: {value}` must be one visible character, e.g. `briefMarker: ◆` (the space after it comes from the template)',
    zh: '`briefMarker: {value}` 必须是一个可见字符，例如 `briefMarker: ◆`（其后的空格由模板给出）',
  },
};
