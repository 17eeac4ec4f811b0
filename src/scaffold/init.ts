// `bulletin init`: a new issue folder, either from the previous issue (number
// and running number plus one, a new date, no items) or from scratch (a
// commented issue.yaml and one sample item that builds as it is).

import fs from 'node:fs';
import path from 'node:path';
import { PLACEHOLDER } from '../issue/placeholders.js';
import { LIMITS, readRegularFile } from '../issue/read-file.js';
import { yamlTooDeep } from '../issue/yaml-guard.js';
import { isScalar, parseDocument } from 'yaml';
import { parseIsoDate } from '../issue/issue-yaml.js';

export interface IsoDate {
  year: number;
  month: number;
  day: number;
}

export function isoDate(d: IsoDate): string {
  return `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

/** Today in local time (the editor's calendar), or the day SOURCE_DATE_EPOCH names. */
export function today(fixed?: Date): IsoDate {
  const d = fixed ?? new Date();
  return { year: d.getFullYear(), month: d.getMonth() + 1, day: d.getDate() };
}

export type InitResult = { ok: true; files: string[] } | { ok: false; reason: 'not-empty' | 'no-previous' | 'bad-previous'; detail?: string };

function isEmptyOrMissing(dir: string): boolean {
  return !fs.existsSync(dir) || fs.readdirSync(dir).length === 0;
}

/** The next issue's issue.yaml: the previous one with number and total plus one (or as `numbers` says:
 *  what the series proposes) and the date set. Only those values change: comments, alignment and
 *  everything else stay byte for byte. */
export function nextIssueYaml(previous: string, date: IsoDate, numbers: { number?: number; total?: number } = {}): string | undefined {
  // Nesting the parser's recursion cannot take is refused before it starts.
  if (yamlTooDeep(previous) !== undefined) return undefined;
  const doc = parseDocument(previous);
  if (doc.errors.length) return undefined;
  const edits: Array<{ from: number; to: number; text: string }> = [];
  const renumbered: { number?: [number, number]; total?: [number, number] } = {};
  for (const key of ['number', 'total'] as const) {
    const node = doc.get(key, true);
    if (isScalar(node) && node.range && Number.isInteger(Number(node.value))) {
      const next = numbers[key] ?? Number(node.value) + 1;
      renumbered[key] = [Number(node.value), next];
      edits.push({ from: node.range[0], to: node.range[1], text: String(next) });
    }
  }
  const d = doc.get('date', true);
  let out = previous;
  const oldDate = isScalar(d) && d.range ? parseIsoDate(String(d.value).trim()) : undefined;
  if (isScalar(d) && d.range) edits.push({ from: d.range[0], to: d.range[1], text: isoDate(date) });
  for (const e of edits.sort((a, b) => b.from - a.from)) out = out.slice(0, e.from) + e.text + out.slice(e.to);
  if (!(isScalar(d) && d.range)) out = `${out.replace(/\n?$/, '\n')}date: ${isoDate(date)}\n`;
  return renumberComments(out, renumbered, oldDate, date);
}

/**
 * A comment that names the previous issue (`# 第7期《政务信息》`, `总第312期`, its date) would
 * describe the wrong issue: it is given the new number, running number and date.
 */
function renumberComments(text: string, n: { number?: [number, number]; total?: [number, number] }, from: IsoDate | undefined, to: IsoDate): string {
  const chinese = (d: IsoDate) => `${d.year}年${d.month}月${d.day}日`;
  return text.replace(/(^|[ \t])#[^\n]*/gm, (comment) => {
    let c = comment.replace(/(总?)第(\d+)期/g, (whole, total: string, digits: string) => {
      const pair = total ? n.total : n.number;
      return pair && Number(digits) === pair[0] ? `${total}第${pair[1]}期` : whole;
    });
    if (from) c = c.split(isoDate(from)).join(isoDate(to)).split(chinese(from)).join(chinese(to));
    return c;
  });
}

export function initFromPrevious(dir: string, previousDir: string, date: IsoDate, numbers: { number?: number; total?: number } = {}): InitResult {
  if (!isEmptyOrMissing(dir)) return { ok: false, reason: 'not-empty' };
  const prevYaml = path.join(previousDir, 'issue.yaml');
  // Read as the loader reads it: a fifo or /dev/zero named issue.yaml must not hang init.
  const read = readRegularFile(prevYaml, LIMITS.issueYaml);
  if (!read.ok) return { ok: false, reason: read.why === 'missing' ? 'no-previous' : 'bad-previous', detail: prevYaml };
  const next = nextIssueYaml(read.bytes.toString('utf8').replace(/^\uFEFF/, ''), date, numbers);
  if (next === undefined) return { ok: false, reason: 'bad-previous', detail: prevYaml };
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'issue.yaml');
  fs.writeFileSync(file, next);
  return { ok: true, files: [file] };
}

const FRESH_YAML = (date: string) => `# 本期的基本信息。修改后运行：bulletin build 本文件夹
masthead: 政务信息            # 报头名称（红色大字）
number: 1                    # 期号，印为“第1期”
# total: 1                   # 总期号，印为“（总第1期）”；不需要就删去这一行
date: ${date}               # 日期，印为“2025年1月20日”
publisher: 中共某某区委办公室    # 编印单位，印在报头左下
distribution:                # 报尾，按此顺序印出；多项用列表，印时用“、”连接
  本期送: 区县处级领导
  发: [各镇街道, 区直各单位负责同志]
editor: 某某某                # 责任编辑
copies: 60                   # 印数，印为“（共印60份）”
`;

// Every stand-in word is an error in build and check (item/placeholder) until the editor replaces it.
const SAMPLE_ITEM = `---
title: ${PLACEHOLDER.sampleTitle}
department: ${PLACEHOLDER.sampleDepartment}
---
${PLACEHOLDER.body}

${PLACEHOLDER.sampleHint}
`;

export function initFresh(dir: string, date: IsoDate): InitResult {
  if (!isEmptyOrMissing(dir)) return { ok: false, reason: 'not-empty' };
  fs.mkdirSync(dir, { recursive: true });
  const yaml = path.join(dir, 'issue.yaml');
  const item = path.join(dir, '01-shili.md');
  fs.writeFileSync(yaml, FRESH_YAML(isoDate(date)));
  fs.writeFileSync(item, SAMPLE_ITEM);
  return { ok: true, files: [yaml, item] };
}
