// Seeded hostile issue folders: what many hands put in an editor's folder
// (files saved from OA systems and phones, links made by scripts, camera
// photos, copied templates), and worse. Each case is a small valid issue with
// one or two things made odd or hostile; `describe` says what, for messages.

import { spawnSync } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import { prng } from '../../bench/generate-issue.js';
import { example, root } from '../helpers/cli.js';

const ISSUE_YAML = fs.readFileSync(path.join(example, 'issue.yaml'), 'utf8');
const ITEM = fs.readFileSync(path.join(example, '01-zhongxinlu.md'), 'utf8');
const BRIEF = fs.readFileSync(path.join(example, '08-xingzheng-shenpi.md'), 'utf8');
const FONT = path.join(root, 'fonts/FandolFang-Regular.otf');

export interface Case {
  dir: string;
  describe: string;
}

type Rnd = () => number;
type Make = (dir: string, rnd: Rnd, pick: <T>(list: readonly T[]) => T) => string;

const FRONT = (body: string, title = '标题') => `---\ntitle: ${title}\ndepartment: 区科技局\n---\n${body}\n`;
const CONTROL = ['\u2028', '\u2029', '\u0085', '\u0000', '\u001b[31m', '\u007f', '\ufeff', '\u200b', '\ud800', '\r', '\t', '\u000b'];

/** Replaces whatever is at `name` (a second damage may meet a fifo or a folder left by the first). */
function write(dir: string, name: string, data: string | Uint8Array): void {
  fs.rmSync(path.join(dir, name), { recursive: true, force: true });
  fs.writeFileSync(path.join(dir, name), data);
}

/** Appends to a regular file only: appending to a fifo the first damage made would block. */
function append(dir: string, name: string, text: string): void {
  const p = path.join(dir, name);
  const info = fs.lstatSync(p, { throwIfNoEntry: false });
  if (info?.isFile()) fs.appendFileSync(p, text);
}

