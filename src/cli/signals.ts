// Long-running commands (build --watch, preview) stop on Ctrl-C (SIGINT) or
// SIGTERM: they close what they opened and exit 0, since stopping is how they end.

export function untilStopped(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
