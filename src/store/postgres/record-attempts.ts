import type pg from 'pg';
import type { Ordering } from '../../domain/types.js';
import { isGone } from '../../domain/endpoint-disabling.js';
import type { AttemptResult, RecordedResults, RecordRules } from '../store.js';
import { INSERT_ATTEMPT_ROWS, attemptArrays } from './attempt-queries.js';
import {
  READ_STATE,
  checkHeld,
  lockOrderingKeys,
  takeEndpointLocks,
  toStates,
  type EndpointState,
  type EndpointStateRow,
} from './endpoint-locks.js';
import { isConnectionError } from './connection-errors.js';
import { foldDeltas } from './fold-deltas.js';
import { withoutNul } from './rows.js';
import { appendDeltas, deltaValues } from './result-deltas.js';
import { promoteHeads, promoteKeyHeads, type KeyLine } from './serial-queue.js';
import type { Db } from './pool.js';
import { inTransaction, RetryTransaction, type TransactionOptions } from './transaction.js';
import type { Wake } from './wake-notify.js';
import { writeOutbox } from './operational-outbox.js';
import { DEFAULT_FAILING_AFTER, operationalDraftsOf } from '../../domain/operational-events.js';

/**
 * Locks the deliveries the results are for, in id order, and inserts the attempts of those still
 * there, in one statement; rows deleted meanwhile are simply absent. Locking first means a
 * concurrent app/endpoint delete either waits for these results (and then removes their attempts
 * too) or has already removed the rows (and we write nothing for them). It also reads the
 * results' endpoints as they are now that their locks are held (takeEndpointLocks ran before it,
 * so its snapshot is later), which saves a round trip.
 * $1..$13 the attempts' columns (attemptArrays), $14 the results' delivery ids, $15 their endpoint
 * ids
 */
const LOCK_AND_INSERT_ATTEMPTS = `WITH locked AS (
    SELECT id FROM deliveries WHERE id = ANY($14::bigint[]) ORDER BY id FOR UPDATE),
  added AS (${INSERT_ATTEMPT_ROWS}
    WHERE t.delivery_id IN (SELECT id FROM locked))
  SELECT array(SELECT id FROM locked) AS present,
    (SELECT coalesce(json_agg(e), '[]') FROM (${READ_STATE.replace('$1', '$15')}) e) AS endpoints`;

/**
 * Endpoints' ordering as last seen under their lock, per process: with it, locking a batch's
 * endpoints skips the read before the lock. A stale hint costs nothing wrong: lockEndpoints reads
 * the state again under the lock and restarts the transaction if an endpoint turned serial.
 */
const orderingHints = new Map<string, Ordering>();
const MAX_HINTS = 10_000;

function hintsFor(ids: string[]): Map<string, Ordering> | undefined {
  return ids.every((id) => orderingHints.has(id))
    ? new Map(ids.map((id) => [id, orderingHints.get(id)!]))
    : undefined;
}

/**
 * Takes the results' endpoint locks, then locks their deliveries and inserts the attempts; returns
 * the deliveries still there and the endpoints' state under the locks.
 */
async function lockAndInsert(
  db: Db,
  results: AttemptResult[],
): Promise<{ present: Set<number>; endpoints: Map<string, EndpointState> }> {
  const ids = [...new Set(results.map((r) => r.endpointId))];
  try {
    const held = await takeEndpointLocks(db, ids, 'by-ordering', hintsFor(ids));
    const attempts = results.flatMap((r) => (r.attempt ? [r.attempt] : []));
    const { rows } = await db.query<{ present: string[]; endpoints: EndpointStateRow[] }>({
      name: 'hl_lock_insert_attempts',
      text: LOCK_AND_INSERT_ATTEMPTS,
      values: [...attemptArrays(attempts), results.map((r) => r.deliveryId), ids],
    });
    const endpoints = toStates(rows[0]!.endpoints);
    checkHeld(held, endpoints);
    if (orderingHints.size > MAX_HINTS) orderingHints.clear();
    for (const e of endpoints.values()) orderingHints.set(e.id, e.ordering);
    return { present: new Set(rows[0]!.present.map(Number)), endpoints };
  } catch (error) {
    if (error instanceof RetryTransaction) for (const id of ids) orderingHints.delete(id);
    throw error;
  }
}

/**
 * Applies results whose lease token still holds; a stale token changes nothing. The same statement
 * appends what the results add to their endpoints' health and rollups (result-deltas.ts), which
 * saves a round trip.
 * $1 ids, $2 lease tokens, $3 new states, $4 next attempt times, $5 statuses, $6 errors, $7 now,
 * $8.. the deltas
 */
const APPLY_RESULTS = `WITH applied AS (
    UPDATE deliveries d SET state = r.state, attempts = d.attempts + 1, next_attempt_at = r.next,
      lease_until = NULL, lease_token = NULL, last_status = r.status, last_error = r.error, updated_at = $7
    FROM unnest($1::bigint[], $2::text[], $3::text[], $4::bigint[], $5::int4[], $6::text[])
      AS r(id, token, state, next, status, error)
    WHERE d.id = r.id AND d.lease_token = r.token
    RETURNING d.id, d.endpoint_id, d.ordering_key, d.state, d.next_attempt_at),
  ${appendDeltas(8)}
  SELECT coalesce(json_agg(a), '[]') AS changed FROM applied a`;

