// npm run bench: every benchmark, with medians and peak memory.
// BENCH=layout, BENCH=cold or BENCH=volume runs one of them.
import os from 'node:os';
import { benchCold } from './cold.js';
import { benchLayout } from './layout.js';
import { mib } from './stats.js';
import { benchVolume } from './volume.js';

const only = process.env.BENCH;
console.log(`node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${os.platform()}`);
if (!only || only === 'layout') {
  await benchLayout();
  console.log(`  peak RSS of the layout bench process: ${mib(process.resourceUsage().maxRSS * 1024)}`);
}
if (!only || only === 'cold') benchCold({ runs: Number(process.env.BENCH_RUNS ?? 5) });
if (!only || only === 'volume') benchVolume();
