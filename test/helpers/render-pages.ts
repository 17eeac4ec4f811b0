// Pages of a PDF as PNG bytes (pdftoppm -r 80), to compare two PDFs by what they show.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { tmpDir } from './cli.js';
import { need } from './system.js';

export function pagePngs(pdf: Buffer): Buffer[] {
  need('poppler-utils');
  const dir = tmpDir();
  const file = path.join(dir, 'in.pdf');
  fs.writeFileSync(file, pdf);
  execFileSync('pdftoppm', ['-r', '80', '-png', file, path.join(dir, 'p')]);
  return fs.readdirSync(dir).filter((f) => f.endsWith('.png')).sort().map((f) => fs.readFileSync(path.join(dir, f)));
}
