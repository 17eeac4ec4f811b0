// Write a large issue folder made from the example's sentences, deterministic
// for a seed and varied (sentences reshuffled, numbers changed) so that no
// cache can reuse a paragraph of the example.
//
//   node bench/generate-issue.js OUT_DIR [ITEMS] [SEED]

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const example = path.join(here, '../examples/issue-07');

/** mulberry32: a small seeded PRNG, good enough to vary text (and to damage it, in the fuzz test). */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function readExample() {
  const items = [];
  for (const name of fs.readdirSync(example).filter((f) => f.endsWith('.md')).sort()) {
    const text = fs.readFileSync(path.join(example, name), 'utf8');
    const [, front, body] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
    const get = (k) => (new RegExp(`^${k}:\\s*(.*)$`, 'm').exec(front) || [])[1];
    items.push({ title: get('title'), department: get('department'), kind: get('kind') || 'item', body: body.replace(/\n/g, '') });
  }
  return items;
}

export function generateIssue(outDir, count = 60, seed = 1) {
  const rand = prng(seed);
  const pick = (xs) => xs[Math.floor(rand() * xs.length)];
  const source = readExample();
  const sentences = source.flatMap((i) => i.body.split(/(?<=。)/).filter(Boolean));
  const titles = source.filter((i) => i.title).map((i) => i.title);
  const departments = source.map((i) => i.department);
  // Numbers change but keep their shape: integers stay integers, decimals keep two places.
  const vary = (s) =>
    s.replace(/\d+(\.\d+)?/g, (m, frac) => {
      const v = Number(m) * (0.5 + rand());
      return frac ? v.toFixed(2) : String(Math.max(1, Math.round(v)));
    });

  fs.rmSync(outDir, { recursive: true, force: true });
  fs.mkdirSync(outDir, { recursive: true });
  fs.copyFileSync(path.join(example, 'issue.yaml'), path.join(outDir, 'issue.yaml'));
  const briefs = Math.max(2, Math.round(count / 6));
  for (let n = 1; n <= count; n++) {
    const brief = n > count - briefs;
    const length = brief ? 1 + Math.floor(rand() * 2) : 3 + Math.floor(rand() * 6);
    const paragraphs = [];
    let sentencesLeft = length;
    while (sentencesLeft > 0) {
      const k = brief ? sentencesLeft : Math.min(sentencesLeft, 2 + Math.floor(rand() * 4));
      paragraphs.push(Array.from({ length: k }, () => vary(pick(sentences))).join(''));
      sentencesLeft -= k;
      if (brief) break;
    }
    // Sentences come from different items: number their 一是/二是… again in order, as an editor would.
    const numerals = '一二三四五六七八九十';
    let point = 0;
    for (let k = 0; k < paragraphs.length; k++) {
      paragraphs[k] = paragraphs[k].replace(/[一二三四五六七八九十]是/g, () => `${numerals[Math.min(point++, 9)]}是`);
    }
    const front = [`department: ${pick(departments)}`];
    if (brief) front.push('kind: brief');
    else front.unshift(`title: ${vary(pick(titles))}（第${n}条）`);
    const file = `${String(n).padStart(3, '0')}-item.md`;
    fs.writeFileSync(path.join(outDir, file), `---\n${front.join('\n')}\n---\n${paragraphs.join('\n\n')}\n`);
  }
  return outDir;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const [out, items, seed] = process.argv.slice(2);
  if (!out) {
    console.error('usage: node bench/generate-issue.js OUT_DIR [ITEMS] [SEED]');
    process.exit(2);
  }
  generateIssue(out, Number(items || 60), Number(seed || 1));
  console.log(out);
}
