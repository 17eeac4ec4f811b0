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
const source = fs.readFileSync(bundle, 'latin1'); // all ASCII (scripts/bundle.js escapes the rest)
// Keyed to the Node version and this bundle's place, size and time; V8 itself refuses a cache made under other V8 flags.
const stat = fs.statSync(bundle);
const key = `${process.version} ${process.arch} ${bundle} ${stat.size} ${stat.mtimeMs}\n`;
const cacheFile = path.join(cacheDir(process.env), `code-${hash(bundle)}.cache`);
let cachedData;
try {
  const bytes = fs.readFileSync(cacheFile);
  const end = bytes.indexOf(10);
  if (bytes.toString('utf8', 0, end + 1) === key) cachedData = bytes.subarray(end + 1);
} catch {
  // no cache yet
}

// The bundle is written as a function expression (see scripts/bundle.js): its value is the module function.
const script = new vm.Script(source, { filename: bundle, cachedData });
const loaded = { exports: {} };
script.runInThisContext()(loaded.exports, createRequire(bundle), loaded, bundle, path.dirname(bundle));

loaded.exports.main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
    if (cachedData === undefined || script.cachedDataRejected) writeCache();
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
    fs.writeFileSync(tmp, Buffer.concat([Buffer.from(key), script.createCachedData()]));
    fs.renameSync(tmp, cacheFile);
  } catch {
    try {
      fs.rmSync(tmp, { force: true });
    } catch {
      // the folder itself could not be made
    }
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
