// Bundle the CLI into one CommonJS file (dist/bulletin.cjs): Node then reads
// one file instead of resolving ~300 modules at every start, and bin/bulletin.js
// can compile it with a V8 code cache (which Node offers for scripts, not for
// ES modules, and which Node's own compile cache makes only of the top level).
import fs from 'node:fs';
import { isBuiltin } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { decode, encode } from '@jridgewell/sourcemap-codec';
import { build } from 'esbuild';

// Each start-up step below can be left out of a bundle, to measure what it pays
// or to rule it out when a tool's new version breaks it (docs/performance.md,
// "Start-up machinery"): BULLETIN_BUNDLE_WITHOUT=lazy-pdfkit,builtins,ascii npm run build
const WITHOUT = new Set((process.env.BULLETIN_BUNDLE_WITHOUT ?? '').split(',').map((s) => s.trim()).filter(Boolean));
const STEPS = ['lazy-fontkit', 'lazy-pdfkit', 'lazy-child-process', 'brotli', 'builtins', 'ascii', 'prebuilt-template'];
for (const w of WITHOUT) if (!STEPS.includes(w)) throw new Error(`BULLETIN_BUNDLE_WITHOUT: unknown step ${w} (steps: ${STEPS.join(', ')})`);

// Modules that cost milliseconds to initialise but that most builds never
// call: pdfkit imports them at its top for encryption, line wrapping and
// opening font files, none of which a bulletin build does (our faces come
// with their own tables, see src/fonts); the others are below. Each is
// replaced by a stand-in that loads the real module on first call.
// The named exports are the ones the importers use: esbuild stops the build ("No matching export") if a new
// version of an importer asks for another.
const ALL_LAZY = {
  fontkit: { named: ['create'], step: 'lazy-fontkit' }, // ~30 ms: Unicode property tables, decompressed at import
  linebreak: { construct: true, step: 'lazy-pdfkit' }, // ~5 ms: a line-break trie; pdfkit wraps no text of ours
  '@noble/ciphers/aes': { named: ['cbc', 'ecb'], step: 'lazy-pdfkit' }, // ~18 ms: AES tables computed at import; we never encrypt
  // 3–10 ms with net, dgram and the rest it loads: commander requires it at its top (for subcommands that are
  // programs, which we have none of), and only `preview` starts a program (the browser).
  'node:child_process': { named: ['spawn'], step: 'lazy-child-process' },
};
const LAZY = Object.fromEntries(Object.entries(ALL_LAZY).filter(([, spec]) => !WITHOUT.has(spec.step)));

const lazyModules = {
  name: 'lazy-modules',
  setup(b) {
    if (!Object.keys(LAZY).length) return;
    const filter = new RegExp(`^(${Object.keys(LAZY).map((k) => k.replace(/[/@]/g, '\\$&')).join('|')})$`);
    b.onResolve({ filter }, (args) => (args.namespace === 'lazy' ? undefined : { path: args.path, namespace: 'lazy' }));
    b.onLoad({ filter: /.*/, namespace: 'lazy' }, ({ path }) => {
      const spec = LAZY[path];
      // require() of a bundled module becomes a wrapper that runs the module on first call.
      const lines = [`let m; const load = () => (m ??= require(${JSON.stringify(path)}));`];
      for (const name of spec.named ?? []) lines.push(`export const ${name} = (...a) => load().${name}(...a);`);
      if (spec.construct) lines.push('export default function Lazy(...a) { const C = load(); return new (C.default ?? C)(...a); }');
      return { contents: lines.join('\n'), resolveDir: process.cwd(), loader: 'js' };
    });
  },
};

// fontkit decodes WOFF2 with the `brotli` package (1.4 MB of JavaScript, a
// dictionary built at import); Node has Brotli built in.
const nodeBrotli = {
  name: 'node-brotli',
  setup(b) {
    b.onResolve({ filter: /^brotli\/decompress(\.js)?$/ }, () => ({ path: 'brotli', namespace: 'node-brotli' }));
    b.onLoad({ filter: /.*/, namespace: 'node-brotli' }, () => ({
      contents: "import zlib from 'node:zlib'; export default (buf) => new Uint8Array(zlib.brotliDecompressSync(buf));",
      loader: 'js',
    }));
  },
};

/**
 * code.replace(re, fn), with the source map's generated columns moved to match (the bundle's lines are long:
 * an edit moves the rest of its line).
 */
function replaceKeepingMap(code, map, re, fn) {
  const lines = code.split('\n');
  const mappings = decode(map.mappings); // per line, segments [generated column, source, line, column, name?]
  for (let i = 0; i < lines.length; i++) {
    const edits = []; // [column in the old line, change in length]
    lines[i] = lines[i].replace(re, (...m) => {
      const to = fn(...m);
      if (to.length !== m[0].length) edits.push([m.at(-2), to.length - m[0].length]);
      return to;
    });
    if (!edits.length || !mappings[i]) continue;
    let e = 0;
    let shift = 0;
    for (const seg of mappings[i]) {
      while (e < edits.length && edits[e][0] < seg[0]) shift += edits[e++][1];
      seg[0] += shift;
    }
  }
  map.mappings = encode(mappings);
  return lines.join('\n');
}

// mammoth, the .docx reader, is read only by `bulletin import`: it is a bundle of its own (dist/mammoth.cjs,
// 0.6 MB), required on first use, so that no other command reads it at its start.
const OWN_BUNDLES = { mammoth: './mammoth.cjs' };
const ownBundles = {
  name: 'own-bundles',
  setup(b) {
    b.onResolve({ filter: /^mammoth$/ }, (args) => ({ path: OWN_BUNDLES[args.path], external: true }));
  },
};

