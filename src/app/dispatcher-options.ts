import type { DispatcherOptions } from '../delivery/dispatcher.js';
import type { Config } from './config.js';

/** How long a PostgreSQL worker's results wait for others to share their write. */
export const POSTGRES_RESULT_LINGER_MS = 25;

/** The dispatcher's settings from the configuration, wherever it runs (in process or its thread). */
export function dispatcherOptionsOf(
  config: Config,
  deps: { random?: () => number; systemClock: boolean; dialect: 'sqlite' | 'postgres' },
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
    // A PostgreSQL batch of results is two transactions and about nine round trips whatever its
    // size; SQLite's store thread already commits results with every other write. Real time only.
    resultLingerMs: deps.dialect === 'postgres' && deps.systemClock ? POSTGRES_RESULT_LINGER_MS : 0,
  };
}
