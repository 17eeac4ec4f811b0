// Loaded with --require into a benchmarked process: prints its peak RSS (KiB) on exit, to stderr.
process.on('exit', () => process.stderr.write(`\n@@maxrss ${process.resourceUsage().maxRSS}\n`));
