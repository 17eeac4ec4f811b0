// Chinese composition settings that the docx library does not write, added
// to the package XML (the library's documented output, edited as text):
//
// - w:kinsoku: the line-start and line-end rules (行首/行尾禁则).
// - w:overflowPunct: no mark hanging past the text block in LibreOffice.
//   LibreOffice 7.4 reads this element the other way round (on → no hanging
//   punctuation; its writerfilter maps it inverted), and the PDF never hangs
//   a mark, so it is written on. In Word "on" is Word's own default: a
//   closing mark may hang where the PDF sets it half width (see README).
//   Off (Word's no-hanging) was tried with the PDF's half-width marks
//   written as runs with a negative w:spacing: LibreOffice gives every
//   character a whole cell of the character grid and ignores the spacing
//   there, so it still hangs those marks a cell into the margin.
// - w:autoSpaceDE / w:autoSpaceDN off: no extra space between Chinese and
//   Latin letters or digits, as in the PDF (第7期, 13.46亿元).
// - w:characterSpacingControl compressPunctuation: Word's 压缩标点, the PDF's
//   punctuation compression.

/** The docDefaults' paragraph properties, before w:spacing as the schema orders them. */
const PARAGRAPH = '<w:kinsoku/><w:overflowPunct/><w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/>';

export function typographyStylesPatch(stylesXml: string): string {
  return stylesXml.replace(/(<w:pPrDefault><w:pPr>)(<w:spacing\b)/, `$1${PARAGRAPH}$2`);
}

/** w:characterSpacingControl comes before w:compat in w:settings (CT_Settings order). */
export function typographySettingsPatch(settingsXml: string): string {
  return settingsXml.replace('<w:compat>', '<w:characterSpacingControl w:val="compressPunctuation"/><w:compat>');
}
