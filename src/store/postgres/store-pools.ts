import type pg from 'pg';
import { createPool, type PoolSettings } from './pool.js';

/** The connections of one process, by what runs on them. */
export interface StorePools {
  /** Everything not below: the API's reads and writes, maintenance. */
  pool: pg.Pool;
  /** Where a group's one statement runs (message-batch.ts); `pool` when too few to split. */
  groups: pg.Pool;
  /** Groups written at once: one connection each. */
  groupsInFlight: number;
  /** The dispatcher's claims, results, folds and releases; `pool` when too few to split. */
  delivery: pg.Pool;
}

/**
 * Splits `dbPoolSize` three ways. The grouped inserts get a quarter (at least one), on connections
 * that plan their statement once (generic plans): with a custom plan per execution, PostgreSQL
 * spent about as much CPU planning the statement as running it for a group of ten, and most of it
 * for a group of one or two. Its parameters are only arrays to unnest, so no value changes the
 * best plan. Their own connections also keep the groups from queueing behind other queries.
 *
 * The dispatcher's statements get a third (at least two where that leaves one for everything else:
 * a claim and a result batch run side by side) on connections that never plan a sequential or bitmap scan where an index serves
 * (`deliveryPlans`). They address a few rows of large, churning tables by key; a plan made while
 * `deliveries` was small (a new database, or one the planner has no statistics for yet) joined
 * the claimed rows back with a sequential scan, and a prepared statement kept that plan as the
 * table grew, one scan of every live and dead row per claim and per result batch. Everything else
 * keeps the planner's own choices (the console's reads over many rows). A pool too small for a
 * share keeps one pool for it.
 */
export function storePools(settings: PoolSettings, onError: (error: Error) => void): StorePools {
  const size = settings.poolSize;
  const groupsInFlight = Math.max(1, Math.floor(size / 4));
  if (size <= groupsInFlight) {
    const pool = createPool(settings, onError);
    return { pool, groups: pool, groupsInFlight, delivery: pool };
  }
  const rest = size - groupsInFlight;
  const deliverySize = rest >= 2 ? Math.min(rest - 1, Math.max(2, Math.floor(size / 3))) : 0;
  const pool = createPool({ ...settings, poolSize: rest - deliverySize }, onError);
  return {
    pool,
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
    delivery:
      deliverySize === 0
        ? pool
        : createPool(
            {
              ...settings,
              poolSize: deliverySize,
              applicationName: `${settings.applicationName}-delivery`,
              deliveryPlans: true,
            },
            onError,
          ),
  };
}
