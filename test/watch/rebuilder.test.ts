// The rebuilder's contract: start at the first change, publish only after a quiet spell with no newer change,
// one more build for any number of changes during a build. Timers and the clock are vitest's fakes.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Rebuilder, type Settled } from '../../src/watch/rebuilder.js';

const DELAY = 5;

/** A rebuilder whose builds wait for `release()` before asking whether they may publish; logs what happened. */
function harness() {
  const log: string[] = [];
  const pending: Array<() => void> = [];
  let n = 0;
  const r = new Rebuilder(async (settled: Settled) => {
    const id = ++n;
    log.push(`start ${id}`);
    await new Promise<void>((resolve) => pending.push(resolve));
    log.push(`${id} ${(await settled()) ? 'published' : 'voided'}`);
  }, DELAY);
  const release = async () => {
    pending.shift()?.();
    await vi.advanceTimersByTimeAsync(0);
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
    await vi.advanceTimersByTimeAsync(DELAY);
    expect(log).toEqual(['start 1', '1 published']);
  });

  it('publishes at once when the build took longer than the spell', async () => {
    const { r, log, release } = harness();
    r.poke();
    await vi.advanceTimersByTimeAsync(DELAY * 3);
    await release();
    expect(log).toEqual(['start 1', '1 published']);
  });

  it('voids a build that a change overtook, and builds once more after the burst', async () => {
    const { r, log, release } = harness();
    r.poke();
    await vi.advanceTimersByTimeAsync(1);
    r.poke();
    r.poke();
    await release();
    expect(log).toEqual(['start 1', '1 voided']);
    // More changes while waiting for quiet push the next build back; none starts yet.
    await vi.advanceTimersByTimeAsync(DELAY - 1);
    r.poke();
    await vi.advanceTimersByTimeAsync(DELAY - 1);
    expect(log).toEqual(['start 1', '1 voided']);
    await vi.advanceTimersByTimeAsync(1);
    expect(log).toEqual(['start 1', '1 voided', 'start 2']);
    await release();
    expect(log).toEqual(['start 1', '1 voided', 'start 2', '2 published']);
  });

  it('voids a build whose change came during its quiet spell', async () => {
    const { r, log, release } = harness();
    r.poke();
    await release();
    await vi.advanceTimersByTimeAsync(DELAY - 2);
    r.poke(); // the second half of the same save
    await vi.advanceTimersByTimeAsync(2);
    expect(log).toEqual(['start 1', '1 voided']);
    await vi.advanceTimersByTimeAsync(DELAY);
    await release();
    await vi.advanceTimersByTimeAsync(DELAY);
    expect(log).toEqual(['start 1', '1 voided', 'start 2', '2 published']);
  });

  it('publishes nothing once stopped, and starts nothing after', async () => {
    const { r, log, release } = harness();
    r.poke();
    const stopped = r.stop();
    await release();
    await stopped;
    r.poke();
    await vi.advanceTimersByTimeAsync(DELAY * 2);
    expect(log).toEqual(['start 1', '1 voided']);
  });
});
