// Messages for the house-style checks (rule ids lint/*). Each says what a
// proof-reader would mark and what to write instead, and whether
// `check --fix` can do it (only in the body: front matter is never rewritten).

import type { Message } from '../diagnostics/messages.js';

export const LINT_MESSAGES: Record<string, Message> = {
  'lint/halfwidth-punctuation': {
    en: 'half-width `{mark}` in Chinese text; write `{fixed}` (in the body, `bulletin check --fix` does this)',
    zh: '中文中用了半角“{mark}”，应为全角“{fixed}”（正文中的可用 `bulletin check --fix` 自动改正）',
  },
  'lint/ascii-quotes': {
    en: 'ASCII quotation marks "…" in Chinese text; write “…” (in the body, `bulletin check --fix` does this when they pair up)',
    zh: '中文中用了英文引号 "…"，应为中文引号“…”（正文中成对的引号可用 `bulletin check --fix` 自动改正）',
  },
  'lint/doubled-punctuation': {
    en: 'the mark is doubled: `{marks}`; keep one',
    zh: '标点重复：“{marks}”，请只保留一个',
  },
  'lint/fullwidth-alphanumeric': {
    en: 'full-width digits or letters `{written}`; write `{fixed}` (in the body, `bulletin check --fix` does this)',
    zh: '数字或字母用了全角“{written}”，应为半角“{fixed}”（正文中的可用 `bulletin check --fix` 自动改正）',
  },
  'lint/space-between-chinese': {
    en: 'a space between Chinese characters prints as a gap; delete it',
    zh: '汉字之间有空格，印出来会留空；请删除',
  },
  'lint/unbalanced-pair': {
    en: '`{mark}` has no matching `{other}` in this paragraph; add the missing mark or delete this one',
    zh: '本段中“{mark}”没有与之配对的“{other}”；请补上缺少的标点或删去这一个',
  },
  'lint/enumeration': {
    en: '`{found}` here, but `{expected}` comes next in this item; the points of an item count 一是, 二是, 三是 … without gaps or repeats',
    zh: '此处是“{found}”，但本篇按顺序应是“{expected}”；一篇稿件中的“一是、二是、三是……”应依次排列，不跳号、不重复',
  },
  'lint/title-end-punctuation': {
    en: 'the title ends with `{mark}`; a title takes no mark at its end, delete it',
    zh: '标题末尾有“{mark}”；标题末尾不加标点，请删去',
  },
  'lint/more-like-this': {
    en: 'and {count} more like this in this file ({rule}; only the first 20 are shown, `bulletin check --fix` fixes all it can)',
    zh: '本文件中还有 {count} 处同类问题（{rule}；只列出前 20 处，`bulletin check --fix` 会改正所有能自动改正的）',
  },
  'lint/title-too-long': {
    en: 'this title would take about {lines} lines ({perLine} characters a line); shorten it by about {over} characters to fit in two',
    zh: '此标题约占 {lines} 行（每行约 {perLine} 字）；请删减约 {over} 个字，使其不超过两行',
  },
};
