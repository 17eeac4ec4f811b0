// Messages for the series check (rule ids series/*): one issue folder read against the others.

import type { Message } from '../diagnostics/messages.js';

export const SERIES_MESSAGES: Record<string, Message> = {
  'series/no-issues': {
    en: 'the folder `{path}` holds no issue folders (folders with an issue.yaml); give the folder that holds a year\'s issues',
    zh: '文件夹 `{path}` 中没有期刊文件夹（含 issue.yaml 的文件夹）；请给出存放各期的上级文件夹',
  },
  'series/number-repeat': {
    en: '{kind}No. {number} of {year} is used twice: `{other}` has it too; this issue is probably No. {expected}',
    zh: '{year}年{kind}第{number}期重复：`{other}` 也是这一期号；本期应为第{expected}期？',
  },
  'series/number-gap': {
    en: '{kind}No. {number} of {year} follows No. {previous} (`{other}`): No. {missing} is missing',
    zh: '{year}年{kind}第{number}期紧接第{previous}期（`{other}`）：缺少第{missing}期',
  },
  'series/total-repeat': {
    en: 'total number {total} (总第{total}期) is used twice: `{other}` has it too; this issue should probably be 总第{expected}期',
    zh: '总第{total}期重复：`{other}` 也是这一总期号；本期应为总第{expected}期？',
  },
  'series/total-gap': {
    en: 'total number {total} (总第{total}期) follows 总第{previous}期 (`{other}`): 总第{missing}期 is missing',
    zh: '总第{total}期紧接总第{previous}期（`{other}`）：缺少总第{missing}期',
  },
  'series/date-backwards': {
    en: 'this issue is dated {date}, earlier than the issue before it in the numbering (`{other}`, {previous})',
    zh: '本期日期 {date} 早于期号在前的一期（`{other}`，{previous}）',
  },
  'series/supplement-total': {
    en: 'a supplement (增刊) is numbered on its own and takes no total number (总第); remove `total`, or `supplement: true` if this is a regular issue',
    zh: '增刊单独编号，不占总期号；请删去 `total`，如本期是正刊则删去 `supplement: true`',
  },
  'series/distribution-changed': {
    en: 'the distribution list differs from the previous issue (`{other}`): removed {removed}; added {added}; if this is meant, say so with `note:` or list this issue\'s extra recipients under `extraDistribution:`',
    zh: '报送范围与上一期（`{other}`）不同：减少 {removed}；增加 {added}；如属有意，请写 `note:`（编者按）或把本期增发单位写在 `extraDistribution:` 下',
  },
  'series/named-total': {
    en: 'an issue of the series `{series}` is numbered within that series and takes no total number (总第); remove `total`, or `series:` if this is a regular issue',
    zh: '“{series}”单独编号，不占总期号；请删去 `total`，如本期是正刊则删去 `series:`',
  },
};
