// npm run bench: every benchmark, with medians and peak memory.
import os from 'node:os';
import { benchLayout } from './layout.js';
import { mib } from './stats.js';

console.log(`node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${os.platform()}`);
await benchLayout();
console.log(`peak RSS of this process: ${mib(process.resourceUsage().maxRSS * 1024)}`);
