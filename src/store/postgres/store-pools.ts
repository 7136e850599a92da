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
  /** The dispatcher's claims, results, folds and releases; `pool` when not split. */
  delivery: pg.Pool;
}

/** Connections left to everything else at least, where the dispatcher gets its own. */
const MIN_REST = 2;
/** The dispatcher's own connections at least: a claim and a result batch run side by side. */
const MIN_DELIVERY = 2;

/**
 * Splits `dbPoolSize` by what runs on the connections. The grouped inserts get a quarter (at least
 * one), on connections that plan their statement once (generic plans): with a custom plan per
 * execution, PostgreSQL spent about as much CPU planning the statement as running it for a group
 * of ten, and most of it for a group of one or two. Its parameters are only arrays to unnest, so no
 * value changes the best plan. Their own connections also keep the groups from queueing behind
 * other queries.
 *
 * In a process that runs a dispatcher (`delivers`), its statements get a third (at least two, and
 * only where two are left for everything else) on connections that never plan a sequential or
 * bitmap scan where an index serves (`indexScansOnly`) and plan each statement once
 * (`genericPlans`). They address a few rows of large, churning tables by key; a plan made while
 * `deliveries` was small (a new database, or one the planner has no statistics for yet) joined
 * the claimed rows back with a sequential scan, and a prepared statement kept that plan as the
 * table grew, one scan of every live and dead row per claim and per result batch. With index scans
 * only, no value of theirs calls for another plan, and planning anew each time (PostgreSQL's
 * choice for two of them) cost more than running them at a few hundred messages a second.
 * Everything else keeps the planner's own choices (the console's reads over many rows). Pools open connections only as they are needed; the split bounds each share.
 */
export function storePools(
  settings: PoolSettings,
  onError: (error: Error) => void,
  { delivers }: { delivers: boolean },
): StorePools {
  const size = settings.poolSize;
  const groupsInFlight = Math.max(1, Math.floor(size / 4));
  if (size <= groupsInFlight) {
    const pool = createPool(settings, onError);
    return { pool, groups: pool, groupsInFlight, delivery: pool };
  }
  const rest = size - groupsInFlight;
  const deliverySize =
    delivers && rest >= MIN_DELIVERY + MIN_REST
      ? Math.min(rest - MIN_REST, Math.max(MIN_DELIVERY, Math.floor(size / 3)))
      : 0;
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
              indexScansOnly: true,
              genericPlans: true,
            },
            onError,
          ),
  };
}
