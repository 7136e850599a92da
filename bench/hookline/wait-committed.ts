import type { Receiver } from '../receiver-client.js';
import { epochNow, sleep } from '../lib/timing.js';

/** Anything that can say how many deliveries are not committed yet (SQLite file, PostgreSQL). */
export interface Progress {
  remaining(): number | Promise<number>;
}

export interface WaitOptions {
  /** Throws when the system under test is gone. */
  assertAlive?: () => void;
  /** Give up after this long and report what was committed by then. */
  limitMs: number;
}

export interface Committed {
  /** Epoch ms at which the store was seen in this state. */
  at: number;
  /** 0 when everything was committed; otherwise the run hit `limitMs`. */
  remaining: number;
}

const STALL_MS = 60_000;

/**
 * Waits until `target` requests were answered 2xx at the receiver and the store shows nothing left
 * pending or in flight. The store is only read near the end (or when arrivals stop, e.g.
 * deliveries that ran out of attempts, or at the time limit), so polling does not take CPU from
 * the drain.
 */
export async function waitCommitted(
  receiver: Receiver,
  progress: Progress,
  target: number,
  options: WaitOptions,
): Promise<Committed> {
  const assertAlive = options.assertAlive ?? (() => {});
  const limitAt = epochNow() + options.limitMs;
  let lastOk = -1;
  let lastMove = epochNow();
  for (;;) {
    assertAlive();
    const reached = await receiver.waitForOk(target, 500).then(
      () => true,
      () => false,
    );
    if (reached) {
      const deadline = epochNow() + STALL_MS;
      while ((await progress.remaining()) > 0) {
        assertAlive();
        if (epochNow() > deadline)
          throw new Error(
            `all ${target} arrived but the store still shows uncommitted deliveries after ${STALL_MS / 1000} s`,
          );
        await sleep(5);
      }
      return { at: epochNow(), remaining: 0 };
    }
    if (epochNow() > limitAt) return { at: epochNow(), remaining: await progress.remaining() };
    const { ok } = await receiver.stats();
    if (ok !== lastOk) {
      lastOk = ok;
      lastMove = epochNow();
      continue;
    }
    if ((await progress.remaining()) === 0) return { at: epochNow(), remaining: 0 };
    if (epochNow() - lastMove > STALL_MS)
      throw new Error(
        `drain stalled: ${ok} of ${target} delivered, nothing new for ${STALL_MS / 1000} s`,
      );
  }
}
