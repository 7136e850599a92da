import type { Database } from 'better-sqlite3';
import type { Attempt } from '../../domain/types.js';
import type { AttemptOutcome, AttemptResult } from '../store.js';
import { ChunkedStatement } from './chunked-statement.js';
import { ATTEMPT_COLUMNS, pushAttemptValues } from './rows.js';
import { isGone, type DisabledEndpoint } from '../../domain/endpoint-disabling.js';
import { endpointsToDisable } from '../disable-rules.js';
import type { RecordedResults, RecordRules } from '../store.js';
import type { SqliteEndpoints } from './endpoint-queries.js';
import { SqliteStatsRecording } from './record-stats.js';
import type { SqliteSerialQueue } from './serial-queue.js';
import type { SqliteOutbox } from './operational-outbox.js';
import { DEFAULT_FAILING_AFTER, operationalDraftsOf } from '../../domain/operational-events.js';

type NewAttempt = Omit<Attempt, 'id'>;

/** How a result leaves its delivery: its outcome, or held (the receiver answered 410 Gone). */
type Landing = AttemptOutcome | 'held';

/** What a result sets besides the columns every outcome sets; `r` is the tuple of one result. */
const SET: Record<Landing, string> = {
  succeeded: "state = 'succeeded', next_attempt_at = NULL, last_error = NULL",
  retry: "state = 'pending', next_attempt_at = coalesce(r.next, @now), last_error = r.error",
  failed: "state = 'failed', next_attempt_at = NULL, last_error = r.error",
  held: "state = 'held', next_attempt_at = NULL, last_error = r.error",
};

/** A result applies only while its lease holds (same token); a finished one reports its endpoint. */
const updateSql = (outcome: Landing) => (tuples: string) => `
  WITH r(id, token, status, error, next) AS (VALUES ${tuples})
  UPDATE deliveries SET ${SET[outcome]}, attempts = attempts + 1, lease_until = NULL, lease_token = NULL,
    last_status = r.status, updated_at = @now
  FROM r WHERE deliveries.id = r.id AND deliveries.lease_token = r.token
  ${outcome === 'retry' ? '' : 'RETURNING deliveries.endpoint_id, deliveries.ordering_key'}`;

const pushResultValues = (r: AttemptResult, out: unknown[]): void => {
  const a = r.attempt;
  out.push(
    r.deliveryId,
    r.leaseToken,
    a?.statusCode ?? null,
    a?.errorMessage ?? r.note ?? null,
    r.nextAttemptAt ?? null,
  );
};

/**
 * Writes a batch of attempt results with a few multi-row statements: the attempts (kept only while
 * their delivery exists), then the deliveries per outcome, then one serial-queue step per endpoint
 * that finished a delivery.
 */
export class ResultRecording {
  private readonly attempts: ChunkedStatement<NewAttempt>;
  private readonly updates: Record<Landing, ChunkedStatement<AttemptResult>>;
  private readonly stats: SqliteStatsRecording;

  constructor(
    db: Database,
    private readonly serial: SqliteSerialQueue,
    private readonly endpoints: SqliteEndpoints,
    private readonly outbox: SqliteOutbox,
  ) {
    this.attempts = new ChunkedStatement(
      db,
      (tuples) => `INSERT INTO attempts (${ATTEMPT_COLUMNS})
      SELECT * FROM (VALUES ${tuples}) AS a WHERE EXISTS (SELECT 1 FROM deliveries WHERE id = a.column2)`,
      13,
      pushAttemptValues,
    );
    const update = (outcome: Landing) =>
      new ChunkedStatement(db, updateSql(outcome), 5, pushResultValues, outcome !== 'retry');
    this.updates = {
      succeeded: update('succeeded'),
      retry: update('retry'),
      failed: update('failed'),
      held: update('held'),
    };
    this.stats = new SqliteStatsRecording(db);
  }

  /**
   * Runs inside the caller's transaction (group commit); returns what the results changed in their
   * endpoints' health (rollups and counters are written in the same transaction) and the endpoints
   * they disabled (410 Gone, or failing for `disableAfterMs`); the operational events they make
   * go to the outbox in the same transaction.
   */
  record(results: AttemptResult[], now: number, rules: RecordRules = {}): RecordedResults {
    const attempts: NewAttempt[] = [];
    const byOutcome: Record<Landing, AttemptResult[]> = {
      succeeded: [],
      retry: [],
      failed: [],
      held: [],
    };
    // Results apply one by one in order: of two for the same lease only the first counts, so the
    // set-wise updates must not see the second.
    const leases = new Set<string>();
    for (const r of results) {
      if (r.attempt) attempts.push(r.attempt);
      const lease = `${r.deliveryId} ${r.leaseToken}`;
      if (leases.has(lease)) continue;
      leases.add(lease);
      byOutcome[isGone(r) ? 'held' : r.outcome].push(r);
    }
    this.attempts.run(attempts);
    this.updates.retry.run(byOutcome.retry, { now });
    // A finished delivery frees its line (serial endpoint, or key); once per line is enough.
    const finished = new Map<string, [endpointId: string, key: string | null]>();
    for (const outcome of ['succeeded', 'failed', 'held'] as const) {
      for (const [endpointId, key] of this.updates[outcome].rows(byOutcome[outcome], {
        now,
      }) as Array<[string, string | null]>)
        finished.set(`${endpointId}\n${key ?? ''}`, [endpointId, key]);
    }
    for (const [endpointId, key] of finished.values()) this.serial.advance(endpointId, key, now);
    const health = this.stats.record(results);
    const disabled: DisabledEndpoint[] = [];
    for (const { endpointId, reason } of endpointsToDisable(results, health, now, rules)) {
      const done = this.endpoints.disable(endpointId, reason, now);
      if (done) disabled.push(done);
    }
    // The operational events this makes are committed with it (transactional outbox).
    const drafts = operationalDraftsOf(
      { results, health, disabled },
      rules.failingAfter ?? DEFAULT_FAILING_AFTER,
    );
    const operational = this.outbox.write(drafts, now);
    return { health, disabled, operational };
  }
}
