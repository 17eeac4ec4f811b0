// Messages for the OFD checks (rule ids ofd/*, src/ofd-check): what is wrong
// in the package, named by its part, and what a reader would do with it.

import type { Message } from '../diagnostics/messages.js';

export const OFD_CHECK_MESSAGES: Record<string, Message> = {
  'ofd/not-a-zip': { en: 'not an OFD package: it cannot be unzipped ({reason})', zh: '不是 OFD 文件：无法按 zip 解开（{reason}）' },
  'ofd/missing-part': { en: 'the part `{path}` named here is not in the package', zh: '此处引用的部件 `{path}` 不在包中' },
  'ofd/xml-malformed': { en: 'not well-formed XML: {reason}', zh: 'XML 格式不正确：{reason}' },
  'ofd/namespace': { en: 'the XML is not in the OFD namespace {ns}', zh: 'XML 未使用 OFD 命名空间 {ns}' },
  'ofd/wrong-root': { en: 'the root element is `{found}`; expected `{expected}`', zh: '根元素是 `{found}`，应为 `{expected}`' },
  'ofd/bad-entry': { en: 'OFD.xml lacks Version, DocType="OFD", a DocBody or its DocRoot', zh: 'OFD.xml 缺少 Version、DocType="OFD"、DocBody 或 DocRoot' },
  'ofd/no-doc-id': { en: 'the document has no DocID', zh: '文档缺少 DocID' },
  'ofd/no-max-unit-id': { en: 'CommonData has no MaxUnitID', zh: 'CommonData 缺少 MaxUnitID' },
  'ofd/bad-page-box': { en: 'the page box (PhysicalBox) is missing or not four numbers with a positive size', zh: '页面区域（PhysicalBox）缺失，或不是尺寸为正的四个数' },
  'ofd/no-pages': { en: 'the document has no pages', zh: '文档没有页面' },
  'ofd/bad-id': { en: 'ID `{id}` is not a whole number', zh: '标识 `{id}` 不是整数' },
  'ofd/duplicate-id': { en: 'ID {id} is used twice (also in {other}); readers may draw the wrong object', zh: '标识 {id} 重复使用（另见 {other}）；阅读器可能绘制错误的对象' },
  'ofd/id-above-max': { en: 'ID {id} is above MaxUnitID {max}', zh: '标识 {id} 大于 MaxUnitID {max}' },
  'ofd/missing-file': { en: 'resource {id} names `{path}`, which is not in the package', zh: '资源 {id} 引用的文件 `{path}` 不在包中' },
  'ofd/dangling-reference': { en: '{attr}="{id}" refers to no resource of that kind', zh: '{attr}="{id}" 未指向任何此类资源' },
  'ofd/bad-box': { en: 'object {id} has a Boundary that is not four numbers with a size ≥ 0: `{box}`', zh: '对象 {id} 的 Boundary 不是尺寸不小于 0 的四个数：`{box}`' },
  'ofd/box-outside-page': { en: '{count} object(s) reach outside the page', zh: '有 {count} 个对象超出页面' },
  'ofd/bad-size': { en: 'text object {id} has font size `{size}`; it must be a positive number (mm)', zh: '文字对象 {id} 的字号为 `{size}`，应为正数（毫米）' },
  'ofd/bad-delta': { en: 'text object {id}: DeltaX gives {deltas} advances for {chars} characters (at most one fewer than the characters)', zh: '文字对象 {id}：DeltaX 给出 {deltas} 个间距，而字符有 {chars} 个（最多比字符数少一）' },
  'ofd/text-order': { en: 'text objects are not in reading order (at “{text}”); copied or read-aloud text comes out scrambled', zh: '文字对象未按阅读顺序排列（在“{text}”处）；复制或朗读出的文字会错乱' },
  'ofd/font-not-embedded': { en: 'font {font} is not embedded; readers will substitute another', zh: '字体 {font} 未嵌入；阅读器将用其他字体替代' },
  'ofd/font-unreadable': { en: 'the embedded font {font} cannot be read ({reason})', zh: '嵌入的字体 {font} 无法读取（{reason}）' },
  'ofd/glyph-missing': { en: 'the embedded font {font} (ID {id}) has no glyph for “{chars}”, which its text uses', zh: '嵌入的字体 {font}（标识 {id}）缺少文字中用到的“{chars}”' },
};
