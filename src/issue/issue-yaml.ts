// issue.yaml: the masthead, number, date, publisher and 报尾 of one issue.

import type { Diagnostics } from '../diagnostics/diagnostic.js';
import { LINT_NAMES, LINT_RULES, isLintName } from '../lint/rules.js';
import { ROLES } from '../template/model.js';
import type { DistributionLine, Issue, IssueDate, Placed, SignOff } from './model.js';
import { positionOf, type SourceText } from './source.js';
import { nearest } from '../text/suggest.js';
import { isOneVisibleCharacter } from '../text/visible.js';
import { isScalar } from 'yaml';
import { mapEntries, parseYamlMap, readInteger, readText, readTextList, writtenForm, YamlText, type YamlEntry } from './yaml-nodes.js';

/** Everything in Issue that comes from issue.yaml. */
export type IssueHeader = Omit<Issue, 'dir' | 'items' | 'sources'>;

export const ISSUE_KEYS = [
  'masthead',
  'number',
  'total',
  'date',
  'publisher',
  'distribution',
  'editor',
  'copies',
  'template',
  'fonts',
  'lint',
  'wordFonts',
  'supplement',
  'note',
  'extraDistribution',
  'classification',
  'copyNumber',
  'series',
  'signOff',
  'briefMarker',
] as const;
type IssueKey = (typeof ISSUE_KEYS)[number];

/** How each key is written, shown in messages when a value has the wrong form. */
const EXAMPLES: Record<IssueKey, string> = {
  masthead: 'masthead: 政务信息',
  number: 'number: 7',
  total: 'total: 312',
  date: 'date: 2025-01-20',
  publisher: 'publisher: 中共上街区委办公室',
  distribution: 'distribution: {本期送: 区县处级领导, 发: [峡窝镇, 各街道办事处]}',
  editor: 'editor: 柴亚文',
  copies: 'copies: 60',
  template: 'template: default',
  fonts: 'fonts: {body: /path/to/simfang.ttf}',
  lint: 'lint: {halfwidth-punctuation: false}',
  wordFonts: 'wordFonts: {body: 仿宋_GB2312}',
  supplement: 'supplement: true',
  note: 'note: 本期增发至各镇街道',
  extraDistribution: 'extraDistribution: [区人大办公室, 区政协办公室]',
  classification: 'classification: 内部资料　注意保存',
  copyNumber: 'copyNumber: "000123"',
  series: 'series: 防汛专刊',
  signOff: 'signOff: {签发: 张三, 审核: 李四, 校对: 王五}',
  briefMarker: 'briefMarker: ◆',
};