interface ChangedRow {
  id: number;
  endpoint_id: string;
  ordering_key: string | null;
  state: string;
  next_attempt_at: number | null;
}

const STATE = { succeeded: 'succeeded', retry: 'pending', failed: 'failed' } as const;

/** The delivery's state after a result: by its outcome, or held when the receiver answered 410. */
const stateAfter = (r: AttemptResult) => (isGone(r) ? 'held' : STATE[r.outcome]);

/** What the result transaction leaves to the fold. */
interface Appended {
  /** The endpoints it appended deltas for. */
  endpointIds: string[];
  /** message.attempt.exhausted events written to the outbox. */
  operational: number;
}

/**
 * A batch of results commits without waiting for the WAL flush: a crash of PostgreSQL that loses it
 * loses it whole, its deliveries stay claimed and are sent again when their leases expire
 * (at-least-once; a line's next delivery, promoted here, may have gone meanwhile, so the receiver
 * can see the earlier one again after it). No 202 waits on it, and every result's flush was one
 * more that an ingest commit behind a 202 queued behind (PostgreSQL flushes the WAL one backend at
 * a time).
 */
export const RESULTS_TRANSACTION: TransactionOptions = { asyncCommit: true };

/**
 * One transaction per batch (the dispatcher's group commit): attempts, then delivery states with
 * the batch's health and rollup deltas, then the next delivery of each line (serial endpoint, or
 * key of a per-key endpoint) whose head finished; the message.attempt.exhausted events go to the
 * outbox in the same transaction. Exported for tests (a node that stops before its fold).
 */
export function appendResults(
  pool: pg.Pool,
  results: AttemptResult[],
  now: number,
  wake: Wake,
): Promise<Appended> {
  return inTransaction(
    pool,
    async ({ db, afterCommit }) => {
      const { present, endpoints } = await lockAndInsert(db, results);
      const live = results.filter((r) => present.has(r.deliveryId));
      if (live.length === 0) return { endpointIds: [], operational: 0 };
      const deltas = deltaValues(live);
      const { rows } = await db.query<{ changed: ChangedRow[] }>({
        name: 'hl_apply_results',
        text: APPLY_RESULTS,
        values: [
          live.map((r) => r.deliveryId),
          live.map((r) => r.leaseToken),
          live.map(stateAfter),
          live.map((r) => (r.outcome === 'retry' && !isGone(r) ? (r.nextAttemptAt ?? now) : null)),
          live.map((r) => r.attempt?.statusCode ?? null),
          live.map((r) =>
            r.outcome === 'succeeded'
              ? null
              : withoutNul(r.attempt?.errorMessage ?? r.note ?? null),
          ),
          now,
          ...deltas.values,
        ],
      });
      const { changed } = rows[0]!;
      const finishedSerial = new Set(
        changed
          .filter((c) => c.state !== 'pending')
          .map((c) => endpoints.get(c.endpoint_id))
          .filter((e) => e !== undefined && e.ordering === 'serial' && !e.disabled)
          .map((e) => e!.id),
      );
      const finishedKeys: KeyLine[] = changed.flatMap((c) => {
        const e = endpoints.get(c.endpoint_id);
        return c.state !== 'pending' &&
          c.ordering_key !== null &&
          e?.ordering === 'per-key' &&
          !e.disabled
          ? [[c.endpoint_id, c.ordering_key] as const]
          : [];
      });
      await lockOrderingKeys(db, finishedKeys);
      const promoted =
        (await promoteHeads(db, [...finishedSerial], now)) +
        (await promoteKeyHeads(db, finishedKeys, now));
      if (
        promoted > 0 ||
        changed.some((c) => c.state === 'pending' && (c.next_attempt_at ?? Infinity) <= now)
      ) {
        afterCommit(wake);
      }
      // Deliveries that failed for good: committed with their results (transactional outbox). The
      // events of health changes come from the fold.
      const drafts = operationalDraftsOf(
        { results: live, health: [], disabled: [] },
        DEFAULT_FAILING_AFTER,
      );
      const operational = await writeOutbox(db, drafts, now);
      return { endpointIds: deltas.endpointIds, operational };
    },
    RESULTS_TRANSACTION,
  );
}

/**
 * Records a batch of results (appendResults), then folds its health and rollup deltas
 * (fold-deltas.ts); returns what the fold changed in the endpoints' health (with the results of
 * other nodes it took along, if any), the endpoints it disabled (410 Gone, or failing too long),
 * and the operational events both wrote. A fold that loses its connection leaves its deltas to
 * the next fold (reads add them meanwhile): the results are committed, so this does not fail then.
 */
export async function recordAttempts(
  pool: pg.Pool,
  results: AttemptResult[],
  now: number,
  wake: Wake,
  rules: RecordRules = {},
): Promise<RecordedResults> {
  if (results.length === 0) return { health: [], disabled: [], operational: 0 };
  const appended = await appendResults(pool, results, now, wake);
  if (appended.endpointIds.length === 0) return { health: [], disabled: [], operational: 0 };
  const folded = await foldDeltas(pool, appended.endpointIds, now, rules).catch((error) => {
    if (isConnectionError(error)) return null;
    throw error;
  });
  if (!folded) return { health: [], disabled: [], operational: appended.operational };
  return { ...folded, operational: folded.operational + appended.operational };
}
