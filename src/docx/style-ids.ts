// Style ids (ASCII, stable) of the named styles an editor sees in Word.
export const STYLE = {
  body: 'BulletinBody',
  brief: 'BulletinBrief',
  title: 'BulletinTitle',
  blockTitle: 'BulletinItemTitle',
  figure: 'BulletinFigure',
  caption: 'BulletinCaption',
  masthead: 'BulletinMasthead',
  issueNumber: 'BulletinIssueNumber',
  issueLine: 'BulletinIssueLine',
  footer: 'BulletinFooter',
  pageNumber: 'BulletinPageNumber',
  runInTitle: 'BulletinRunInTitle',
  strong: 'BulletinStrong',
  emphasis: 'BulletinEmphasis',
  note: 'BulletinNote',
  noteLabel: 'BulletinNoteLabel',
} as const;

/** The names Word shows (and the README lists). */
export const STYLE_NAMES: Record<keyof typeof STYLE, string> = {
  body: '正文',
  brief: '简讯',
  title: '标题',
  blockTitle: '小标题',
  figure: '图片',
  caption: '图注',
  masthead: '报头',
  issueNumber: '期号',
  issueLine: '报头日期',
  footer: '报尾',
  pageNumber: '页码',
  runInTitle: '条目标题',
  strong: '加粗',
  emphasis: '强调',
  note: '编者按',
  noteLabel: '编者按标签',
};
