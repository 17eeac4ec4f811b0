// Messages in English and Chinese: the shape of an entry, how `{name}`
// placeholders are filled from a diagnostic's args, and the entries of the
// rules no single stage owns (fonts, template, output, the command line).
// Each stage keeps its own table beside it (issue/messages.ts, …); the whole
// catalogue is put together above the stages, in report/catalogue.ts, so this
// ground floor knows none of them. Each message says what is wrong and, where
// it helps, what to do.

import type { MessageArgs } from './diagnostic.js';

export type Lang = 'en' | 'zh';

export interface Message {
  en: string;
  zh: string;
}

export const GENERAL_MESSAGES: Record<string, Message> = {
  // layout
  'layout/masthead-too-long': {
    en: 'the masthead name `{name}` ({count} characters) is wider than the text block even at {min} pt, the smallest masthead size the template allows (`masthead: name: minSize`); shorten the name, or lower minSize in the template',
    zh: '报头名称“{name}”（{count} 个字）即使缩小到模板允许的最小字号 {min} 磅（`masthead: name: minSize`）仍超出版心宽度；请缩短名称，或在模板中调低 minSize',
  },
  // tables (check.ts checkTables)
  'layout/table-too-wide': {
    en: 'this table is {mm} mm (about {chars} characters) wider than the text block even with every column at its narrowest: {columns} columns, the widest word `{word}` in column {column}; use fewer columns (split the table), shorten the widest words or numbers, or set a smaller `table: size` or `table: padding` in the template',
    zh: '此表格即使每列都压到最窄，仍比版心宽 {mm} 毫米（约 {chars} 个字）：共 {columns} 列，第 {column} 列中最长的不可断开的词是“{word}”；请减少列数（拆分表格）、缩短最长的词或数字，或在模板中调小 `table: size` 或 `table: padding`',
  },
  'layout/table-row-too-tall': {
    en: 'this table row takes {lines} grid lines with the header above it, more than the {capacity} lines of a page; a row is never split across pages — shorten its cells, or move the long text into a paragraph',
    zh: '此表格行连同表头需要 {lines} 行，超过一页的 {capacity} 行；表格行不能跨页拆开——请缩短单元格文字，或把长文字改写成段落',
  },
  'layout/marking-too-long': {
    en: 'the classification and the copy number do not both fit on the masthead\'s top line; shorten the classification (e.g. `内部资料　注意保存`)',
    zh: '密级（classification）与份号（copyNumber）在报头首行放不下；请缩短密级标志（如 `内部资料　注意保存`）',
  },
  'layout/sign-off-too-long': {
    en: 'the sign-off line does not fit beside the issue number (the template sets it on the number line: `signOff: place: number`); give fewer names, or put it in the footer with `signOff: place: footer` in the template',
    zh: '签发行放在期号行右侧放不下（模板设置了 `signOff: place: number`）；请减少人名，或在模板中改为 `signOff: place: footer`，印在报尾',
  },
  // fonts
  'font/missing-glyph': {
    en: 'no font can draw `{char}` ({codepoint}); add a font that has it under `fonts: fallback:` in issue.yaml, or replace the character',
    zh: '没有字体能显示“{char}”（{codepoint}）；请在 issue.yaml 的 `fonts: fallback:` 中加入含该字的字体，或替换该字',
  },
  'font/unreadable': {
    en: 'cannot open font `{path}`: {reason}',
    zh: '无法打开字体 `{path}`：{reason}',
  },
  'font/fallback': {
    en: '{count} character(s) of the {role} text are drawn in {face}, not {primary}, which lacks them: {chars}',
    zh: '{role} 文字中有 {count} 个字 {primary} 没有，改用 {face} 显示：{chars}',
  },
  'font/no-such-file': {
    en: 'font file `{path}` does not exist',
    zh: '字体文件 `{path}` 不存在',
  },
  'font/not-a-font': {
    en: '`{path}` is not a font file (expected TrueType or OpenType: .ttf, .otf, .ttc, .otc)',
    zh: '`{path}` 不是字体文件（应为 TrueType 或 OpenType：.ttf、.otf、.ttc、.otc）',
  },
  'font/woff': {
    en: '`{path}` is a {kind} web font, which cannot be embedded in print PDFs; convert it to .ttf or .otf first (e.g. `fonttools ttLib.woff2 decompress`)',
    zh: '`{path}` 是 {kind} 网页字体，不能嵌入印刷 PDF；请先转换为 .ttf 或 .otf（如 `fonttools ttLib.woff2 decompress`）',
  },
  'font/collection-needs-face': {
    en: '`{path}` is a font collection: name one of its faces as `{file}#Face`; it holds {faces}',
    zh: '`{path}` 是字体集合，请写成 `{file}#字体名` 指明其中一款；它包含 {faces}',
  },
  'font/no-such-face': {
    en: '`{path}`: no single face is named `{name}`; the file holds {faces}',
    zh: '`{path}`：没有唯一名为 `{name}` 的字体；该文件包含 {faces}',
  },
  'font/not-found': {
    en: 'no installed font is named `{name}`; closest installed names: {closest} (`bulletin fonts` lists what is used; BULLETIN_FONT_PATH adds folders)',
    zh: '未安装名为 `{name}` 的字体；最接近的已安装字体：{closest}（`bulletin fonts` 列出所用字体；BULLETIN_FONT_PATH 可增加字体文件夹）',
  },
  'font/no-digits': {
    en: 'font `{path}` has no Latin digits 0–9, which the {role} role needs for page numbers, dates and figures; choose another face, or list this one after one that has them',
    zh: '字体 `{path}` 没有阿拉伯数字 0–9，而 {role} 角色的页码、日期和数字需要它们；请换一款字体，或把它列在含数字的字体之后',
  },
  'font/unknown-role': {
    en: '`fonts: {role}` is not a font role; the roles are {roles}',
    zh: '`fonts: {role}` 不是字体角色；可用的角色有 {roles}',
  },
  // template
  'template/not-found': {
    en: 'template `{name}` not found (looked for {looked}); the bundled templates are: {available}',
    zh: '找不到模板 `{name}`（查找了 {looked}）；随附的模板有：{available}',
  },
  'template/unreadable': {
    en: 'cannot read the template `{path}`: {reason}',
    zh: '无法读取模板 `{path}`：{reason}',
  },
  'template/unknown-key': {
    en: 'unknown template key `{key}`; did you mean `{suggestion}`?',
    zh: '未知的模板键 `{key}`；是不是 `{suggestion}`？',
  },
  'template/invalid': {
    en: 'template `{name}`: {reason}',
    zh: '模板 `{name}`：{reason}',
  },
  // output
  'output/write-failed': {
    en: 'cannot write `{path}` ({reason}); check that its folder exists and that you may write there — the previous file (if any) is unchanged',
    zh: '无法写入 `{path}`（{reason}）；请检查所在文件夹是否存在、是否有写入权限——原有文件（如有）未被改动',
  },
  'output/ofd-font': {
    en: 'cannot embed the font `{font}` in the OFD (HarfBuzz cannot read or subset it); choose another font for the roles that use it — nothing was written',
    zh: '无法把字体 `{font}` 嵌入 OFD（HarfBuzz 无法读取或子集化该字体）；请为使用它的角色换用其他字体——未写入任何文件',
  },
  'cli/bad-date': {
    en: '`{date}` is not a date; write it as YYYY-MM-DD, e.g. 2025-01-20',
    zh: '`{date}` 不是有效日期；请写成 YYYY-MM-DD，例如 2025-01-20',
  },
  'cli/init-not-empty': {
    en: '`{path}` already exists and is not empty; choose a new folder name',
    zh: '`{path}` 已存在且不是空文件夹；请换一个新文件夹名',
  },
  'cli/init-no-previous': {
    en: 'no issue.yaml at `{path}`; --from names the previous issue folder',
    zh: '`{path}` 不存在；--from 应指向上一期的文件夹',
  },
  'cli/init-not-latest': {
    en: 'warning: `{path}` is not the latest issue of its series: `{latest}` is No. {number} of {year}; the new issue is numbered No. {next} after it',
    zh: '警告：`{path}` 不是本系列最新一期，最新一期是 `{latest}`（{year}年第{number}期）；新一期按其后编为第{next}期',
  },
  'cli/init-bad-previous': {
    en: '`{path}` cannot be read as YAML; run `bulletin check` on that folder first',
    zh: '`{path}` 不是有效的 YAML；请先对该文件夹运行 `bulletin check`',
  },
  'cli/output-one-folder': {
    en: '-o names one output file, but {count} folders were given; leave -o out and each PDF goes beside its folder',
    zh: '-o 只能指定一个输出文件，但给出了 {count} 个文件夹；去掉 -o，每个 PDF 会生成在各自文件夹旁边',
  },
  'cli/watch-one-folder': {
    en: '--watch follows one folder, but {count} were given',
    zh: '--watch 只能跟踪一个文件夹，但给出了 {count} 个',
  },
  'cli/bad-year': {
    en: '`{year}` is not a year; write it as YYYY, e.g. 2025',
    zh: '`{year}` 不是有效年份；请写成 YYYY，例如 2025',
  },
  'cli/not-a-folder': {
    en: '`{path}` is not an issue folder (no such directory)',
    zh: '`{path}` 不是期刊文件夹（目录不存在）',
  },
  'cli/new-brief-title': {
    en: 'a brief (--brief) has no title, so `--title {title}` cannot be used; leave out --title, or leave out --brief to write an item with this title',
    zh: '简讯（--brief）没有标题，不能同时使用 `--title {title}`；请去掉 --title，或去掉 --brief 写一篇带此标题的稿件',
  },
};


