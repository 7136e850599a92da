import { collectDefaultMetrics, Registry } from 'prom-client';

let shared: Registry | null = null;

/**
 * The process metrics (CPU, memory, heap, handles, garbage collection, event-loop lag as
 * `nodejs_eventloop_lag_*`), collected once per process: they describe the process, not one app,
 * and each collector keeps a monitor running.
 */
export function processRegistry(): Registry {
  if (!shared) {
    shared = new Registry();
    collectDefaultMetrics({ register: shared });
  }
  return shared;
}