/** Reads issue.yaml; reports every problem; returns the header only if there were no errors. */
export function readIssueYaml(src: SourceText, diags: Diagnostics): IssueHeader | undefined {
  const file = src.file;
  const y = new YamlText(src, 0, src.text);
  const entries = parseYamlMap(y, 'issue', diags);
  if (!entries) return undefined;
  const errorsBefore = errorCount(diags);

  const byKey = new Map<IssueKey, YamlEntry>();
  for (const entry of entries) {
    if (isIssueKey(entry.key)) byKey.set(entry.key, entry);
    else diags.warning(file, positionOf(entry.keyAt), 'issue/unknown-key', { key: entry.key, suggestion: nearest(entry.key, ISSUE_KEYS) }, positionOf(entry.keyEnd));
  }
  const start = y.place(0);

  const text = (key: IssueKey, required: boolean): Placed<string> | undefined => {
    const entry = byKey.get(key);
    if (!entry) {
      if (required) diags.error(file, positionOf(start), 'issue/required', { key, example: EXAMPLES[key] });
      return undefined;
    }
    const t = readText(entry.value, entry.valueAt, y);
    if (t.kind === 'text') return { value: t.value, at: t.at, end: t.end };
    if (t.kind === 'wrong') diags.error(file, positionOf(t.at), 'issue/type', { key, example: EXAMPLES[key] }, positionOf(t.end));
    else if (required) diags.error(file, positionOf(t.at), 'issue/required', { key, example: EXAMPLES[key] }, positionOf(t.end));
    return undefined;
  };

  const positiveInteger = (key: IssueKey, required: boolean): number | undefined => {
    const entry = byKey.get(key);
    if (!entry) {
      if (required) diags.error(file, positionOf(start), 'issue/required', { key, example: EXAMPLES[key] });
      return undefined;
    }
    const n = readInteger(entry.value);
    if (n !== undefined && n > 0) return n;
    diags.error(
      file,
      positionOf(entry.valueAt),
      'issue/not-positive-integer',
      { key, value: writtenForm(entry.value, y), example: EXAMPLES[key] },
      positionOf(entry.valueEnd),
    );
    return undefined;
  };

  /** true or false; anything else is a type error at the value. */
  const flag = (key: IssueKey): boolean => {
    const entry = byKey.get(key);
    if (!entry) return false;
    const v = isScalar(entry.value) ? entry.value.value : undefined;
    if (typeof v === 'boolean') return v;
    diags.error(file, positionOf(entry.valueAt), 'issue/type', { key, example: EXAMPLES[key] }, positionOf(entry.valueEnd));
    return false;
  };

  const masthead = text('masthead', true);
  const number = positiveInteger('number', true);
  const total = positiveInteger('total', false);
  const date = readDate(byKey.get('date'), y, diags);
  const publisher = text('publisher', true);
  const distribution = readDistribution(byKey.get('distribution'), y, diags);
  const editor = text('editor', false);
  const copies = positiveInteger('copies', false);
  const template = text('template', false);
  const fonts = readFonts(byKey.get('fonts'), y, diags);
  const lintOff = readLint(byKey.get('lint'), y, diags);
  const wordFonts = readFonts(byKey.get('wordFonts'), y, diags);
  const supplement = flag('supplement');
  // Issue 22: a distribution change is expected when either is written; printed nowhere yet.
  const note = text('note', false);
  const extraDistribution = byKey.has('extraDistribution') ? readDistribution(byKey.get('extraDistribution'), y, diags, 'extraDistribution') : undefined;
  const form = readFormKeys(byKey, y, diags, text, supplement);
  for (const [role, placed] of Object.entries(wordFonts)) {
    if (!(ROLES as readonly string[]).includes(role)) diags.warning(file, placed.at, 'issue/unknown-key', { key: `wordFonts: ${role}`, suggestion: nearest(role, ROLES) });
  }

  if (errorCount(diags) > errorsBefore || !masthead || number === undefined || !date || !publisher) return undefined;
  return {
    issueFile: file,
    masthead,
    number,
    ...(total !== undefined ? { total } : {}),
    date,
    publisher,
    distribution,
    ...(editor ? { editor } : {}),
    ...(copies !== undefined ? { copies } : {}),
    ...(template ? { template } : {}),
    fonts,
    ...(lintOff.length > 0 ? { lintOff } : {}),
    wordFonts,
    ...(supplement ? { supplement } : {}),
    ...(note ? { note } : {}),
    ...(extraDistribution ? { extraDistribution } : {}),
    ...form,
  };
}

type FormKeys = Pick<IssueHeader, 'classification' | 'copyNumber' | 'series' | 'signOff' | 'briefMarker'>;

