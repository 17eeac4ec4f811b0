// When to rebuild: DEBOUNCE_MS after the last change, one build at a time.
// One save is often several events (write a temporary file, rename it over;
// or a checkout touching many files); waiting for a short quiet spell builds
// once for all of them. Changes during a build make exactly one more build.

// 5 ms covers the events of one save: they come within a millisecond or two of each other (0.1 ms apart
// for a write, a rename-over and vim's move-away-and-write, measured on Linux). A longer wait is latency.
export const DEBOUNCE_MS = 5;

export class Rebuilder {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = false;

  constructor(
    private readonly build: () => Promise<void>,
    private readonly delay = DEBOUNCE_MS,
  ) {}

  /** Something changed. */
  poke(): void {
    if (this.stopped) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.fire(), this.delay);
  }

  /** Cancels what is scheduled and waits for a running build to finish. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private fire(): void {
    this.timer = undefined;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.build().finally(() => {
      this.running = undefined;
      if (this.again && !this.stopped) {
        this.again = false;
        this.fire();
      }
    });
  }
}
