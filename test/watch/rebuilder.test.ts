// The rebuilder's contract: start at the first change, publish only after a quiet spell with no newer change,
// one more build for any number of changes during a build. Timers and the clock are vitest's fakes.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Rebuilder, type Settled } from '../../src/watch/rebuilder.js';

const DELAY = 5;

/** Lets the (real) event loop turn until the rebuilder's setImmediate hops and promises are done, at the fake time. */
async function flush(): Promise<void> {
  for (let i = 0; i < 4; i++) {
    await new Promise((r) => setImmediate(r));
    await vi.advanceTimersByTimeAsync(0);
  }
}

/** Moves the fake clock on by `ms`, a step at a time, turning the loop at each. */
async function advance(ms: number): Promise<void> {
  for (let i = 0; i < ms; i++) {
    await vi.advanceTimersByTimeAsync(1);
    await flush();
  }
  await flush();
}

/** A rebuilder whose builds wait for `release()` before asking whether they may publish; logs what happened. */
function harness(failed = false) {
  const log: string[] = [];
  const pending: Array<() => void> = [];
  let n = 0;
  const r = new Rebuilder(async (settled: Settled) => {
    const id = ++n;
    log.push(`start ${id}`);
    await new Promise<void>((resolve) => pending.push(resolve));
    log.push(`${id} ${(await settled(failed)) ? 'published' : 'voided'}`);
  }, DELAY);
  const release = async () => {
    pending.shift()?.();
    await flush();
  };
  return { r, log, release };
}

describe('Rebuilder', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] }));
  afterEach(() => vi.useRealTimers());

  it('starts building at the first change and publishes once the quiet spell has passed', async () => {
    const { r, log, release } = harness();
    r.poke();
    expect(log).toEqual(['start 1']); // no wait before the work begins
    await release();
    expect(log).toEqual(['start 1']); // the build is done, but the spell is not over
    await advance(DELAY);
    expect(log).toEqual(['start 1', '1 published']);
  });

  it('publishes at once when the build took longer than the spell', async () => {
    const { r, log, release } = harness();
    r.poke();
    await advance(DELAY * 3);
    await release();
    expect(log).toEqual(['start 1', '1 published']);
  });

  it('voids a build that a change overtook, and builds once more after the burst', async () => {
    const { r, log, release } = harness();
    r.poke();
    await advance(1);
    r.poke();
    r.poke();
    await release();
    expect(log).toEqual(['start 1', '1 voided']);
    // More changes while waiting for quiet push the next build back; none starts yet.
    await advance(DELAY - 1);
    r.poke();
    await advance(DELAY - 1);
    expect(log).toEqual(['start 1', '1 voided']);
    await advance(1);
    expect(log).toEqual(['start 1', '1 voided', 'start 2']);
    await release();
    expect(log).toEqual(['start 1', '1 voided', 'start 2', '2 published']);
  });

  it('voids a build whose change came during its quiet spell', async () => {
    const { r, log, release } = harness();
    r.poke();
    await release();
    await advance(DELAY - 2);
    r.poke(); // the second half of the same save
    await advance(2);
    expect(log).toEqual(['start 1', '1 voided']);
    await advance(DELAY);
    await release();
    await advance(DELAY);
    expect(log).toEqual(['start 1', '1 voided', 'start 2', '2 published']);
  });

  it('treats the first build (run) like any other: a change during it voids it', async () => {
    const { r, log, release } = harness();
    const first = r.run();
    expect(log).toEqual(['start 1']);
    expect(r.run()).toBe(first); // no second build beside it
    r.poke();
    await release();
    await first;
    expect(log).toEqual(['start 1', '1 voided']);
    await advance(DELAY);
    await release();
    expect(log).toEqual(['start 1', '1 voided', 'start 2', '2 published']);
  });

  it('holds a failed build back for a quiet spell of its own, so a half-saved file can finish', async () => {
    const { r, log, release } = harness(true);
    r.poke();
    await advance(DELAY * 3); // the spell after the change is long over
    await release();
    expect(log).toEqual(['start 1']);
    r.poke(); // the rest of the save
    await advance(DELAY);
    // Voided, and the next build starts as soon as the spell after that change is over.
    expect(log).toEqual(['start 1', '1 voided', 'start 2']);
  });

  it('publishes a failed build once its own spell passes quietly', async () => {
    const { r, log, release } = harness(true);
    r.poke();
    await advance(DELAY * 3);
    await release();
    await advance(DELAY);
    expect(log).toEqual(['start 1', '1 published']);
  });

  it('publishes nothing once stopped, and starts nothing after', async () => {
    const { r, log, release } = harness();
    r.poke();
    const stopped = r.stop();
    await release();
    await stopped;
    r.poke();
    await advance(DELAY * 2);
    expect(log).toEqual(['start 1', '1 voided']);
  });
});

describe('Rebuilder with a real file watcher', () => {
  it('sees a change that waited in the watcher while the build ran, even when the build outlasted the spell', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulletin-rebuilder-'));
    const file = path.join(dir, 'a.md');
    fs.writeFileSync(file, 'one');
    const results: boolean[] = [];
    let second = false;
    const r = new Rebuilder(async (settled) => {
      if (!second) {
        second = true;
        // The editor's second write lands while this build works without yielding, longer than the spell.
        fs.writeFileSync(file, 'two');
        const until = performance.now() + DELAY * 3;
        while (performance.now() < until);
      }
      results.push(await settled());
    }, DELAY);
    const watcher = fs.watch(dir, () => r.poke());
    try {
      fs.writeFileSync(file, 'one!');
      await vi.waitFor(() => expect(results).toEqual([false, true]), { timeout: 5000, interval: 20 });
    } finally {
      watcher.close();
      await r.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
