#!/usr/bin/env node
// Entry point: run the CLI; a bug becomes one line and exit code 1, not a stack trace
// (set BULLETIN_DEBUG=1 to see the trace).
//
// The CLI is one CommonJS bundle (dist/bulletin.cjs), compiled with a V8 code
// cache (vm.Script cachedData): V8 then neither parses the bundle nor compiles
// the functions a build runs, a third of a cold build's time. Node's own compile
// cache (module.enableCompileCache) keeps only the top level, and a build was
// 12 % slower with it. The cache is kept in the user's cache folder, never in
// the install folder (a global install is often root's), made by any run that
// finds it missing or made by another Node or bundle; a cache that cannot be
// read or written costs only time.
//
// This file is CommonJS (bin/package.json): Node then starts without its ES module loader.
'use strict';
const fs = require('node:fs');
const { createRequire } = require('node:module');
const os = require('node:os');
const path = require('node:path');
const vm = require('node:vm');

const bundle = path.join(__dirname, '../dist/bulletin.cjs');
// Read as Latin-1 when scripts/bundle.js marked it all ASCII (0.2 ms, against 5 ms to decode UTF-8).
let source = fs.readFileSync(bundle, 'latin1');
if (!source.startsWith('/*ascii*/')) source = fs.readFileSync(bundle, 'utf8');
const useCache = !process.env.BULLETIN_NO_CODE_CACHE;
// Keyed to the Node version and this bundle's place, size and time; V8 itself refuses a cache made under other V8 flags.
const stat = fs.statSync(bundle);
const key = cacheKey(bundle, stat);
const folder = cacheDir(process.env);
const cacheFile = path.join(folder, `code-${hash(bundle)}.cache`);
// The cache holds what the run that made it compiled. The one every run should start from is a PDF build's: one
// made by another command or a Word/OFD build holds that code too, and a PDF build of 60 items then read 1.75 MB
// instead of 1.28 MB (~10 ms). Such a cache serves other runs; the first PDF build compiles without it (once: a
// cache made from a process that loaded it would hold all it held) and writes its own, which then stays.
const kind = isPdfBuild(process.argv.slice(2)) ? 'pdf' : 'other';
let cachedData;
if (useCache) {
  try {
    const bytes = fs.readFileSync(cacheFile);
    const end = bytes.indexOf(10);
    const head = bytes.toString('utf8', 0, end);
    const remake = kind === 'pdf' && head === `${key} other`;
    if (!remake && (head === `${key} pdf` || head === `${key} other`)) cachedData = bytes.subarray(end + 1);
  } catch {
    // no cache yet
  }
}

// The bundle is written as a function expression (see scripts/bundle.js): its value is the module function.
const script = new vm.Script(source, { filename: bundle, cachedData });
const loaded = { exports: {} };
script.runInThisContext()(loaded.exports, createRequire(bundle), loaded, bundle, path.dirname(bundle));

loaded.exports.main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
    if (useCache && (cachedData === undefined || script.cachedDataRejected)) {
      writeCache();
      sweep();
    }
  },
  (e) => {
    process.stderr.write(`bulletin: internal error: ${e && e.message ? e.message : e}\n`);
    if (process.env.BULLETIN_DEBUG) process.stderr.write(`${e && e.stack}\n`);
    process.exitCode = 1;
  },
);

/** After the run, so the cache holds every function the run compiled; written whole or not at all. */
function writeCache() {
  const tmp = `${cacheFile}.${process.pid}.tmp`;
  try {
    fs.mkdirSync(path.dirname(cacheFile), { recursive: true });
    fs.writeFileSync(tmp, Buffer.concat([Buffer.from(`${key} ${kind}\n`), script.createCachedData()]));
    fs.renameSync(tmp, cacheFile);
  } catch {
    try {
      fs.rmSync(tmp, { force: true });
    } catch {
      // the folder itself could not be made
    }
  }
}

function cacheKey(file, st) {
  return `${process.version} ${process.arch} ${file} ${st.size} ${st.mtimeMs}`;
}

/** A one-shot `build` of the PDF alone: no Word or OFD edition (--docx, --format docx/ofd), no watch session. */
function isPdfBuild(args) {
  if (args[0] !== 'build') return false;
  if (args.some((a) => a === '--docx' || a === '--docx-embed-fonts' || a === '-w' || a === '--watch')) return false;
  return !args.some((a, i) => (a === '--format' ? /docx|ofd/.test(args[i + 1] ?? '') : a.startsWith('--format=') && /docx|ofd/.test(a)));
}

/**
 * Removes the caches no run can use any more: made for a bundle that is gone or has changed (an old
 * version, a deleted clone or npx folder), and temporary files a killed run left an hour ago or more.
 * A cache of another Node for a bundle still there is kept (two Node versions may take turns). Runs only
 * after a cache was written, so at most once per new bundle; any error ends the sweep, silently.
 */
function sweep() {
  let names = [];
  try {
    names = fs.readdirSync(folder);
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith('code-')) continue;
    const file = path.join(folder, name);
    try {
      if (name.endsWith('.tmp')) {
        if (Date.now() - fs.statSync(file).mtimeMs > 3600_000) fs.rmSync(file, { force: true });
      } else if (name.endsWith('.cache') && file !== cacheFile && !madeForCurrentBundle(file)) {
        fs.rmSync(file, { force: true });
      }
    } catch {
      // a file we cannot read or remove: left for another run
    }
  }
}

/** Whether the cache file's key line names a bundle that exists with the size and time it was made for. */
function madeForCurrentBundle(file) {
  const head = Buffer.alloc(4096);
  const fd = fs.openSync(file, 'r');
  let n;
  try {
    n = fs.readSync(fd, head, 0, head.length, 0);
  } finally {
    fs.closeSync(fd);
  }
  // "<node> <arch> <bundle path> <size> <mtime> <kind>" (no kind before December 2026): the path may hold spaces.
  const m = /^\S+ \S+ (.+) (\d+) ([\d.]+)(?: pdf| other)?$/.exec(head.toString('utf8', 0, n).split('\n')[0]);
  if (!m) return false;
  try {
    const st = fs.statSync(m[1]);
    return String(st.size) === m[2] && String(st.mtimeMs) === m[3];
  } catch {
    return false; // the bundle is gone
  }
}

/** The user's cache folder, as src/fonts/font-index.ts finds it for the font index (this file runs before the bundle). */
function cacheDir(env) {
  if (env.BULLETIN_CACHE_DIR) return path.resolve(env.BULLETIN_CACHE_DIR);
  if (process.platform === 'win32' && env.LOCALAPPDATA) return path.join(env.LOCALAPPDATA, 'bulletin', 'cache');
  return path.join(env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'bulletin');
}

/** FNV-1a of the bundle's path: one cache file per installed copy (a clone and a global install side by side). */
function hash(s) {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(16).padStart(8, '0');
}