/** A PNG that claims `width` × `height` pixels (its data need not be whole). */
export function png(width: number, height: number, data = deflateSync(Buffer.alloc(10))): Buffer {
  const chunk = (type: string, body: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(body.length);
    return Buffer.concat([length, Buffer.from(type, 'latin1'), body, Buffer.alloc(4)]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', data), chunk('IEND', Buffer.alloc(0))]);
}

const withImage = (dir: string, src: string) => write(dir, '03-tu.md', FRONT(`正文一段。\n\n![现场照片](${src})`));
const withTemplate = (dir: string, text: string | Uint8Array, name = 't.yaml') => {
  append(dir, 'issue.yaml', `\ntemplate: ./${name}\n`);
  if (text !== '') write(dir, name, text);
};
const withFont = (dir: string, name: string) => append(dir, 'issue.yaml', `\nfonts:\n  body: ${name}\n`);
const setYaml = (dir: string, text: string | Buffer) => write(dir, 'issue.yaml', text);
const special = (dir: string, name: string, kind: string, servers: net.Server[]) => {
  const p = path.join(dir, name);
  fs.rmSync(p, { force: true, recursive: true });
  if (kind === 'dangling') fs.symlinkSync('/nonexistent/x', p);
  else if (kind === 'loop') fs.symlinkSync(name, p);
  else if (kind === 'folder') fs.mkdirSync(p);
  else if (kind === 'link-folder') fs.symlinkSync('/tmp', p);
  else if (kind === 'zero') fs.symlinkSync('/dev/zero', p);
  else if (kind === 'urandom') fs.symlinkSync('/dev/urandom', p);
  else if (kind === 'fifo') mkfifo(p);
  else if (kind === 'socket') servers.push(net.createServer().listen(p));
  else if (kind === 'huge') {
    fs.writeFileSync(p, '');
    fs.truncateSync(p, 3 * 1024 * 1024); // sparse: 3 MiB of zeros without writing them
  }
};
const KINDS = ['dangling', 'loop', 'folder', 'link-folder', 'zero', 'urandom', 'fifo', 'socket', 'huge'] as const;

export function mkfifo(p: string): void {
  // No fifo call in node:fs; mkfifo(1) is in coreutils on every Linux.
  const r = spawnSync('mkfifo', [p]);
  if (r.status !== 0) throw new Error(`mkfifo ${p} failed`);
}

const deep = (n: number, open: string, close = '') => open.repeat(n) + 'a' + close.repeat(n);

/** Each maker damages a fresh small issue; it returns what it did. */
function makers(servers: net.Server[]): Make[] {
  return [
    // Entries that are not readable files.
    (d, r, pick) => {
      const kind = pick(KINDS);
      const name = pick(['09-x.md', 'issue.yaml', '_draft.md', 'X.MD', '02-brief.md']);
      special(d, name, kind, servers);
      return `${name} is ${kind}`;
    },
    (d, r, pick) => {
      const kind = pick(KINDS);
      withImage(d, 'a.png');
      special(d, 'a.png', kind, servers);
      return `image is ${kind}`;
    },
    (d, r, pick) => {
      const src = pick(['/dev/zero', '/dev/urandom', '/dev/null', '/proc/self/status', '../../../../etc/passwd', '/etc', 'a b.png', '%00.png', 'http://x/a.png']);
      withImage(d, src);
      return `image ${src}`;
    },
    (d, r, pick) => {
      const kind = pick(KINDS);
      withTemplate(d, '');
      special(d, 't.yaml', kind, servers);
      return `template is ${kind}`;
    },
    (d, r, pick) => {
      const target = pick(['/dev/zero', '/dev/null', '/dev/urandom', './p.yaml', './t.yaml', '/etc']);
      withTemplate(d, `extends: ${target}\n`);
      if (target === './p.yaml') special(d, 'p.yaml', pick(KINDS), servers);
      return `extends ${target}`;
    },
    (d, r, pick) => {
      const kind = pick(KINDS);
      withFont(d, 'f.ttf');
      special(d, 'f.ttf', kind, servers);
      return `font is ${kind}`;
    },
    // Damaged fonts.
    (d, r, pick) => {
      const how = pick(['cut', 'random', 'empty', 'woff', 'header']);
      const bytes = fs.readFileSync(FONT).subarray(0, how === 'header' ? 12 : 2000 + Math.floor(r() * 200_000));
      const data = how === 'random' ? Buffer.from(Array.from({ length: 5000 }, () => Math.floor(r() * 256))) : how === 'empty' ? Buffer.alloc(0) : how === 'woff' ? Buffer.from('wOF2' + 'x'.repeat(100)) : bytes;
      write(d, 'f.otf', data);
      withFont(d, 'f.otf');
      return `font ${how}`;
    },
    // Images: bombs and damage.
    (d, r, pick) => {
      const [w, h] = pick([[20000, 20000], [1, 100_000_000], [0, 0], [2 ** 31 - 1, 2 ** 31 - 1], [7000, 7000], [30, 20]] as const);
      withImage(d, 'a.png');
      write(d, 'a.png', png(w, h, r() < 0.5 ? deflateSync(Buffer.alloc(1 + 3 * Math.min(w, 200))) : Buffer.from('garbage')));
      return `png ${w}×${h}`;
    },
    // Encodings and control characters.
    (d, r, pick) => {
      const how = pick(['gbk', 'utf16', 'random', 'nul', 'bom-crlf', 'lone-cr']);
      const text = ITEM;
      const bytes =
        how === 'gbk' ? Buffer.from(new TextEncoder().encode(text)).map((b, i) => (i % 7 === 0 && b > 0x7f ? 0xa1 : b)) :
        how === 'utf16' ? Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]) :
        how === 'random' ? Buffer.from(Array.from({ length: 3000 }, () => Math.floor(r() * 256))) :
        how === 'nul' ? Buffer.from(text.replace(/。/g, '\0')) :
        how === 'bom-crlf' ? Buffer.from('\ufeff' + text.replace(/\n/g, '\r\n')) :
        Buffer.from(text.replace(/\n/g, '\r'));
      write(d, '01-item.md', bytes);
      return `item ${how}`;
    },
    (d, r, pick) => {
      const c = pick(CONTROL);
      const where = pick(['title', 'body', 'key', 'yaml-value', 'yaml-key', 'file-name']);
      if (where === 'title') write(d, '01-item.md', ITEM.replace('title: ', `title: ${c}`));
      else if (where === 'body') write(d, '01-item.md', ITEM.replace('一是', `一${c}是`));
      else if (where === 'key') write(d, '01-item.md', ITEM.replace('title:', `ti${c}tle:`));
      else if (where === 'yaml-value') setYaml(d, ISSUE_YAML.replace('柴亚文', `柴${c}亚文`));
      else if (where === 'yaml-key') setYaml(d, ISSUE_YAML + `\nbad${c}key: 1\n`);
      else if (!c.includes('\0') && c !== '\ud800') write(d, `05-${c}x.md`, ITEM);
      return `control ${JSON.stringify(c)} in ${where}`;
    },
    // YAML shapes and depths.
    (d, r, pick) => {
      const n = pick([10, 40, 1000, 10_000]);
      const how = pick(['flow', 'map', 'block', 'seq', 'docs', 'laughs', 'list', 'scalar', 'anchors', 'tags', 'numbers']);
      const add = (s: string) => setYaml(d, ISSUE_YAML + '\n' + s + '\n');
      if (how === 'flow') add(`x: ${deep(n, '[', ']')}`);
      else if (how === 'map') add(`x: ${deep(n, '{a: ', '}')}`);
      else if (how === 'block') add('x:\n' + Array.from({ length: Math.min(n, 1000) }, (_, i) => ' '.repeat(i + 1) + `k${i}:`).join('\n') + ' 1');
      else if (how === 'seq') add('x: ' + '- '.repeat(n) + 'a');
      else if (how === 'docs') add('---\nx: 1\n---\ny: 2');
      else if (how === 'laughs') add('a: &a [x,x,x,x,x,x,x,x,x]\n' + Array.from({ length: 9 }, (_, i) => `${'b'.repeat(i + 1)}: &${'b'.repeat(i + 1)} [${Array(9).fill(i ? '*' + 'b'.repeat(i) : '*a').join(',')}]`).join('\n'));
      else if (how === 'list') setYaml(d, '- a\n- b\n');
      else if (how === 'scalar') setYaml(d, pick(['42', '~', '"x"', '|\n  text', '']));
      else if (how === 'anchors') add('x: *nope');
      else if (how === 'tags') add('x: !!binary AAAA\ny: !custom 1\nz: !!timestamp nope');
      else setYaml(d, ISSUE_YAML.replace('number: 7', `number: ${pick(['99999999999999999999999', '-1', '0', '1.5', '1e3', '0x10', 'NaN', '.inf', '"7"', '[7]'])}`).replace('copies: 60', `copies: ${pick(['9007199254740993', '60', '-60'])}`));
      return `issue.yaml ${how} ${n}`;
    },
    (d, r, pick) => {
      const n = pick([10, 40, 1000, 10_000]);
      const how = pick(['flow', 'seq', 'docs', 'order', 'kind', 'not-map']);
      const fm = how === 'flow' ? `title: ${deep(n, '[', ']')}` : how === 'seq' ? 'title: ' + '- '.repeat(n) + 'a' : how === 'docs' ? 'title: a\n---\nx: 1' : how === 'order' ? `title: a\norder: ${pick(['99999999999999999999999', '-5', '1.5', '[1]'])}` : how === 'kind' ? 'title: a\nkind: [brief]' : '- a';
      write(d, '01-item.md', `---\n${fm}\ndepartment: 区科技局\n---\n正文。\n`);
      return `front matter ${how} ${n}`;
    },
    // Deep and huge Markdown.
    (d, r, pick) => {
      const n = pick([20, 1000, 10_000, 100_000]);
      const how = pick(['list', 'quote', 'emphasis', 'brackets', 'definitions', 'links', 'table', 'lines', 'long-line', 'commas', 'entities', 'html']);
      const body =
        how === 'list' ? '- '.repeat(Math.min(n, 10_000)) + 'a' :
        how === 'quote' ? '>'.repeat(n) + ' a' :
        how === 'emphasis' ? '*a '.repeat(Math.min(n, 10_000)) + 'b' :
        how === 'brackets' ? '['.repeat(n) :
        how === 'definitions' ? Array.from({ length: Math.min(n, 20_000) }, (_, i) => `[d${i}]: /u${i}`).join('\n') :
        how === 'links' ? '[a]('.repeat(Math.min(n, 20_000)) :
        how === 'table' ? '|a'.repeat(Math.min(n, 5000)) + '|\n' + '|-'.repeat(Math.min(n, 5000)) + '|' :
        how === 'lines' ? '中\n'.repeat(Math.min(n, 100_000)) :
        how === 'long-line' ? '测'.repeat(Math.min(n * 3, 300_000)) :
        how === 'commas' ? '测试' + '测,'.repeat(Math.min(n, 9000)) + '。' :
        how === 'entities' ? '&amp;'.repeat(Math.min(n, 100_000)) :
        '<div>'.repeat(Math.min(n, 100_000));
      write(d, '01-item.md', FRONT(body));
      return `markdown ${how} ${n}`;
    },
    // Bad templates.
    (d, r, pick) => {
      const bad = pick([
        'grid: {chars: 0, lines: 0}', 'grid: {chars: -5, lines: -3}', 'grid: {chars: 1.5, lines: 22}', 'grid: {chars: 100000, lines: 100000}',
        'grid: {chars: .nan, lines: 22}', 'grid: {chars: 28, lines: .inf}', 'body: {size: -3pt}', 'body: {size: 0}', 'body: {size: 9999pt}',
        'page: {width: 10mm}', 'page: {margins: {left: 200mm}}', 'page: {width: -210mm}', 'body: {indent: 100}', 'body: {orphans: 0, widows: -1}',
        'masthead: {lines: 50}', 'masthead: {lines: -1}', 'footer: {minGap: 1000}', 'lead: {title: {spaceAfter: 1000000}}', 'figure: {spaceBefore: -2}',
        'footer: {inset: 100}', 'pageNumber: {inset: -100}', 'masthead: {name: {letterSpacing: -100em}}', 'grid: [1, 2]', 'grid: ' + deep(5000, '['),
        'colors: {red: {cmyk: [1e308, 0, 0, 0]}}', 'body: {size: 1e400}',
      ]);
      withTemplate(d, `extends: default\n${bad}\n`);
      return `template ${bad.slice(0, 60)}`;
    },
    (d, r, pick) => {
      const how = pick(['loop', 'self', 'not-map', 'gbk', 'docs', 'huge-line', 'binary']);
      const text =
        how === 'loop' ? 'extends: ./u.yaml\n' : how === 'self' ? 'extends: ./t.yaml\n' : how === 'not-map' ? '- a\n' :
        how === 'gbk' ? Buffer.from([0x67, 0x72, 0x69, 0x64, 0x3a, 0x20, 0xd6, 0xd0, 0x0a]) : how === 'docs' ? 'extends: default\n---\ngrid: 1\n' :
        how === 'huge-line' ? `extends: default\nx: ${'a'.repeat(900_000)}\n` : Buffer.from(Array.from({ length: 4000 }, () => Math.floor(r() * 256)));
      withTemplate(d, text);
      if (how === 'loop') write(d, 'u.yaml', 'extends: ./t.yaml\n');
      return `template ${how}`;
    },
    // Many items, and an empty or huge folder entry.
    (d, r, pick) => {
      const n = pick([50, 300]);
      for (let i = 0; i < n; i++) write(d, `${String(i + 10).padStart(5, '0')}.md`, r() < 0.5 ? FRONT('短讯。') : '');
      return `${n} items, some empty`;
    },
  ];
}

/** Makes `count` hostile folders under `base`; sockets stay open until `close` is called. */
export async function generate(base: string, count: number, seed: number): Promise<{ cases: Case[]; close: () => void }> {
  const servers: net.Server[] = [];
  const list = makers(servers);
  const cases: Case[] = [];
  for (let n = 0; n < count; n++) {
    const rnd = prng(seed + n);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
    const dir = path.join(base, `c${String(n).padStart(3, '0')}`);
    fs.mkdirSync(dir, { recursive: true });
    write(dir, 'issue.yaml', ISSUE_YAML);
    write(dir, '01-item.md', ITEM);
    write(dir, '02-brief.md', BRIEF);
    const what = [list[n % list.length]!(dir, rnd, pick)];
    // One case in four has a second thing wrong.
    if (rnd() < 0.25) what.push(pick(list)(dir, rnd, pick));
    cases.push({ dir, describe: `c${String(n).padStart(3, '0')}: ${what.join('; ')}` });
  }
  await Promise.all(servers.filter((s) => !s.listening).map((s) => once(s, 'listening')));
  return { cases, close: () => servers.forEach((s) => s.close()) };
}
