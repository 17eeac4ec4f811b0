// Images as an editor uses them: `![说明](photos/a.jpg)` on its own line in an
// item, built with the CLI and read back from the PDF with poppler.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bulletin, copyExample, verifyPdf, pdfImages, pdfPageText } from '../helpers/cli.js';
import { landscapeJpeg, png, withOrientation, writeFiles } from '../helpers/images.js';
import { docxParts } from '../helpers/docx.js';

const epoch = { SOURCE_DATE_EPOCH: '1737331200' };
const MM_PER_INCH = 25.4;
const flat = (s: string) => s.replace(/\s+/g, '');

/** The example issue with a photo after the first paragraph of 02 and a tall PNG at the end of 04. */
function issueWithImages(): { dir: string; folder: string } {
  const { dir, folder } = copyExample();
  writeFiles(folder, { 'photos/xianchang.jpg': landscapeJpeg(), 'photos/jiancha.png': png(300, 420) });
  const add = (file: string, edit: (t: string) => string) => fs.writeFileSync(path.join(folder, file), edit(fs.readFileSync(path.join(folder, file), 'utf8')));
  add('02-fagaiwei.md', (t) => t.replace('推动形成更多投资实物量。\n', '推动形成更多投资实物量。\n\n![郑州经贸学院上街校区项目建设现场](photos/xianchang.jpg)\n\n'));
  add('04-yingjiju.md', (t) => `${t.trimEnd()}\n\n![区应急管理局开展安全生产检查，检查组成员在企业车间查看消防设施配备情况](photos/jiancha.png)\n`);
  return { dir, folder };
}

describe('bulletin build with images', () => {
  let out: string;
  let run: ReturnType<typeof bulletin>;
  beforeAll(() => {
    const { dir, folder } = issueWithImages();
    out = path.join(dir, 'issue-07.pdf');
    run = bulletin(['build', folder, '-o', out, '--docx'], { env: epoch });
  });

  it('builds, with each image once, on the page of its caption', () => {
    expect(run.code, run.stderr).toBe(0);
    const images = pdfImages(out);
    expect(images.map((i) => [i.width, i.height])).toEqual([[480, 360], [300, 420]]);
    const captions = ['郑州经贸学院上街校区项目建设现场', '区应急管理局开展安全生产检查，检查组成员在企业车间查看消防设施配备情况'];
    images.forEach((image, i) => expect(flat(pdfPageText(out, image.page))).toContain(captions[i]));
  });

  it('sets the photo at the text width (156 mm) and the tall image at the 120 mm maximum height, proportions kept', () => {
    const [photo, tall] = pdfImages(out) as [ReturnType<typeof pdfImages>[0], ReturnType<typeof pdfImages>[0]];
    // pdfimages gives whole pixels per inch: within a millimetre.
    expect((photo.width / photo.xppi) * MM_PER_INCH).toBeCloseTo(156, -0.3);
    expect(photo.xppi).toBe(photo.yppi);
    expect((tall.height / tall.yppi) * MM_PER_INCH).toBeCloseTo(120, -0.3);
    expect(tall.xppi).toBe(tall.yppi);
  });

  it('passes `bulletin verify` with the 28 × 22 grid on its full text pages', () => {
    const report = verifyPdf(out);
    expect(Object.values(report.violations).flat()).toEqual([]);
    expect(report.figures.charsPerFullLine).toBe(28);
    expect(report.figures.bodyLinesPerFullPage).toBe(22);
  });

  it('gives byte-identical PDF and Word files for the same input under SOURCE_DATE_EPOCH', () => {
    const { dir, folder } = issueWithImages();
    const again = path.join(dir, 'again.pdf');
    expect(bulletin(['build', folder, '-o', again, '--docx'], { env: epoch }).code).toBe(0);
    expect(fs.readFileSync(again).equals(fs.readFileSync(out))).toBe(true);
    expect(fs.readFileSync(again.replace(/pdf$/, 'docx')).equals(fs.readFileSync(out.replace(/pdf$/, 'docx')))).toBe(true);
  });

  it('puts both images and their captions in the Word file', () => {
    const parts = docxParts(out.replace(/pdf$/, 'docx'));
    expect(Object.keys(parts).filter((p) => p.startsWith('word/media/'))).toHaveLength(2);
    expect(parts['word/document.xml']).toContain('郑州经贸学院上街校区项目建设现场');
  });
});

