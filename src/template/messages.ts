// Reasons a template value is refused, for `template/invalid`'s `{reason}`.

import type { Message } from '../diagnostics/messages.js';

export const TEMPLATE_REASONS = {
  whole: { en: 'must be a whole number from {min} to {max}', zh: '必须是 {min} 到 {max} 之间的整数' },
  count: { en: 'must be a number from {min} to {max} (in characters)', zh: '必须是 {min} 到 {max} 之间的数（以字计）' },
  between: { en: 'must be a length from {min} to {max} pt', zh: '必须是 {min} 到 {max} pt 之间的长度' },
  above: { en: 'must be a length greater than {min} and at most {max} pt', zh: '必须是大于 {min}、不超过 {max} pt 的长度' },
  fraction: { en: 'must be a fraction from {min} to {max}', zh: '必须是 {min} 到 {max} 之间的比例' },
  marker: { en: 'must be one visible character, optionally followed by spaces, e.g. "◆ "', zh: '必须是一个可见字符，后面可跟空格，例如 "◆ "' },
  noBlock: { en: 'leaves no room for text: the margins take the whole page {side}', zh: '没有留出正文区域：页边距占满了整个页面的{side}' },
  missing: {
    en: 'is missing: write it here, or extend a template that has it (`extends: default` gives every key its house value)',
    zh: '缺失：请在此写明，或继承含有此键的模板（`extends: default` 为每个键提供本单位格式的默认值）',
  },
} satisfies Record<string, Message>;

/**
 * The reasons load.ts and source.ts give in English, in Chinese. A reason not
 * listed here is shown in English in both languages.
 */
const REASONS_ZH: Array<[RegExp, string]> = [
  [/^must be a number$/, '必须是数'],
  [/^must be a length such as (.+)$/, '必须是长度，如 $1'],
  [/^must be text$/, '必须是文字'],
  [/^must be true or false$/, '必须是 true 或 false'],
  [/^must be a length greater than 0$/, '必须是大于 0 的长度'],
  [/^must be one of (.+)$/, '必须是以下之一：$1'],
  [/^must be (\{ cmyk.+)$/, '必须写成 $1'],
  [/^must be a font \(file or name\) or a list of them$/, '必须是字体（文件或名称）或字体列表'],
  [/^is not offered: .+$/, '不提供：中文字体不用斜体；需要强调时请给该角色指定楷体'],
  [/^is not a font setting \(use `face` and `bold`\)$/, '不是字体设置（请用 `face` 和 `bold`）'],
  [/^is not a role; roles are (.+)$/, '不是角色；角色有 $1'],
  [/^must map roles to font names, e\.g\. (.+)$/, '必须把角色对应到字体名，如 $1'],
  [/^does not define the colour (.+)$/, '没有定义颜色 $1'],
  [/^makes a loop: (.+)$/, '形成了循环：$1'],
  [/^must name a template$/, '必须写明一个模板'],
  [/^a template is a map of keys$/, '模板必须由“键: 值”组成'],
];

/** `reason` (English) in both languages; `key` (e.g. `grid.chars` in backquotes) goes before it. */
export function templateReason(key: string, reason: string): { en: string; zh: string } {
  const en = key ? `${key} ${reason}` : reason;
  for (const [re, zh] of REASONS_ZH) if (re.test(reason)) return { en, zh: `${key ? `${key} ` : ''}${reason.replace(re, zh)}` };
  return { en, zh: en };
}
