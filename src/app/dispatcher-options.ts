import type { DispatcherOptions } from '../delivery/dispatcher.js';
import type { Config } from './config.js';

/** The dispatcher's settings from the configuration, wherever it runs (in process or its thread). */
export function dispatcherOptionsOf(
  config: Config,
  deps: { random?: () => number; systemClock: boolean },
): DispatcherOptions {
  const { random } = deps;
  return {
    batchSize: config.batchSize,
    maxInflight: config.maxInflight,
    leaseMs: config.leaseMs,
    pollMs: config.pollMs,
    cacheTtlMs: 1000,
    random,
    rateLimitWorkers: config.rateLimitWorkers,
    disableAfterMs: config.disableAfterMs,
    failingAfter: config.failingAfter,
    // Waiting on the store for work uses the store's clock: never with a fake one.
    parkClaims: deps.systemClock,
  };
}
