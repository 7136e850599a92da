import {
  applyHealthDelta,
  healthDeltas,
  type HealthTransition,
} from '../../domain/endpoint-health.js';
import { statsDeltas, type CountedResult } from '../../domain/endpoint-stats.js';
import { LATENCY_COLUMNS, toHealthRecord, type HealthRow } from '../shared-stats.js';
import type { Db } from './pool.js';

const COUNT_COLUMNS = ['succeeded', 'retrying', 'failed', ...LATENCY_COLUMNS];

/**
 * Adds deltas to their rollup rows, in the order given (sorted by key, so concurrent batches lock
 * rows in one order); rows of endpoints deleted meanwhile are skipped.
 * $1 app ids, $2 endpoint ids, $3 resolutions, $4 bucket starts, $5.. the counts
 */
const UPSERT_STATS = `INSERT INTO endpoint_stats (app_id, endpoint_id, resolution, bucket_start, ${COUNT_COLUMNS.join(', ')})
  SELECT r.* FROM unnest($1::text[], $2::text[], $3::text[], $4::bigint[],
    ${COUNT_COLUMNS.map((_, i) => `$${i + 5}::bigint[]`).join(', ')})
    AS r(app_id, endpoint_id, resolution, bucket_start, ${COUNT_COLUMNS.join(', ')})
  WHERE EXISTS (SELECT 1 FROM endpoints e WHERE e.id = r.endpoint_id)
  ON CONFLICT (endpoint_id, resolution, bucket_start) DO UPDATE SET
  ${COUNT_COLUMNS.map((c) => `${c} = endpoint_stats.${c} + excluded.${c}`).join(', ')}`;

/** The parameter after the rollups': the health rows' come from there. */
const H = COUNT_COLUMNS.length + 5;

/**
 * The health rows as computed under their lock, and the rollups, in one statement: both are rows
 * every result of an endpoint writes, so concurrent batches (another worker's) wait for them until
 * this transaction commits; written last and together, they are held for one round trip and the
 * commit instead of four.
 * $1.. as UPSERT_STATS, then endpoint ids, consecutive failures, failing since, last success, last
 * errors
 */
const WRITE_HEALTH_AND_STATS = `WITH health AS (
    UPDATE endpoint_health h SET consecutive_failures = r.failures,
      failing_since = r.since, last_success_at = r.success, last_error = r.error
    FROM unnest($${H}::text[], $${H + 1}::int4[], $${H + 2}::bigint[], $${H + 3}::bigint[], $${H + 4}::text[])
      AS r(endpoint_id, failures, since, success, error)
    WHERE h.endpoint_id = r.endpoint_id
    RETURNING 1
  ), stats AS (${UPSERT_STATS}
    RETURNING 1)
  SELECT (SELECT count(*) FROM health) + (SELECT count(*) FROM stats) AS n`;

/** Makes sure each endpoint has a health row to lock. $1 endpoint ids, $2 app ids */
const ENSURE_HEALTH = `INSERT INTO endpoint_health (endpoint_id, app_id)
  SELECT r.endpoint_id, r.app_id FROM unnest($1::text[], $2::text[]) AS r(endpoint_id, app_id)
  WHERE EXISTS (SELECT 1 FROM endpoints e WHERE e.id = r.endpoint_id)
  ON CONFLICT (endpoint_id) DO NOTHING`;

/**
 * Locks the rows, in endpoint id order, so that concurrent results do not lose each other's counts.
 * `ids` is the parameter of the endpoint ids.
 */
export const lockHealthRows = (ids: string) => `SELECT * FROM endpoint_health
  WHERE endpoint_id = ANY(${ids}::text[]) ORDER BY endpoint_id FOR UPDATE`;

const LOCK_HEALTH = lockHealthRows('$1');

async function lockHealth(db: Db, ids: string[]): Promise<HealthRow[]> {
  const { rows } = await db.query<HealthRow>({
    name: 'hl_lock_health',
    text: LOCK_HEALTH,
    values: [ids],
  });
  return rows;
}

/** The endpoints whose health rows the results change: the rows recordStats needs locked. */
export const healthIds = (results: CountedResult[]) =>
  healthDeltas(results).map((d) => d.endpointId);

/**
 * Rollups and health counters, in the transaction that records the results: the health rows are
 * locked and read (created first only for an endpoint that has none yet), then written with the
 * rollups in one statement. `locked`: the rows of healthIds(results) as a statement of this
 * transaction already locked them (lockHealthRows), which saves the round trip.
 */
export async function recordStats(
  db: Db,
  results: CountedResult[],
  locked?: HealthRow[],
): Promise<HealthTransition[]> {
  const deltas = statsDeltas(results);
  if (deltas.length === 0) return [];
  const health = healthDeltas(results);
  const ids = health.map((d) => d.endpointId);
  let rows = locked ?? (await lockHealth(db, ids));
  if (rows.length < ids.length) {
    // An endpoint's first results (or a deleted endpoint's, for which nothing is created).
    await db.query({
      name: 'hl_ensure_health',
      text: ENSURE_HEALTH,
      values: [ids, health.map((d) => d.appId)],
    });
    rows = await lockHealth(db, ids);
  }
  const current = new Map(rows.map((r) => [r.endpoint_id, toHealthRecord(r)]));
  const transitions: HealthTransition[] = [];
  for (const d of health) {
    const before = current.get(d.endpointId);
    if (!before) continue; // the endpoint was deleted
    transitions.push({ before, after: applyHealthDelta(before, d) });
  }
  const after = transitions.map((t) => t.after);
  await db.query({
    name: 'hl_write_health_stats',
    text: WRITE_HEALTH_AND_STATS,
    values: [
      deltas.map((d) => d.appId),
      deltas.map((d) => d.endpointId),
      deltas.map((d) => d.resolution),
      deltas.map((d) => d.start),
      deltas.map((d) => d.succeeded),
      deltas.map((d) => d.retrying),
      deltas.map((d) => d.failed),
      ...LATENCY_COLUMNS.map((_, i) => deltas.map((d) => d.latency[i])),
      after.map((h) => h.endpointId),
      after.map((h) => h.consecutiveFailures),
      after.map((h) => h.failingSince),
      after.map((h) => h.lastSuccessAt),
      after.map((h) => (h.lastError === null ? null : JSON.stringify(h.lastError))),
    ],
  });
  return transitions;
}
