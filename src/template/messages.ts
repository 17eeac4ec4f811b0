// Reasons a template value is refused (validate.ts), for `template/invalid`'s `{reason}`.

import type { Message } from '../diagnostics/messages.js';

export const TEMPLATE_REASONS = {
  whole: { en: 'must be a whole number from {min} to {max}', zh: '必须是 {min} 到 {max} 之间的整数' },
  count: { en: 'must be a number from {min} to {max} (in characters)', zh: '必须是 {min} 到 {max} 之间的数（以字计）' },
  between: { en: 'must be a length from {min} to {max} pt', zh: '必须是 {min} 到 {max} pt 之间的长度' },
  above: { en: 'must be a length greater than {min} and at most {max} pt', zh: '必须是大于 {min}、不超过 {max} pt 的长度' },
  noBlock: { en: 'leaves no room for text: the margins take the whole page {side}', zh: '没有留出正文区域：页边距占满了整个页面的{side}' },
} satisfies Record<string, Message>;
