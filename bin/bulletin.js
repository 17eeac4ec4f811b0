#!/usr/bin/env node
// Entry point: run the CLI; a bug becomes one line and exit code 1, not a stack trace
// (set BULLETIN_DEBUG=1 to see the trace).
//
// The CLI is one CommonJS bundle (dist/bulletin.cjs), compiled with a V8 code
// cache kept beside it: V8 then neither parses the bundle nor compiles the
// functions a build runs, which is a third of a cold build's time. The cache
// is made by `npm run build`, and again by any run that finds it missing or
// made by another Node; a cache that cannot be read or written costs only time.
//
// This file is CommonJS (bin/package.json): Node then starts without its ES module loader.
'use strict';
const fs = require('node:fs');
const { createRequire } = require('node:module');
const path = require('node:path');
const v8 = require('node:v8');
const vm = require('node:vm');

// A build is a short run. V8 sends a function to its optimising compiler (TurboFan) once ~66 KB of its
// bytecode has run; in a build most of those compiles take longer than they save, and they share the second
// core with the collector and zlib. Eight times the budget leaves that to the really hot loops: cold builds
// of 4, 40 and 200 pages take 6 %, 17 % and 14 % less time (whole processes, medians of 15 alternating runs). Set before the
// bundle is compiled: V8 keys the code cache to its flags.
v8.setFlagsFromString('--interrupt-budget=540672');

const bundle = path.join(__dirname, '../dist/bulletin.cjs');
const source = fs.readFileSync(bundle, 'latin1'); // all ASCII (scripts/bundle.js escapes the rest)
// Keyed to the Node version and this bundle's size and time; V8 itself refuses a cache made under other V8 flags (then it is made again).
const stat = fs.statSync(bundle);
const key = `${process.version} ${process.arch} ${stat.size} ${stat.mtimeMs}\n`;
const cacheFile = `${bundle}.cache`;
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
    fs.writeFileSync(tmp, Buffer.concat([Buffer.from(key), script.createCachedData()]));
    fs.renameSync(tmp, cacheFile);
  } catch {
    fs.rmSync(tmp, { force: true });
  }
}