/**
 * What the commands say besides diagnostics: progress, results, the preview
 * page and the fonts report (not rule ids: no README entry or fixture is owed).
 * `{n|one|many}` is `one` when n is 1, else `many`.
 */
export const WORDS = {
  'say/error': { en: 'error', zh: '错误' },
  'say/warning': { en: 'warning', zh: '警告' },
  'say/note': { en: 'note', zh: '提示' },
  'say/errors': { en: '{count} {count|error|errors}', zh: '{count} 个错误' },
  'say/warnings': { en: '{count} {count|warning|warnings}', zh: '{count} 个警告' },
  'say/list-separator': { en: ', ', zh: '，' },
  'say/no-problems': { en: 'no problems found', zh: '未发现问题' },
  'say/skipped-draft': { en: 'skipped draft {path}', zh: '跳过草稿 {path}' },
  'say/failed-folder': { en: 'failed {path}: the input has errors', zh: '未生成 {path}：输入有错误' },
  'say/wrote': { en: 'wrote {path}', zh: '已生成 {path}' },
  'say/wrote-pages': { en: 'wrote {path} ({pages} {pages|page|pages})', zh: '已生成 {path}（{pages} 页）' },
  'say/series-summary': { en: '{count} {count|issue|issues}; {found}', zh: '共 {count} 期；{found}' },
  'say/fixed': { en: 'fixed {change}', zh: '已修正 {change}' },
  'say/fixed-total': { en: 'fixed {count} {count|place|places} in {files} {files|file|files}', zh: '已修正 {count} 处（{files} 个文件）' },
  'say/watching': { en: 'watching {path} for changes (Ctrl-C to stop)', zh: '正在监视 {path} 的改动（按 Ctrl-C 停止）' },
  'say/watch-built': {
    en: '{time} built {path}: {pages} {pages|page|pages}, {warnings} {warnings|warning|warnings} ({ms} ms)',
    zh: '{time} 已生成 {path}：{pages} 页，{warnings} 个警告（{ms} 毫秒）',
  },
  'say/watch-not-built': {
    en: '{time} not built: {errors} {errors|error|errors}, {warnings} {warnings|warning|warnings}; {path} is still the last good one',
    zh: '{time} 未生成：{errors} 个错误，{warnings} 个警告；{path} 仍是上次成功的版本',
  },
  'say/watch-not-built-yet': {
    en: '{time} not built: {errors} {errors|error|errors}, {warnings} {warnings|warning|warnings}; no PDF yet',
    zh: '{time} 未生成：{errors} 个错误，{warnings} 个警告；尚无 PDF',
  },
  'say/volume-wrote': {
    en: 'wrote {path} ({issues} {issues|issue|issues}, {pages} {pages|page|pages})',
    zh: '已写入 {path}（{issues} 期，{pages} 页）',
  },
  'say/preview-port-in-use': { en: 'the port is in use; choose another with --port', zh: '端口已被占用，请用 --port 换一个' },
  'say/preview-failed': { en: 'cannot serve the preview on port {port}: {reason}', zh: '无法在端口 {port} 上启动预览：{reason}' },
  'say/internal-error': { en: 'bulletin: internal error: {reason}', zh: 'bulletin：内部错误：{reason}' },
  'say/preview-at': { en: 'preview at {url} (Ctrl-C to stop)', zh: '预览地址 {url}（按 Ctrl-C 停止）' },
  'preview/html-lang': { en: 'en', zh: 'zh-CN' },
  'preview/download': { en: 'Download PDF', zh: '下载 PDF' },
  'preview/connecting': { en: 'connecting…', zh: '正在连接…' },
  'preview/lost': { en: 'connection lost; retrying…', zh: '连接中断，正在重试…' },
  'preview/stale': { en: 'The input has errors; the pages show the last good layout.', zh: '稿件有错误；下面是上次成功排出的版面。' },
  'preview/version-ok': {
    en: '{time} version {version}: {pages} {pages|page|pages}, {warnings} {warnings|warning|warnings} ({ms} ms)',
    zh: '{time} 第 {version} 版：{pages} 页，{warnings} 个警告（{ms} 毫秒）',
  },
  'preview/version-failed': {
    en: '{time} version {version} not laid out: {errors} {errors|error|errors}, {warnings} {warnings|warning|warnings}',
    zh: '{time} 第 {version} 版未排出：{errors} 个错误，{warnings} 个警告',
  },
  'fonts-report/title': { en: 'Fonts{dir} (template {template})', zh: '字体{dir} (模板 {template})' },
  'fonts-report/role': { en: 'role', zh: '角色' },
  'fonts-report/faces': { en: 'faces (the first draws the role; then fallbacks, in order)', zh: '字体（首个为本角色字体，其后依次为后备）' },
  'fonts-report/face': { en: 'face', zh: '字体' },
  'fonts-report/file': { en: 'file', zh: '文件' },
  'fonts-report/version': { en: 'version', zh: '版本' },
  'fonts-report/licence': { en: 'licence', zh: '许可' },
  'fonts-report/bundled': { en: 'bundled', zh: '随附' },
  'fonts-report/characters': { en: 'characters', zh: '字符集' },
  'fonts-report/own-face': { en: 'own face', zh: '本字体' },
  'fonts-report/with-fallbacks': { en: 'with fallbacks', zh: '含后备' },
  'fonts-report/missing': { en: 'missing', zh: '缺字' },
  'fonts-report/role-missing': { en: '{role} missing', zh: '{role} 缺' },
  'fonts-report/more': { en: '{count} more; --json lists all', zh: '另有 {count} 个；--json 列出全部' },
  'fonts-report/fallback-heading': { en: '{label}, characters drawn by a fallback face, or missing:', zh: '{label}, 改用后备字体或缺少的字:' },
  'fonts-report/index': {
    en: 'installed fonts: {faces} faces in {files} files; read {parsed} (index cache {cache})',
    zh: '已安装字体: {faces} 款，{files} 个文件；本次读取 {parsed} 个（索引缓存 {cache}）',
  },
} satisfies Record<string, Message>;

export type Word = keyof typeof WORDS;

/** The words `word` in `lang`, placeholders filled from `args`. */
export function say(word: Word, lang: Lang, args: MessageArgs = {}): string {
  return fillMessage(WORDS[word], word, args, lang);
}

/** The message `m` (the rule id itself when there is none) with its placeholders filled. */
export function fillMessage(m: Message | undefined, rule: string, args: MessageArgs, lang: Lang): string {
  const template = m ? m[lang] : rule;
  // `{n|one|many}`: the word for the count n (English needs it; Chinese has no plural).
  const counted = template.replace(/\{(\w+)\|([^|{}]*)\|([^|{}]*)\}/g, (_, key: string, one: string, many: string) => (args[key] === 1 ? one : many));
  return counted.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const v = args[key];
    if (v === undefined) return whole;
    return visible(typeof v === 'object' ? v[lang] : String(v));
  });
}

// C0 and C1 controls, and the line and paragraph separators: printed raw they
// would move the cursor or break the `file:line:column` line in two.
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

/** The text with each control or separator character written as `U+2028`. */
export function visible(text: string): string {
  return text.replace(INVISIBLE, (c) => `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
}
