// The stand-in words `bulletin init` and `bulletin new` write into a new file.
// Left in, they would be printed; the load stage reports each where it stands.
// The scaffold writes these very strings, so the two cannot drift apart.

import type { Diagnostics, Localized } from '../diagnostics/diagnostic.js';
import type { SourceText } from './source.js';

export const PLACEHOLDER = {
  title: '（请填写标题）',
  body: '一是……。二是……。三是……。',
  briefBody: '近日，……。',
  sampleTitle: '我区召开某某工作推进会',
  sampleDepartment: '区某某局',
  sampleHint: '每个单位的稿件存为一个 .md 文件；文件名前的序号决定顺序。空一行是新段落。',
} as const;

/** What each placeholder stands for: said in the message. */
const STANDS_FOR: Record<keyof typeof PLACEHOLDER, Localized> = {
  title: { en: 'the item\'s title', zh: '稿件标题' },
  body: { en: 'the item\'s text', zh: '稿件正文' },
  briefBody: { en: 'the brief\'s text', zh: '简讯正文' },
  sampleTitle: { en: 'the item\'s title', zh: '稿件标题' },
  sampleDepartment: { en: 'the department\'s name', zh: '部门名称' },
  sampleHint: { en: 'the item\'s text (this line only explains the folder)', zh: '稿件正文（这一行只是说明文件夹的用法）' },
};

/** Reports every placeholder left in an item file, at its own line and column. */
export function reportPlaceholders(src: SourceText, diags: Diagnostics): void {
  for (const [key, text] of Object.entries(PLACEHOLDER) as Array<[keyof typeof PLACEHOLDER, string]>) {
    for (let i = src.text.indexOf(text); i >= 0; i = src.text.indexOf(text, i + text.length)) {
      diags.error(src.file, src.position(i), 'item/placeholder', { text, what: STANDS_FOR[key] }, src.position(i + text.length));
    }
  }
}
