import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AttemptResult, RecordedResults, Store } from '../store/store.js';
import { systemClock } from '../lib/clock.js';
import { ResultWriter } from './result-writer.js';

const result = (deliveryId: number): AttemptResult => ({
  deliveryId,
  endpointId: 'ep_1',
  leaseToken: 't',
  attempt: null,
  outcome: 'succeeded',
  nextAttemptAt: null,
});

/** A store that only records which results each write carried. */
function recordingStore() {
  const writes: number[][] = [];
  const store = {
    recordAttempts: async (results: AttemptResult[]): Promise<RecordedResults> => {
      writes.push(results.map((r) => r.deliveryId));
      return { health: [], disabled: [], operational: 0 };
    },
  } as unknown as Store;
  return { store, writes };
}

/** Like recordingStore, but its first write lasts until `release()` is called. */
function firstWriteHeld() {
  const { store, writes } = recordingStore();
  let held: () => void = () => {};
  const wait = new Promise<void>((r) => (held = r));
  const slow = {
    recordAttempts: async (results: AttemptResult[]) => {
      const recorded = await store.recordAttempts(results, 0);
      if (writes.length === 1) await wait;
      return recorded;
    },
  } as unknown as Store;
  return { store: slow, writes, release: () => held() };
}

describe('ResultWriter', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('without a linger writes the first result at once, and what came meanwhile together', async () => {
    const { store, writes } = recordingStore();
    const writer = new ResultWriter(store, systemClock);
    const done = [writer.write(result(1)), writer.write(result(2)), writer.write(result(3))];
    await Promise.all(done);
    expect(writes).toEqual([[1], [2, 3]]);
  });

  it('with a linger, waits until the oldest result has waited that long', async () => {
    const { store, writes } = recordingStore();
    const writer = new ResultWriter(store, systemClock, {}, undefined, { lingerMs: 25 });
    const first = writer.write(result(1));
    await vi.advanceTimersByTimeAsync(10);
    const second = writer.write(result(2));
    await vi.advanceTimersByTimeAsync(14);
    expect(writes).toEqual([]); // 24 ms: still waiting
    await vi.advanceTimersByTimeAsync(1);
    await Promise.all([first, second]);
    expect(writes).toEqual([[1, 2]]);
  });

  it('does not linger for an urgent result: it goes with what waits', async () => {
    const { store, writes } = recordingStore();
    const writer = new ResultWriter(store, systemClock, {}, undefined, { lingerMs: 1000 });
    const first = writer.write(result(1));
    await vi.advanceTimersByTimeAsync(5);
    expect(writes).toEqual([]);
    await Promise.all([first, writer.write(result(2), true)]);
    expect(writes).toEqual([[1, 2]]);
    expect(vi.getTimerCount()).toBe(0); // the linger's timer is gone
  });

  it('does not linger once a batch is full', async () => {
    const { store, writes } = recordingStore();
    const writer = new ResultWriter(store, systemClock, {}, undefined, {
      lingerMs: 1000,
      maxBatch: 2,
    });
    const both = [writer.write(result(1)), writer.write(result(2))];
    await Promise.all(both);
    expect(writes).toEqual([[1, 2]]);
  });

  it('adds nothing under load: a result that waited through the last write goes at once', async () => {
    const { store: slow, writes, release } = firstWriteHeld();
    const writer = new ResultWriter(slow, systemClock, {}, undefined, { lingerMs: 25 });
    const first = writer.write(result(1));
    await vi.advanceTimersByTimeAsync(25); // the first write starts, and takes 40 ms
    const second = writer.write(result(2));
    await vi.advanceTimersByTimeAsync(40);
    release();
    await first;
    // The second result has waited 40 ms already: its write starts without lingering again.
    await vi.advanceTimersByTimeAsync(0);
    await second;
    expect(writes).toEqual([[1], [2]]);
  });

  it('writes a lone urgent result at once', async () => {
    const { store, writes } = recordingStore();
    const writer = new ResultWriter(store, systemClock, {}, undefined, { lingerMs: 1000 });
    await writer.write(result(1), true);
    expect(writes).toEqual([[1]]);
  });

  it('writes a full batch that queued during a write at once, and lingers for the rest', async () => {
    const { store: slow, writes, release } = firstWriteHeld();
    const writer = new ResultWriter(slow, systemClock, {}, undefined, {
      lingerMs: 1000,
      maxBatch: 2,
    });
    const done = [writer.write(result(1), true)];
    await vi.advanceTimersByTimeAsync(0);
    done.push(writer.write(result(2)), writer.write(result(3)), writer.write(result(4)));
    release();
    await vi.advanceTimersByTimeAsync(0);
    expect(writes).toEqual([[1], [2, 3]]);
    await vi.advanceTimersByTimeAsync(1000);
    await Promise.all(done);
    expect(writes).toEqual([[1], [2, 3], [4]]);
  });

  it('flush: what is queued is written without lingering further', async () => {
    const { store, writes } = recordingStore();
    const writer = new ResultWriter(store, systemClock, {}, undefined, { lingerMs: 1000 });
    writer.flush(); // nothing queued: nothing to do
    const first = writer.write(result(1));
    await vi.advanceTimersByTimeAsync(5);
    expect(writes).toEqual([]);
    writer.flush();
    await first;
    expect(writes).toEqual([[1]]);
  });
});
