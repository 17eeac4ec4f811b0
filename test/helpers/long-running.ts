// Run a long-running CLI command (build --watch, preview) as a subprocess and
// poll for what it prints or writes. Waits are generous and never timed:
// the tests assert results, not latencies.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { root } from './cli.js';

export class Running {
  readonly proc: ChildProcess;
  stdout = '';
  stderr = '';
  private exited: Promise<number | null>;

  constructor(args: string[], opts: { cwd?: string; env?: Record<string, string> } = {}) {
    this.proc = spawn(process.execPath, [path.join(root, 'bin/bulletin.js'), ...args], {
      cwd: opts.cwd ?? root,
      env: { ...process.env, LANG: 'C', ...opts.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.proc.stdout!.setEncoding('utf8').on('data', (s: string) => (this.stdout += s));
    this.proc.stderr!.setEncoding('utf8').on('data', (s: string) => (this.stderr += s));
    this.exited = new Promise((resolve) => this.proc.on('exit', (code) => resolve(code)));
  }

  /** Status lines of `build --watch` so far. */
  get statusLines(): string[] {
    return this.stderr.split('\n').filter((l) => /^\d\d:\d\d:\d\d /.test(l));
  }

  /** Polls `ok` until it returns a truthy value; fails with what was printed after `timeout` ms. */
  async waitFor<T>(what: string, ok: () => T | undefined | false, timeout = 30_000): Promise<T> {
    const until = Date.now() + timeout;
    for (;;) {
      let value: T | undefined | false;
      try {
        value = ok();
      } catch {
        value = undefined; // e.g. the PDF is not there yet
      }
      if (value) return value;
      if (this.proc.exitCode !== null) throw new Error(`exited (${this.proc.exitCode}) while waiting for ${what}\n${this.stderr}`);
      if (Date.now() > until) throw new Error(`timed out waiting for ${what}\n--- stderr:\n${this.stderr}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** Sends a signal and resolves with the exit code (null when killed after `timeout` ms). */
  async stop(signal: NodeJS.Signals = 'SIGINT', timeout = 15_000): Promise<number | null> {
    if (this.proc.exitCode !== null) return this.proc.exitCode;
    this.proc.kill(signal);
    const timer = setTimeout(() => this.proc.kill('SIGKILL'), timeout);
    const code = await this.exited;
    clearTimeout(timer);
    return code;
  }
}
