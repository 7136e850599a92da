import type pg from 'pg';
import type { DisabledEndpoint } from '../../domain/endpoint-disabling.js';
import {
  applyHealthDelta,
  type EndpointHealthRecord,
  type HealthDelta,
  type HealthTransition,
} from '../../domain/endpoint-health.js';
import { DEFAULT_FAILING_AFTER, operationalDraftsOf } from '../../domain/operational-events.js';
import { endpointsToDisableOf } from '../disable-rules.js';
import { toHealthRecord, type HealthRow } from '../shared-stats.js';
import type { RecordedResults, RecordRules } from '../store.js';
import { disableEndpoint } from './endpoint-queries.js';
import { takeEndpointLocks } from './endpoint-locks.js';
import { writeOutbox } from './operational-outbox.js';
import type { Db } from './pool.js';
import { COUNT_COLUMNS } from './result-deltas.js';
import { inTransaction, type TransactionOptions } from './transaction.js';

/**
 * Folds the deltas results appended (result-deltas.ts) into endpoint_health and endpoint_stats, in
 * a short transaction of its own right after the result transaction commits. The health rows are
 * the fold's lock: folds of one endpoint take turns, each applying the deltas no other fold took,
 * in id order, to the row as the previous fold left it. Deleting the deltas and writing what they
 * add are one transaction, so a fold that dies changes nothing and the next one takes the same
 * deltas: none is lost or counted twice. Then it decides what the new counters cause, as the
 * result transaction used to: endpoints disabled (410 Gone, or failing too long) and the
 * operational events of health changes (endpoint.failing, .recovered, .disabled).
 *
 * Concurrent results of one endpoint (two workers) are folded in the order of their delta ids,
 * which is not necessarily their commit order: for attempts that ran at the same time either order
 * is as true. One worker's batches are always folded in their own order.
 */

/**
 * Locks the health rows of endpoints $1 and of every endpoint with deltas waiting (left by a node
 * that stopped between its results and its fold), in endpoint id order; takes those endpoints'
 * deltas and adds their rollup deltas to endpoint_stats (sorted by key, so concurrent folds lock
 * rows in one order). Returns the rows as locked, the health deltas taken (in id order), and the
 * endpoints with deltas but no health row yet (their first results).
 *
 * The delta tables churn (every row is deleted within milliseconds) and keep their dead rows until
 * autovacuum comes, up to a minute later. So every delta is reached through an index, never by a
 * scan of the table: the endpoints with deltas by one index probe each (`waiting`, a skip scan
 * that cannot be planned otherwise), the deltas by endpoint id, with index scans only
 * (FOLD_TRANSACTION). An index scan marks the entries of rows it finds dead, and later scans pass
 * them without reading the table.
 */
export const FOLD = `WITH RECURSIVE waiting AS (
    (SELECT endpoint_id FROM endpoint_health_deltas ORDER BY endpoint_id LIMIT 1)
    UNION ALL
    SELECT (SELECT d.endpoint_id FROM endpoint_health_deltas d
      WHERE d.endpoint_id > w.endpoint_id ORDER BY d.endpoint_id LIMIT 1)
    FROM waiting w WHERE w.endpoint_id IS NOT NULL),
  locked AS (
    SELECT * FROM endpoint_health
    WHERE endpoint_id = ANY($1::text[] || array(SELECT endpoint_id FROM waiting))
    ORDER BY endpoint_id FOR UPDATE),
  health AS (
    DELETE FROM endpoint_health_deltas
    WHERE endpoint_id = ANY(array(SELECT endpoint_id FROM locked))
    RETURNING *),
  stats AS (
    DELETE FROM endpoint_stats_deltas
    WHERE endpoint_id = ANY(array(SELECT endpoint_id FROM locked))
    RETURNING *),
  rolled AS (
    INSERT INTO endpoint_stats (app_id, endpoint_id, resolution, bucket_start, ${COUNT_COLUMNS.join(', ')})
    SELECT app_id, endpoint_id, resolution, bucket_start, ${COUNT_COLUMNS.map((c) => `sum(${c})`).join(', ')}
    FROM stats GROUP BY app_id, endpoint_id, resolution, bucket_start
    ORDER BY endpoint_id, resolution, bucket_start
    ON CONFLICT (endpoint_id, resolution, bucket_start) DO UPDATE SET
    ${COUNT_COLUMNS.map((c) => `${c} = endpoint_stats.${c} + excluded.${c}`).join(', ')})
  SELECT (SELECT coalesce(json_agg(l), '[]') FROM locked l) AS rows,
    (SELECT coalesce(json_agg(h ORDER BY h.id), '[]') FROM health h) AS deltas,
    array(SELECT w.endpoint_id FROM waiting w WHERE w.endpoint_id IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM endpoint_health h WHERE h.endpoint_id = w.endpoint_id))
      AS rowless`;

/** Makes sure each endpoint has a health row to lock. $1 endpoint ids */
const ENSURE_HEALTH = `INSERT INTO endpoint_health (endpoint_id, app_id)
  SELECT id, app_id FROM endpoints WHERE id = ANY($1::text[])
  ON CONFLICT (endpoint_id) DO NOTHING`;

/** $1 endpoint ids, $2 consecutive failures, $3 failing since, $4 last success, $5 last errors */
const WRITE_HEALTH = `UPDATE endpoint_health h SET consecutive_failures = r.failures,
    failing_since = r.since, last_success_at = r.success, last_error = r.error
  FROM unnest($1::text[], $2::int4[], $3::bigint[], $4::bigint[], $5::text[])
    AS r(endpoint_id, failures, since, success, error)
  WHERE h.endpoint_id = r.endpoint_id`;

