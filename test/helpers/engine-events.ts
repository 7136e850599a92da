import type {
  EngineEventMap,
  EngineEventName,
  EngineEvents,
} from '../../src/delivery/engine-events.js';

export interface AwaitOptions {
  /** What the test waits for, in words, for the timeout's message (default: the predicate's code). */
  what?: string;
  /** A hang guard, not a timing check: the wait fails after this long (ms). */
  timeoutMs?: number;
}

export type AwaitNext = <K extends EngineEventName>(
  name: K,
  predicate?: (event: EngineEventMap[K]) => boolean,
  options?: AwaitOptions,
) => Promise<EngineEventMap[K]>;

/**
 * Waits on the dispatcher's events instead of polling or sleeping (graphile-worker's
 * `EventMonitor.awaitNext`). `awaitNext(name, predicate?)` resolves with the next `name` event the
 * predicate accepts, emitted after the call: start waiting before doing what causes the event.
 * A predicate may count across events (`(e) => (seen += e.deliveries.length) >= 3`).
 */
export function eventMonitor(events: EngineEvents): { awaitNext: AwaitNext } {
  return {
    awaitNext(name, predicate, options = {}) {
      const timeoutMs = options.timeoutMs ?? 10_000;
      return new Promise((resolve, reject) => {
        const settle = (done: () => void) => {
          clearTimeout(timer);
          unsubscribe();
          done();
        };
        const timer = setTimeout(() => {
          const what = options.what ?? (predicate ? `matching ${String(predicate)}` : '');
          const message = `awaitNext: no "${name}" event${what ? ` ${what}` : ''} within ${timeoutMs} ms`;
          settle(() => reject(new Error(message)));
        }, timeoutMs);
        const unsubscribe = events.on(name, (event) => {
          try {
            if (predicate && !predicate(event)) return;
          } catch (error) {
            return settle(() => reject(error)); // an expectation failing inside the predicate
          }
          settle(() => resolve(event));
        });
      });
    },
  };
}