/** The parts of the 简报 form issue 20 adds: 密级, 份号, 专刊, 签发 line, brief marker. */
function readFormKeys(
  byKey: Map<IssueKey, YamlEntry>, y: YamlText, diags: Diagnostics,
  text: (key: IssueKey, required: boolean) => Placed<string> | undefined, supplement: boolean,
): FormKeys {
  const file = y.src.file;
  const out: FormKeys = {};
  /** Text on one line: a marking or a series name broken over two lines would print as one. */
  const oneLine = (key: IssueKey): Placed<string> | undefined => {
    const t = text(key, false);
    if (t && /[\r\n]/.test(t.value)) {
      diags.error(file, positionOf(t.at), 'issue/one-line', { key, example: EXAMPLES[key] }, t.end ? positionOf(t.end) : undefined);
      return undefined;
    }
    return t;
  };
  const classification = oneLine('classification');
  if (classification) out.classification = classification;

  const copy = byKey.get('copyNumber');
  if (copy) {
    // 份号: six Arabic digits (GB/T 9704 §7.2.1); 123 or "123" is printed 000123.
    const written = isScalar(copy.value) ? String(copy.value.value ?? '').trim() : '';
    const digits = isScalar(copy.value) && typeof copy.value.value === 'number' ? writtenForm(copy.value, y) : written;
    if (/^\d{1,6}$/.test(digits) && Number(digits) > 0) out.copyNumber = { value: digits.padStart(6, '0'), at: copy.valueAt, end: copy.valueEnd };
    else diags.error(file, positionOf(copy.valueAt), 'issue/copy-number', { value: writtenForm(copy.value, y) }, positionOf(copy.valueEnd));
  }

  const series = oneLine('series');
  if (series && supplement) diags.error(file, positionOf(series.at), 'issue/series-and-supplement', { series: series.value }, series.end ? positionOf(series.end) : undefined);
  else if (series) out.series = series;

  const signOff = byKey.get('signOff');
  if (signOff) {
    const entries = mapEntries(signOff.value, y);
    if (!entries || entries.length === 0) {
      diags.error(file, positionOf(signOff.valueAt), 'issue/type', { key: 'signOff', example: EXAMPLES.signOff }, positionOf(signOff.valueEnd));
    } else {
      const list: SignOff[] = [];
      for (const e of entries) {
        const name = readText(e.value, e.valueAt, y);
        if (name.kind === 'text' && !/[\r\n]/.test(name.value)) list.push({ label: e.key, name: name.value, at: e.keyAt });
        else diags.error(file, positionOf(e.valueAt), 'issue/type', { key: `signOff: ${e.key}`, example: `${e.key}: 张三` }, positionOf(e.valueEnd));
      }
      if (list.length === entries.length) out.signOff = list;
    }
  }

  const markerEntry = byKey.get('briefMarker');
  if (markerEntry) {
    // Written but blank (a full-width space trims to nothing) is as wrong as two characters.
    const marker = readText(markerEntry.value, markerEntry.valueAt, y);
    if (marker.kind === 'text' && isOneVisibleCharacter(marker.value)) out.briefMarker = { value: marker.value, at: marker.at, end: marker.end };
    else diags.error(file, positionOf(marker.at), 'issue/brief-marker', { value: writtenForm(markerEntry.value, y) }, positionOf(marker.end));
  }
  return out;
}

function readDate(entry: YamlEntry | undefined, y: YamlText, diags: Diagnostics): IssueDate | undefined {
  const file = y.src.file;
  if (!entry) {
    diags.error(file, positionOf(y.place(0)), 'issue/required', { key: 'date', example: EXAMPLES.date });
    return undefined;
  }
  const t = readText(entry.value, entry.valueAt, y);
  if (t.kind === 'empty') {
    diags.error(file, positionOf(t.at), 'issue/required', { key: 'date', example: EXAMPLES.date }, positionOf(t.end));
    return undefined;
  }
  const date = t.kind === 'text' ? parseIsoDate(t.value) : undefined;
  if (!date) diags.error(file, positionOf(t.at), 'issue/bad-date', { value: writtenForm(entry.value, y) }, positionOf(t.end));
  return date;
}

/** `YYYY-MM-DD` naming a day that exists (2025-02-30 does not). */
export function parseIsoDate(s: string): IssueDate | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(year, month - 1, day));
  const exists = d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
  return exists ? { year, month, day } : undefined;
}

