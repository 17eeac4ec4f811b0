// Messages for the load stage (rule ids issue/*, encoding/*, frontmatter/*,
// item/*, image/*, markdown/*). Each says what is wrong and what to do about it.

import type { Message } from '../diagnostics/messages.js';

export const LOAD_MESSAGES: Record<string, Message> = {
  // the folder
  'issue/no-folder': {
    en: 'there is no folder `{path}`; give the path of an issue folder (the one that holds issue.yaml and the .md files)',
    zh: '找不到文件夹 `{path}`；请给出期刊文件夹的路径（即存放 issue.yaml 和各 .md 文件的文件夹）',
  },
  'issue/unreadable': {
    en: 'cannot read `{path}` ({reason}); check that it exists and that you may read it',
    zh: '无法读取 `{path}`（{reason}）；请检查它是否存在、是否有读取权限',
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
    en: '`{key}` must be a whole number greater than 0, e.g. `{example}`; `{value}` is not',
    zh: '`{key}` 必须是大于 0 的整数，例如 `{example}`；`{value}` 不符合',
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
    en: '`{key}` is required for an item; add it between the `---` lines, e.g. `{example}`',
    zh: '稿件必须写明 `{key}`；请在两行 `---` 之间补上，例如 `{example}`',
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
    en: 'this item has no text; write its paragraphs below the closing `---` line',
    zh: '此稿件没有正文；请在结尾的 `---` 行下面写正文段落',
  },
  'item/duplicate-order': {
    en: '`order: {order}` is also used by `{other}`; two files of the same kind cannot share a position, give one of them another number',
    zh: '`order: {order}` 与 `{other}` 重复；同类稿件不能排在同一位置，请给其中一个换个序号',
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
  'image/damaged': {
    en: '`{src}` cannot be read as an image: it is damaged, cut short, or not an image at all; open it in an image editor and save it again as JPEG or PNG',
    zh: '`{src}` 无法作为图片读取：文件已损坏、不完整或根本不是图片；请用图片编辑软件打开并重新保存为 JPEG 或 PNG',
  },

  // markdown body
  'markdown/unsupported': {
    en: 'this {construct} ({syntax}) cannot be printed in a bulletin; write plain paragraphs — only **bold** and *emphasis* may be used',
    zh: '正文不能使用这种 Markdown 写法（{syntax}），无法排印；请写成普通段落——正文中只能使用 **加粗** 和 *强调*',
  },
};
