// When to rebuild, and when a build may be shown. One save is often several
// events (write a temporary file, rename it over; or a checkout touching many
// files), so a build is published only after a quiet spell of DEBOUNCE_MS with
// no change since it started reading. The first change after a quiet time
// starts a build at once, while the spell runs: the spell then costs nothing
// when the build takes longer than it. A change during a build makes that
// build's result void and exactly one more build, after the next quiet spell.

// 5 ms covers the events of one save: they come within a millisecond or two of each other (0.1 ms apart
// for a write, a rename-over and vim's move-away-and-write, measured on Linux).
export const DEBOUNCE_MS = 5;

/**
 * Resolves true when the build may publish what it made: the quiet spell after the last change has passed and
 * nothing changed since the build began. False: a newer build follows; publish nothing (no file, no message).
 * `failed`: the build found errors. They are often a file read half-saved — our build, started at the first
 * event, can hold up the editor between truncating the file and writing it on a busy machine (1 edit in ~150
 * at a load of 5 on 2 cores) — so a failed build also waits a quiet spell of its own, idle, before it shows.
 */
export type Settled = (failed?: boolean) => Promise<boolean>;

export class Rebuilder {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = false;
  /** Changes seen so far, and when the last one came (performance.now()). */
  private changes = 0;
  private lastChange = -Infinity;

  constructor(
    private readonly build: (settled: Settled) => Promise<void>,
    private readonly delay = DEBOUNCE_MS,
  ) {}

  /** Something changed. */
  poke(): void {
    if (this.stopped) return;
    this.changes++;
    this.lastChange = performance.now();
    if (this.running) {
      this.again = true;
    } else if (this.timer) {
      this.wait(); // a burst of changes: start when it is over
    } else {
      this.start();
    }
  }

  /** Builds now (the first build): through here, a change during it voids it and makes one more, as for any build. */
  run(): Promise<void> {
    if (!this.running) this.start();
    return this.running!;
  }

  /** Cancels what is scheduled and waits for a running build to finish (it publishes nothing). */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** Starts a build in `ms` (default: a whole spell), unless a change comes first and moves it on. */
  private wait(ms = this.delay): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.start();
    }, ms);
  }

  private start(): void {
    const seen = this.changes;
    this.running = this.build((failed) => this.settled(seen, failed === true)).finally(() => {
      this.running = undefined;
      if (this.again && !this.stopped) {
        this.again = false;
        this.wait(Math.max(0, this.lastChange + this.delay - performance.now()));
      }
    });
  }

  private async settled(seen: number, failed: boolean): Promise<boolean> {
    const idleUntil = failed ? performance.now() + this.delay : -Infinity;
    for (;;) {
      // A build runs without yielding, so changes made meanwhile wait, unseen, in the watcher's queue:
      // let the event loop poll it once (the second setImmediate runs after the next poll phase).
      await new Promise((r) => setImmediate(() => setImmediate(r)));
      if (this.stopped || this.changes !== seen) return false;
      const left = Math.max(this.lastChange + this.delay, idleUntil) - performance.now();
      if (left <= 0) return true;
      await new Promise((r) => setTimeout(r, Math.ceil(left)));
    }
  }
}
