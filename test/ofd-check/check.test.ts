// The OFD checker reads a package back without the writer's help: the
// example's OFD passes, and each kind of damage is caught and named.
import { strToU8, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkOfd, ofdText, type OfdFinding } from '../../src/ofd-check/index.js';
import { formatMessage } from '../../src/report/catalogue.js';
import { editPart, exampleOfd, rezip } from '../helpers/ofd.js';
import type { Compiled } from '../../src/pipeline/build.js';

const PAGE0 = 'Doc_0/Pages/Page_0/Content.xml';
const rules = (f: OfdFinding[]) => f.map((x) => x.ruleId);

describe('checkOfd and ofdText', () => {
  let ofd: Uint8Array;
  let compiled: Compiled;
  beforeAll(async () => {
    ({ ofd, compiled } = await exampleOfd());
  });

  it('finds nothing wrong in the OFD of the example', () => {
    expect(checkOfd(ofd)).toEqual([]);
  });

  it('reads the text back page by page, the runs of each page in display-list order', () => {
    const pages = ofdText(ofd);
    expect(pages).toHaveLength(compiled.pages.length);
    pages.forEach((lines, i) => {
      const runs = compiled.pages[i]!.items.flatMap((it) => (it.kind === 'glyphs' ? [it.text] : []));
      expect(lines.join('')).toBe(runs.join(''));
    });
    expect(pages[0]!.slice(0, 3)).toEqual(['政务信息', '第7期（总第312期）', '中共上街区委办公室2025年1月20日']);
    expect(pages.at(-1)!.at(-1)).toBe('— 4 —');
  });

  it('names a part the package lacks', () => {
    const f = checkOfd(rezip(ofd, (files) => delete files[PAGE0]));
    expect(f).toContainEqual(expect.objectContaining({ ruleId: 'ofd/missing-part', part: 'Doc_0/Document.xml', args: { path: PAGE0 } }));
  });

  it('names a font file the package lacks', () => {
    const f = checkOfd(rezip(ofd, (files) => delete files['Doc_0/Res/font_2.otf']));
    expect(f).toContainEqual(expect.objectContaining({ ruleId: 'ofd/missing-file', args: { path: 'Doc_0/Res/font_2.otf', id: '2' } }));
  });

  it('finds an ID used twice', () => {
    const f = checkOfd(editPart(ofd, PAGE0, /<ofd:TextObject ID="8"/, '<ofd:TextObject ID="7"'));
    expect(f).toContainEqual(expect.objectContaining({ ruleId: 'ofd/duplicate-id', part: PAGE0, args: { id: '7', other: PAGE0 } }));
  });

  it('finds an ID above MaxUnitID', () => {
    const f = checkOfd(editPart(ofd, 'Doc_0/Document.xml', /<ofd:MaxUnitID>\d+</, '<ofd:MaxUnitID>100<'));
    expect(rules(f)).toContain('ofd/id-above-max');
  });

  it('finds a reference to a font that is not there, and to a colour space that is not there', () => {
    const f = checkOfd(editPart(editPart(ofd, PAGE0, 'Font="2"', 'Font="999"'), PAGE0, '<ofd:FillColor Value="0 0 0"/>', '<ofd:FillColor Value="0 0 0" ColorSpace="77"/>'));
    expect(f).toContainEqual(expect.objectContaining({ ruleId: 'ofd/dangling-reference', args: { attr: 'Font', id: '999' } }));
    expect(f).toContainEqual(expect.objectContaining({ ruleId: 'ofd/dangling-reference', args: { attr: 'ColorSpace', id: '77' } }));
  });

  it('gives the line of XML that is not well-formed', () => {
    const f = checkOfd(editPart(ofd, PAGE0, '</ofd:Layer>', '</ofd:Layr>'));
    const bad = f.find((x) => x.ruleId === 'ofd/xml-malformed');
    expect(bad).toMatchObject({ part: PAGE0, line: 2 });
  });

  it('refuses bytes that are not a zip', () => {
    expect(rules(checkOfd(strToU8('%PDF-1.7 not an OFD')))).toEqual(['ofd/not-a-zip']);
  });

  it('finds a font that cannot be read, and one that lacks a character drawn with it', () => {
    const garbage = checkOfd(rezip(ofd, (files) => (files['Doc_0/Res/font_2.otf'] = strToU8('not a font at all'))));
    expect(garbage).toContainEqual(expect.objectContaining({ ruleId: 'ofd/font-unreadable', part: 'Doc_0/Res/font_2.otf' }));
    // The page-number face's subset (— and digits) put in place of the body face's.
    const swapped = checkOfd(rezip(ofd, (files) => (files['Doc_0/Res/font_2.otf'] = files['Doc_0/Res/font_4.otf']!)));
    const missing = swapped.find((x) => x.ruleId === 'ofd/glyph-missing');
    expect(missing?.args).toMatchObject({ font: 'FandolFang-Regular', id: '2' });
    expect(String(missing?.args.chars)).toContain('第');
  });

  it('finds an object outside the page, and text objects out of reading order', () => {
    const outside = checkOfd(editPart(ofd, PAGE0, /Boundary="55\.729 /, 'Boundary="300 '));
    expect(outside).toContainEqual(expect.objectContaining({ ruleId: 'ofd/box-outside-page', args: { count: 1 } }));
    // The masthead's name moved below the issue number.
    const order = checkOfd(editPart(ofd, PAGE0, /(<ofd:TextObject ID="7" Boundary="[\d.]+ )[\d.]+/, '$1100'));
    expect(order).toContainEqual(expect.objectContaining({ ruleId: 'ofd/text-order', severity: 'warning' }));
  });

  it('finds more DeltaX advances than a TextCode has characters', () => {
    const f = checkOfd(editPart(ofd, PAGE0, /DeltaX="g 3 26\.458"/, 'DeltaX="g 9 26.458"'));
    expect(f).toContainEqual(expect.objectContaining({ ruleId: 'ofd/bad-delta', args: { id: '7', chars: 4, deltas: 9 } }));
  });

  it('reads an OFD written another way: default namespace, absolute locations, a font not embedded', () => {
    const ns = 'xmlns="http://www.ofdspec.org/2016"';
    const other = zipSync({
      'OFD.xml': strToU8(`<?xml version="1.0"?><OFD ${ns} Version="1.0" DocType="OFD"><DocBody><DocInfo><DocID>x1</DocID></DocInfo><DocRoot>/Doc_1/Document.xml</DocRoot></DocBody></OFD>`),
      'Doc_1/Document.xml': strToU8(`<Document ${ns}><CommonData><MaxUnitID>4</MaxUnitID><PageArea><PhysicalBox>0 0 210 297</PhysicalBox></PageArea><PublicRes>/Doc_1/Res.xml</PublicRes></CommonData><Pages><Page ID="2" BaseLoc="/Doc_1/P1.xml"/></Pages></Document>`),
      'Doc_1/Res.xml': strToU8(`<Res ${ns} BaseLoc="R"><Fonts><Font ID="1" FontName="SimSun"/></Fonts></Res>`),
      // The clip's path is in the text object's coordinates: its box is not the page's.
      'Doc_1/P1.xml': strToU8(`<Page ${ns}><Content><Layer ID="3"><TextObject ID="4" Boundary="20 20 100 10" Font="1" Size="5"><Clips><Clip><Area><Path Boundary="-5 -5 300 20"><AbbreviatedData>M 0 0 L 1 1</AbbreviatedData></Path></Area></Clip></Clips><TextCode X="0" Y="5" DeltaX="g 2 5">通知书</TextCode></TextObject></Layer></Content></Page>`),
    });
    expect(checkOfd(other)).toEqual([expect.objectContaining({ ruleId: 'ofd/font-not-embedded', severity: 'warning', args: { font: 'SimSun' } })]);
    expect(ofdText(other)).toEqual([['通知书']]);
  });

  it('has a message in both languages for every finding it can give', () => {
    const ids = ['ofd/not-a-zip', 'ofd/missing-part', 'ofd/duplicate-id', 'ofd/glyph-missing', 'ofd/text-order'];
    for (const id of ids) {
      expect(formatMessage(id, {}, 'en')).not.toBe(id);
      expect(formatMessage(id, {}, 'zh')).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
