import { performance } from 'node:perf_hooks';

/**
 * Epoch milliseconds with sub-millisecond resolution. Comparable across processes on one machine
 * (each process anchors its monotonic clock to the same wall clock), which is what latency from
 * "acknowledged in the runner" to "arrived at the receiver" needs.
 */
export function epochNow(): number {
  return performance.timeOrigin + performance.now();
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
