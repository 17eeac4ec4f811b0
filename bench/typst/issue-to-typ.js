// The same issue as Typst markup, set with the same Fandol faces on the same
// page, for a side-by-side cold-build benchmark. It aims at the same content
// and a comparable layout, not at our exact line breaks.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

const esc = (s) => s.replace(/[\\#*_`$@<>\[\]~"]/g, (c) => `\\${c}`);

function readItems(dir) {
  return fs.readdirSync(dir).filter((f) => f.endsWith('.md') && !/^[_.]/.test(f)).sort().map((f) => {
    const text = fs.readFileSync(path.join(dir, f), 'utf8');
    const [, front, body] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
    const meta = parse(front);
    const paragraphs = body.trim().split(/\n\s*\n/).map((p) => p.replace(/\n/g, ''));
    return { ...meta, kind: meta.kind ?? 'item', paragraphs };
  });
}

export function issueToTyp(dir) {
  const y = parse(fs.readFileSync(path.join(dir, 'issue.yaml'), 'utf8'), { schema: 'core' });
  const items = readItems(dir);
  const all = [...items.filter((i) => i.kind === 'item'), ...items.filter((i) => i.kind === 'brief')];
  const [year, month, day] = String(y.date).split('-').map(Number);
  const out = [];
  out.push(`#set page(paper: "a4", margin: (top: 37mm, bottom: 35mm, left: 28mm, right: 26mm),
  footer: context [#set text(font: "FandolSong", size: 14pt); #let n = counter(page).get().first(); #align(if calc.odd(n) { right } else { left })[— #n —]])
#set text(font: "FandolFang R", size: 16pt, lang: "zh", region: "cn", tracking: -0.21pt)
#set par(justify: true, first-line-indent: (amount: 2em, all: true), leading: 12.99pt, spacing: 12.99pt)
#align(center)[#text(font: "FandolSong", weight: "bold", size: 60pt, fill: cmyk(0%, 80%, 80%, 0%), tracking: 15pt)[${esc(y.masthead)}]]
#align(center)[第${y.number}期${y.total ? `（总第${y.total}期）` : ''}]
#grid(columns: (1fr, 1fr), [${esc(y.publisher)}], align(right)[${year}年${month}月${day}日])
#line(length: 100%, stroke: 1pt + cmyk(0%, 80%, 80%, 0%))
`);
  all.forEach((item, i) => {
    const att = `（${esc(item.department)}）`;
    const paras = item.paragraphs.map(esc);
    paras[paras.length - 1] += att;
    if (item.kind === 'brief') {
      out.push(`△ ${paras.join('\n\n')}\n`);
    } else if (i === 0) {
      out.push(`#align(center)[#text(font: "FandolSong", weight: "bold", size: 22pt)[${esc(item.title)}]]\n`);
      out.push(`${paras.join('\n\n')}\n`);
    } else {
      paras[0] = `#text(font: "FandolHei")[${esc(item.title)}]　${paras[0]}`;
      out.push(`${paras.join('\n\n')}\n`);
    }
  });
  const lines = Object.entries(y.distribution ?? {}).map(([k, v]) => `${k}：${Array.isArray(v) ? v.join('、') : v}`);
  out.push(`#v(1fr)
#set text(size: 14pt)
#set par(first-line-indent: 0em)
#line(length: 100%, stroke: 0.35mm)
${lines.map(esc).join('\n#line(length: 100%, stroke: 0.25mm)\n')}
#line(length: 100%, stroke: 0.25mm)
#grid(columns: (1fr, 1fr), [责任编辑：${esc(y.editor ?? '')}], align(right)[（共印${y.copies ?? ''}份）])
#line(length: 100%, stroke: 0.35mm)
`);
  return out.join('\n');
}