/** A health delta row as appended (result-deltas.ts). */
export interface HealthDeltaRow {
  id: number;
  endpoint_id: string;
  app_id: string;
  succeeded_at: number | null;
  failures: number;
  first_failure_at: number | null;
  last_error: string | null;
  gone: boolean;
}

/** A delta row as the domain's delta (numbers parsed: JSON carries bigint as numbers). */
export const toHealthDelta = (r: HealthDeltaRow): HealthDelta => ({
  appId: r.app_id,
  endpointId: r.endpoint_id,
  succeededAt: r.succeeded_at === null ? null : Number(r.succeeded_at),
  failures: Number(r.failures),
  firstFailureAt: r.first_failure_at === null ? null : Number(r.first_failure_at),
  lastError: r.last_error === null ? null : JSON.parse(r.last_error),
});

/** A row with its deltas applied in order, and each step. */
export function applyDeltas(
  before: EndpointHealthRecord,
  deltas: readonly HealthDeltaRow[],
): HealthTransition[] {
  const steps: HealthTransition[] = [];
  let current = before;
  for (const d of deltas) {
    const after = applyHealthDelta(current, toHealthDelta(d));
    steps.push({ before: current, after });
    current = after;
  }
  return steps;
}

async function takeDeltas(db: Db, ids: string[]) {
  const { rows } = await db.query<{
    rows: HealthRow[];
    deltas: HealthDeltaRow[];
    rowless: string[];
  }>({
    name: 'hl_fold_deltas',
    text: FOLD,
    values: [ids],
  });
  return rows[0]!;
}

/**
 * The fold inside the caller's transaction: `ids` the endpoints whose deltas must be taken now
 * (a batch's); waiting deltas of other endpoints come along. Returns what results commonly return.
 */
export async function foldInTransaction(
  db: Db,
  ids: string[],
  now: number,
  rules: RecordRules,
): Promise<RecordedResults> {
  const taken = await takeDeltas(db, ids);
  let { rows, deltas } = taken;
  const locked = new Set(rows.map((r) => r.endpoint_id));
  const missing = [...new Set([...ids, ...taken.rowless])].filter((id) => !locked.has(id));
  if (missing.length > 0) {
    // An endpoint's first results: its health row is made, then locked and folded like others.
    await db.query({ name: 'hl_ensure_health', text: ENSURE_HEALTH, values: [missing] });
    const more = await takeDeltas(db, missing);
    // Rows locked by both statements are unchanged in between (nothing was written yet).
    rows = [...new Map([...rows, ...more.rows].map((r) => [r.endpoint_id, r])).values()];
    deltas = [...deltas, ...more.deltas].sort((a, b) => Number(a.id) - Number(b.id));
  }
  const byEndpoint = new Map<string, HealthDeltaRow[]>();
  for (const d of deltas)
    byEndpoint.set(d.endpoint_id, [...(byEndpoint.get(d.endpoint_id) ?? []), d]);
  const health: HealthTransition[] = [];
  const last: HealthTransition[] = [];
  const gone: string[] = [];
  for (const row of [...rows].sort((a, b) => (a.endpoint_id < b.endpoint_id ? -1 : 1))) {
    const mine = byEndpoint.get(row.endpoint_id);
    if (!mine) continue;
    const steps = applyDeltas(toHealthRecord(row), mine);
    health.push(...steps);
    last.push({ before: steps[0]!.before, after: steps[steps.length - 1]!.after });
    if (mine.some((d) => d.gone)) gone.push(row.endpoint_id);
  }
  if (last.length === 0) return { health: [], disabled: [], operational: 0 };
  const after = last.map((t) => t.after);
  await db.query({
    name: 'hl_write_health',
    text: WRITE_HEALTH,
    values: [
      after.map((h) => h.endpointId),
      after.map((h) => h.consecutiveFailures),
      after.map((h) => h.failingSince),
      after.map((h) => h.lastSuccessAt),
      after.map((h) => (h.lastError === null ? null : JSON.stringify(h.lastError))),
    ],
  });
  const toDisable = endpointsToDisableOf(gone, last, now, rules);
  const disabled: DisabledEndpoint[] = [];
  if (toDisable.length > 0) {
    // Disabling holds the endpoint's waiting deliveries: it changes which one is active.
    await takeEndpointLocks(
      db,
      toDisable.map((d) => d.endpointId),
      'exclusive',
    );
    for (const { endpointId, reason } of toDisable) {
      const done = await disableEndpoint(db, endpointId, reason, now);
      if (done) disabled.push(done);
    }
  }
  const drafts = operationalDraftsOf(
    { results: [], health, disabled },
    rules.failingAfter ?? DEFAULT_FAILING_AFTER,
  );
  const operational = await writeOutbox(db, drafts, now);
  return { health, disabled, operational };
}

/**
 * The fold's transaction: committed without waiting for the WAL flush (the health rows are held for
 * a few round trips, never for an fsync), and planned without sequential scans, which would read
 * every dead delta (see FOLD).
 */
export const FOLD_TRANSACTION: TransactionOptions = { asyncCommit: true, indexScans: true };

/**
 * Folds in a transaction of its own (FOLD_TRANSACTION). A crash may lose a fold whole, never half:
 * its deltas are then still there for the next fold, and anything that depended on the fold
 * durably (a message made from its outbox rows) committed after it, which flushes it too.
 */
export function foldDeltas(
  pool: pg.Pool,
  ids: string[],
  now: number,
  rules: RecordRules,
): Promise<RecordedResults> {
  return inTransaction(pool, ({ db }) => foldInTransaction(db, ids, now, rules), FOLD_TRANSACTION);
}