/** `distribution:` label → recipient or list of recipients, kept in written order. */
function readDistribution(entry: YamlEntry | undefined, y: YamlText, diags: Diagnostics, key: 'distribution' | 'extraDistribution' = 'distribution'): DistributionLine[] {
  const lines: DistributionLine[] = [];
  if (!entry || entry.value === null || readText(entry.value, entry.valueAt, y).kind === 'empty') return lines;
  const entries = mapEntries(entry.value, y);
  // 本期增发 written as a list (or one name): one line under the template's label.
  const plain = !entries && key === 'extraDistribution' ? readTextList(entry.value, entry.valueAt, y) : undefined;
  if (plain) return [{ label: '', recipients: plain.values, at: plain.at }];
  if (!entries) {
    diags.error(y.src.file, positionOf(entry.valueAt), 'issue/type', { key, example: EXAMPLES[key] }, positionOf(entry.valueEnd));
    return lines;
  }
  for (const e of entries) {
    const list = readTextList(e.value, e.valueAt, y);
    if (list) lines.push({ label: e.key, recipients: list.values, at: e.keyAt });
    else diags.error(y.src.file, positionOf(e.valueAt), 'issue/type', { key: `${key}: ${e.key}`, example: `${e.key}: [峡窝镇, 各街道办事处]` }, positionOf(e.valueEnd));
  }
  return lines;
}

/** `fonts:` role → a path or family name, or a list of them. */
function readFonts(entry: YamlEntry | undefined, y: YamlText, diags: Diagnostics): Record<string, Placed<string[]>> {
  const fonts: Record<string, Placed<string[]>> = {};
  if (!entry || entry.value === null || readText(entry.value, entry.valueAt, y).kind === 'empty') return fonts;
  const entries = mapEntries(entry.value, y);
  if (!entries) {
    diags.error(y.src.file, positionOf(entry.valueAt), 'issue/type', { key: 'fonts', example: EXAMPLES.fonts }, positionOf(entry.valueEnd));
    return fonts;
  }
  for (const e of entries) {
    const list = readTextList(e.value, e.valueAt, y);
    if (list) fonts[e.key] = { value: list.values, at: list.at };
    else diags.error(y.src.file, positionOf(e.valueAt), 'issue/type', { key: `fonts: ${e.key}`, example: `${e.key}: /path/to/font.ttf` }, positionOf(e.valueEnd));
  }
  return fonts;
}

/**
 * `lint:` switches house-style checks on and off: `false` turns all of them
 * off, a map turns single checks off by name (`halfwidth-punctuation: false`).
 * Returns the rule ids switched off.
 */
function readLint(entry: YamlEntry | undefined, y: YamlText, diags: Diagnostics): string[] {
  if (!entry || entry.value === null) return [];
  const all = readBoolean(entry.value);
  if (all !== undefined) return all ? [] : Object.values(LINT_RULES);
  const entries = mapEntries(entry.value, y);
  if (!entries) {
    diags.error(y.src.file, positionOf(entry.valueAt), 'issue/type', { key: 'lint', example: EXAMPLES.lint }, positionOf(entry.valueEnd));
    return [];
  }
  const off: string[] = [];
  for (const e of entries) {
    // The rule id as printed after a warning (`lint/ascii-quotes`) is accepted too.
    const name = e.key.replace(/^(lint|item)\//, '');
    if (!isLintName(name)) {
      diags.warning(y.src.file, positionOf(e.keyAt), 'issue/unknown-lint-rule', {
        key: e.key,
        suggestion: nearest(name, LINT_NAMES),
        names: LINT_NAMES.join(', '),
      }, positionOf(e.keyEnd));
      continue;
    }
    const on = readBoolean(e.value);
    if (on === undefined) diags.error(y.src.file, positionOf(e.valueAt), 'issue/type', { key: `lint: ${e.key}`, example: `${name}: false` }, positionOf(e.valueEnd));
    else if (!on) off.push(LINT_RULES[name]);
  }
  return off;
}

/** true/false (and the yes/no/on/off an editor may write); undefined for anything else. */
function readBoolean(node: unknown): boolean | undefined {
  if (!isScalar(node)) return undefined;
  if (typeof node.value === 'boolean') return node.value;
  const v = String(node.value).trim().toLowerCase();
  if (['yes', 'on', 'true'].includes(v)) return true;
  if (['no', 'off', 'false'].includes(v)) return false;
  return undefined;
}

function isIssueKey(key: string): key is IssueKey {
  return (ISSUE_KEYS as readonly string[]).includes(key);
}

export function errorCount(diags: Diagnostics): number {
  return diags.list.filter((d) => d.severity === 'error').length;
}
