// Messages of the PDF/A preflight (rule ids pdfa/*): what is wrong with the file, by the
// clause of ISO 19005-2 (PDF/A-2) or ISO 32000-1 (tagged PDF) it breaks; and, under
// pdfa/checked/*, what each check looks at, for a report of what was checked.

import type { Message } from '../diagnostics/messages.js';

export const PDFA_MESSAGES: Record<string, Message> = {
  'pdfa/not-pdf': { en: 'not a PDF file (it does not start with %PDF-)', zh: '不是 PDF 文件（开头不是 %PDF-）' },
  'pdfa/no-catalog': { en: 'the PDF has no document catalog that can be read', zh: 'PDF 中没有可读取的文档目录（Catalog）' },
  'pdfa/header': {
    en: 'the file header is not `%PDF-1.n` followed by a comment of four bytes above 127 (PDF/A-2 6.1.2)',
    zh: '文件头不是 `%PDF-1.n` 加一行含四个大于 127 字节的注释（PDF/A-2 6.1.2）',
  },
  'pdfa/no-id': { en: 'the trailer has no file identifier (ID) (PDF/A-2 6.1.3)', zh: '文件尾（trailer）没有文件标识 ID（PDF/A-2 6.1.3）' },
  'pdfa/encrypted': { en: 'the file is encrypted, which PDF/A forbids (PDF/A-2 6.1.3)', zh: '文件已加密，PDF/A 不允许加密（PDF/A-2 6.1.3）' },
  'pdfa/no-metadata': {
    en: 'no XMP metadata stream: this is not a PDF/A file (PDF/A-2 6.6); build with --pdfa for the archival edition',
    zh: '没有 XMP 元数据流：这不是 PDF/A 文件（PDF/A-2 6.6）；归档版请用 --pdfa 生成',
  },
  'pdfa/metadata-filtered': { en: 'the XMP metadata stream is compressed (it must not have a Filter)', zh: 'XMP 元数据流被压缩了（不得带 Filter）' },
  'pdfa/not-pdfa': {
    en: 'the XMP metadata does not identify the file as PDF/A (no pdfaid:part); build with --pdfa for the archival edition',
    zh: 'XMP 元数据未声明 PDF/A（没有 pdfaid:part）；归档版请用 --pdfa 生成',
  },
  'pdfa/not-part-2': { en: 'the file claims PDF/A-{part}, not PDF/A-2', zh: '文件声明的是 PDF/A-{part}，不是 PDF/A-2' },
  'pdfa/conformance': {
    en: 'pdfaid:conformance is `{conformance}`, not A, B or U',
    zh: 'pdfaid:conformance 为 `{conformance}`，不是 A、B 或 U',
  },
  'pdfa/info-disagrees': {
    en: 'the document information entry {key} (`{info}`) differs from its XMP counterpart (`{xmp}`) (PDF/A-2 6.6)',
    zh: '文档信息字典的 {key}（`{info}`）与 XMP 中对应的值（`{xmp}`）不一致（PDF/A-2 6.6）',
  },
  'pdfa/no-output-intent': {
    en: 'no PDF/A output intent with an ICC profile (PDF/A-2 6.2.3)',
    zh: '没有带 ICC 特性文件的 PDF/A 输出意图（OutputIntent）（PDF/A-2 6.2.3）',
  },
  'pdfa/device-colour': {
    en: 'the pages paint in {space}, but the output intent\'s profile has {channels} channels (PDF/A-2 6.2.4.3)',
    zh: '页面使用 {space} 颜色，而输出意图的特性文件是 {channels} 通道（PDF/A-2 6.2.4.3）',
  },
  'pdfa/font-not-embedded': {
    en: 'font {font} is not embedded (PDF/A-2 6.2.11.4)',
    zh: '字体 {font} 未嵌入（PDF/A-2 6.2.11.4）',
  },
  'pdfa/cid-to-gid': {
    en: 'TrueType CID font {font} has no CIDToGIDMap (PDF/A-2 6.2.11.3.2)',
    zh: 'TrueType CID 字体 {font} 没有 CIDToGIDMap（PDF/A-2 6.2.11.3.2）',
  },
  'pdfa/no-to-unicode': {
    en: 'font {font} has no ToUnicode map: its text cannot be copied or read aloud (PDF/A-2 6.2.11.7.2)',
    zh: '字体 {font} 没有 ToUnicode 映射，其文字无法复制或朗读（PDF/A-2 6.2.11.7.2）',
  },
  'pdfa/forbidden': { en: 'the file uses {what}, which PDF/A forbids', zh: '文件使用了 PDF/A 禁止的 {what}' },
  'pdfa/not-marked': {
    en: 'the catalog does not say the file is tagged (MarkInfo /Marked true), as PDF/A-2a asks (ISO 32000-1 14.7.1, 14.8)',
    zh: '文档目录未声明为标签化 PDF（MarkInfo /Marked true），PDF/A-2a 要求如此（ISO 32000-1 14.7.1、14.8）',
  },
  'pdfa/no-structure': { en: 'no structure tree (StructTreeRoot), which PDF/A-2a asks for (ISO 32000-1 14.7.2)', zh: '没有结构树（StructTreeRoot），PDF/A-2a 要求有（ISO 32000-1 14.7.2）' },
  'pdfa/no-language': { en: 'the catalog names no language (Lang) (ISO 32000-1 14.9.2)', zh: '文档目录没有声明语言（Lang）（ISO 32000-1 14.9.2）' },
  'pdfa/content-unmarked': {
    en: 'page {page}: {count} painting operation(s) are neither structure content nor an artifact (ISO 32000-1 14.8.2.2)',
    zh: '第 {page} 页：有 {count} 处绘制既不属于结构内容也未标为装饰性内容（Artifact）（ISO 32000-1 14.8.2.2）',
  },
  'pdfa/marks-unbalanced': {
    en: 'page {page}: its marked-content sequences (BMC/BDC … EMC) do not pair up (ISO 32000-1 14.6)',
    zh: '第 {page} 页：标记内容序列（BMC/BDC … EMC）未成对（ISO 32000-1 14.6）',
  },
  'pdfa/cmyk-image': {
    en: '`{path}` is a CMYK JPEG, which the sRGB archival edition (--pdfa) cannot hold; save it as an RGB JPEG',
    zh: '`{path}` 是 CMYK 模式的 JPEG，sRGB 归档版（--pdfa）不能收录；请另存为 RGB 模式的 JPEG',
  },
  // What each check looks at.
  'pdfa/checked/header': { en: 'file header with a binary comment', zh: '文件头及二进制注释行' },
  'pdfa/checked/trailer': { en: 'file identifier, no encryption', zh: '文件标识，未加密' },
  'pdfa/checked/metadata': { en: 'XMP metadata stream, uncompressed', zh: 'XMP 元数据流（未压缩）' },
  'pdfa/checked/identification': { en: 'PDF/A identification: pdfaid part 2, conformance A, B or U', zh: 'PDF/A 标识：pdfaid part 为 2，conformance 为 A、B 或 U' },
  'pdfa/checked/info-agrees': { en: 'document information agrees with the XMP', zh: '文档信息字典与 XMP 一致' },
  'pdfa/checked/output-intent': { en: 'PDF/A output intent with an ICC profile', zh: '带 ICC 特性文件的 PDF/A 输出意图' },
  'pdfa/checked/device-colour': { en: 'device colours match the output intent', zh: '设备颜色与输出意图相符' },
  'pdfa/checked/fonts-embedded': { en: 'every font embedded', zh: '全部字体已嵌入' },
  'pdfa/checked/to-unicode': { en: 'every font has a ToUnicode map', zh: '全部字体带 ToUnicode 映射' },
  'pdfa/checked/cid-to-gid': { en: 'TrueType CID fonts have a CIDToGIDMap', zh: 'TrueType CID 字体带 CIDToGIDMap' },
  'pdfa/checked/forbidden': { en: 'no LZW, JavaScript or launch actions', zh: '无 LZW 压缩、JavaScript 或启动动作' },
  'pdfa/checked/marks-balanced': { en: 'marked-content sequences pair up on each page', zh: '每页标记内容序列成对' },
  'pdfa/checked/marked': { en: 'marked as tagged (level A)', zh: '声明为标签化 PDF（A 级）' },
  'pdfa/checked/structure': { en: 'a structure tree (level A)', zh: '有结构树（A 级）' },
  'pdfa/checked/language': { en: 'the document language (level A)', zh: '文档语言（A 级）' },
  'pdfa/checked/content-marked': { en: 'all page content is structure content or an artifact (level A)', zh: '页面内容均属结构内容或装饰性内容（A 级）' },
};
