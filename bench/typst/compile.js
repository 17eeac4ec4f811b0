// One cold Typst compile in its own process: node bench/typst/compile.js FILE.typ OUT.pdf FONT_DIR
import fs from 'node:fs';
import path from 'node:path';
import { NodeCompiler } from '@myriaddreamin/typst-ts-node-compiler';

const [main, out, fontDir] = process.argv.slice(2);
const compiler = NodeCompiler.create({ workspace: path.dirname(main), fontArgs: [{ fontPaths: [fontDir] }] });
const pdf = compiler.pdf({ mainFileContent: fs.readFileSync(main, 'utf8') });
fs.writeFileSync(out, pdf);
