import type pg from 'pg';
import { createPool, type PoolSettings } from './pool.js';

/** The connections of one process: the shared pool, and the one its grouped inserts write on. */
export interface IngestPools {
  pool: pg.Pool;
  /** Where a group's one statement runs (message-batch.ts); the shared pool when too few to split. */
  groups: pg.Pool;
  /** Groups written at once: one connection each. */
  groupsInFlight: number;
}

/**
 * Splits `dbPoolSize` between the grouped inserts (a quarter, at least one) and everything else.
 * The group statement goes on connections of its own that plan it once (generic plans): with a
 * custom plan per execution, PostgreSQL spent about as much CPU planning the statement as running
 * it for a group of ten, and most of it for a group of one or two. Its parameters are only arrays
 * to unnest, so no value changes the best plan. Their own connections also keep the groups from
 * queueing behind other queries. A pool of one connection is not split.
 */
export function ingestPools(settings: PoolSettings, onError: (error: Error) => void): IngestPools {
  const groupsInFlight = Math.max(1, Math.floor(settings.poolSize / 4));
  if (settings.poolSize <= groupsInFlight) {
    const pool = createPool(settings, onError);
    return { pool, groups: pool, groupsInFlight };
  }
  return {
    pool: createPool({ ...settings, poolSize: settings.poolSize - groupsInFlight }, onError),
    groups: createPool(
      {
        ...settings,
        poolSize: groupsInFlight,
        applicationName: `${settings.applicationName}-ingest`,
        genericPlans: true,
      },
      onError,
    ),
    groupsInFlight,
  };
}