// templates/default.yaml as read now, by the code just compiled to dist/ (src/template/prebuilt.ts): a build
// with that template, its text unchanged, then skips reading 180 lines of YAML. Made anew at every build.
// dist/ must be tsc's output of today's src/ (`npm run build` runs tsc first): a Template read by older code
// would be stored in a bundle of newer code, and the text check at run time cannot see that.
for (const dir of ['template', 'issue', 'fonts', 'text', 'diagnostics']) {
  for (const name of fs.readdirSync(path.join('src', dir)).filter((n) => n.endsWith('.ts'))) {
    const js = path.join('dist', dir, name.replace(/\.ts$/, '.js'));
    if (!fs.existsSync(js) || fs.statSync(js).mtimeMs < fs.statSync(path.join('src', dir, name)).mtimeMs) {
      throw new Error(`bundle.js: ${js} is missing or older than its source; run \`npm run build\` (tsc, then this script)`);
    }
  }
}
const prebuilt = WITHOUT.has('prebuilt-template')
  ? undefined
  : (await import('../dist/template/prebuilt.js')).makePrebuilt(path.resolve('templates/default.yaml'), (await import('../dist/template/load.js')).loadTemplate);

const outfile = 'dist/bulletin.cjs';
fs.rmSync(`${outfile}.cache`, { force: true }); // the code cache of earlier versions
await build({
  entryPoints: ['src/cli/main.ts'],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // import() of a Node built-in becomes require(): bin/bulletin.js compiles the bundle as a vm.Script, which
  // has no module loader for import(), and require() is also the quicker of the two. pdfjs-dist (an ES module,
  // loaded only by `verify`) is then loaded with require(esm).
  supported: { 'dynamic-import': false },
  external: ['pdfjs-dist'],
  plugins: [lazyModules, ...(WITHOUT.has('brotli') ? [] : [nodeBrotli]), ownBundles],
  // src/paths.ts finds templates/ and fonts/ from its own address.
  define: { 'import.meta.url': '__bundle_url', ...(prebuilt ? { BULLETIN_DEFAULT_TEMPLATE: JSON.stringify(JSON.stringify(prebuilt)) } : {}) },
  // The bundle is the body of a function that bin/bulletin.js calls as Node calls a module's, written so here
  // rather than wrapped there: V8 would copy the 2.6 MB source into one string to join the wrapper to it.
  banner: { js: [
    '(function (exports, require, module, __filename, __dirname) {',
    "var __bundle_url = require('node:url').pathToFileURL(__filename).href;",
    // See the Node built-ins step below.
    'var __builtin = (m) => Object.create(m, { default: { value: m, enumerable: true } });',
  ].join('\n') },
  footer: { js: '})' },
  legalComments: 'none',
  // 1.8 MB instead of 2.7: less to read and decode at every start, and less for V8 to scan when it compiles a
  // function the code cache does not hold (~1 ms a start); the source map still gives lines and names.
  minifyWhitespace: true,
  charset: 'ascii',
  // dist/bulletin.cjs.map: for `node --enable-source-maps` and for reading CPU profiles by source file.
  sourcemap: 'external',
  logLevel: 'warning',
});
// All ASCII, so bin/bulletin.js can read it as Latin-1 (0.2 ms, against 5 ms to decode UTF-8).
// esbuild escapes strings but leaves regular expressions and comments as written: escape what is left, as \uXXXX
// (valid in strings, templates, regular expressions and names alike; astral characters as their two halves).
const map = JSON.parse(fs.readFileSync(`${outfile}.map`, 'utf8'));
let code = fs.readFileSync(outfile, 'utf8');
if (!WITHOUT.has('ascii')) code = `/*ascii*/${replaceKeepingMap(code, map, /[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}`;
// Node built-ins: for `import fs from 'node:fs'` esbuild writes `__toESM(require("node:fs"), 1)`, which copies
// every property of the module into a new object of getters, at each of ~50 import sites (~1 MB and ~4 ms at
// start). A built-in is never an ES module turned CommonJS, so `default` is the module itself: an object that
// has `default` and inherits the rest answers both default and named imports, in constant time.
let builtins = 0;
if (!WITHOUT.has('builtins')) {
  code = replaceKeepingMap(code, map, /__toESM\((require\("([^"]+)"\))(?:, ?1)?\)/g, (call, req, id) => (isBuiltin(id) ? (builtins++, `__builtin(${req})`) : call));
  if (builtins < 40) throw new Error(`bundle.js: only ${builtins} imports of Node built-ins found; has esbuild's output changed?`);
}
fs.writeFileSync(outfile, code);
fs.writeFileSync(`${outfile}.map`, JSON.stringify(map));

for (const [name, file] of Object.entries(OWN_BUNDLES)) {
  await build({
    stdin: { contents: `module.exports = require(${JSON.stringify(name)});`, resolveDir: process.cwd(), loader: 'js' },
    outfile: path.join(path.dirname(outfile), file),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    legalComments: 'none',
    minifyWhitespace: true,
    charset: 'ascii',
    logLevel: 'warning',
  });
}

// pdfkit's PDF/A mode reads the sRGB profile it ships (the ICC's sRGB2014, free to copy and embed) from
// data/ beside its own code: in the bundle, that is dist/data/.
const icc = 'sRGB_IEC61966_2_1.icc';
fs.mkdirSync(path.join(path.dirname(outfile), 'data'), { recursive: true });
fs.copyFileSync(path.join(path.dirname(fileURLToPath(import.meta.resolve('pdfkit'))), 'data', icc), path.join(path.dirname(outfile), 'data', icc));