describe('a figure at a page break', () => {
  it('goes to the next page whole: the image never leaves its caption behind', () => {
    const { dir, folder } = copyExample();
    writeFiles(folder, { 'photos/a.jpg': landscapeJpeg() });
    // In the lead item, after its second paragraph: page 1 has room for a few lines only.
    const lead = path.join(folder, '01-zhongxinlu.md');
    const text = fs.readFileSync(lead, 'utf8');
    fs.writeFileSync(lead, `${text.trimEnd()}\n\n![中心路街道人大代表联络站](photos/a.jpg)\n\n去年以来，推进各类民生实事100余项。\n`);
    const out = path.join(dir, 'out.pdf');
    const r = bulletin(['build', folder, '-o', out], { env: epoch });
    expect(r.code, r.stderr).toBe(0);
    const [image] = pdfImages(out);
    expect(image!.page).toBe(2);
    expect(flat(pdfPageText(out, 1))).not.toContain('中心路街道人大代表联络站');
    expect(flat(pdfPageText(out, 2))).toContain('中心路街道人大代表联络站');
    // Page 1 keeps the text before the figure.
    expect(flat(pdfPageText(out, 1))).toContain('推进各类民生实事100余项（件）');
    expect(Object.values(verifyPdf(out).violations).flat()).toEqual([]);
  });

  it('an image from a phone, turned by its EXIF orientation, is set upright in its turned size', () => {
    const { dir, folder } = copyExample();
    writeFiles(folder, { 'photos/phone.jpg': withOrientation(landscapeJpeg(), 6) });
    fs.appendFileSync(path.join(folder, '02-fagaiwei.md'), '\n![手机照片](photos/phone.jpg)\n');
    const out = path.join(dir, 'out.pdf');
    expect(bulletin(['build', folder, '-o', out], { env: epoch }).code).toBe(0);
    const [image] = pdfImages(out);
    // Stored 480 × 360, shown 360 wide × 480 tall: limited by the 120 mm height, so 90 mm wide.
    // (pdfimages gives the resolution along the stored axes: 480 pixels over 120 mm, 360 over 90 mm.)
    expect([image!.width, image!.height]).toEqual([480, 360]);
    expect((480 / image!.xppi) * MM_PER_INCH).toBeCloseTo(120, -0.3);
    expect((360 / image!.yppi) * MM_PER_INCH).toBeCloseTo(90, -0.3);
  });
});

describe('image errors', () => {
  it('a missing image is an error at its line and column; nothing is written', () => {
    const { dir, folder } = copyExample();
    const item = path.join(folder, '02-fagaiwei.md');
    fs.writeFileSync(item, fs.readFileSync(item, 'utf8').replace('推动形成更多投资实物量。\n', '推动形成更多投资实物量。\n\n![建设现场](photos/none.jpg)\n'));
    const line = fs.readFileSync(item, 'utf8').split('\n').indexOf('![建设现场](photos/none.jpg)') + 1;
    const r = bulletin(['build', 'issue-07'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`issue-07/02-fagaiwei.md:${line}:1: error: there is no image \`photos/none.jpg\` (looked for \`issue-07/photos/none.jpg\`)`);
    expect(r.stderr).toContain('[image/not-found]');
    expect(fs.readdirSync(dir)).toEqual(['issue-07']);
    const [d] = JSON.parse(bulletin(['check', 'issue-07', '--json', '--lang', 'zh'], { cwd: dir }).stdout) as Array<{ rule: string; line: number; column: number; message: string }>;
    expect(d).toMatchObject({ rule: 'image/not-found', line, column: 1 });
    expect(d!.message).toContain('找不到图片');
  });

  it('a GIF and a damaged JPEG are errors at their lines, each saying what to do', () => {
    const { dir, folder } = copyExample();
    const gif = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');
    writeFiles(folder, { 'a.gif': gif, 'b.jpg': landscapeJpeg().subarray(0, 2000) });
    fs.appendFileSync(path.join(folder, '03-kejiju.md'), '\n![动图](a.gif)\n\n![坏图](b.jpg)\n');
    const r = bulletin(['check', 'issue-07'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/03-kejiju\.md:\d+:1: error: `a\.gif` is a GIF image; only JPEG \(\.jpg\) and PNG \(\.png\) can be printed/);
    expect(r.stderr).toMatch(/03-kejiju\.md:\d+:1: error: `b\.jpg` cannot be read as an image: it is damaged, cut short, or not an image at all/);
  });

  it('an image inside a paragraph of text is an error at the image', () => {
    const { dir, folder } = copyExample();
    writeFiles(folder, { 'a.png': png(4, 3) });
    fs.appendFileSync(path.join(folder, '03-kejiju.md'), '\n图为现场![现场](a.png)。\n');
    const r = bulletin(['build', 'issue-07'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/03-kejiju\.md:\d+:5: error: the image `a\.png` is in a line of text.*\[image\/inline\]/);
  });
});
