import { randomBytes } from 'node:crypto';
import type { Message } from '../../domain/types.js';
import type { ClaimArgs, ClaimedDelivery } from '../store.js';
import type { Db } from './pool.js';
import { toDelivery, toMessage, type DeliveryRow } from './rows.js';

/**
 * One statement, one round trip. Claims due pending deliveries under a lease in two lanes, as Hook0
 * keeps them: first attempts (index deliveries_due_first) get up to half the claim, and everything
 * due, oldest first (mostly retries), fills the rest. So no backlog of retries keeps a new message
 * waiting, and no flood of new messages stops the retries; with only one kind due, it takes the
 * whole claim. What the claim has room for after that takes over in-flight deliveries whose lease
 * expired (their worker died or stalled). Every row locked is claimed, so FOR UPDATE SKIP LOCKED
 * still lets many workers claim side by side, each taking rows nobody else is taking and none
 * waiting. The rows come back with their messages, due ones first (by due time), then taken-over
 * ones (by lease); a message's payload comes only on its first row, so a message fanned out to ten
 * endpoints is read once.
 * Its commit does not wait for the WAL flush (synchronous_commit off for this statement's own
 * transaction only; the connection keeps its setting), as the SQLite store answers claims before
 * its sync: a claim lost in a crash leaves its delivery due again, and the result's commit flushes
 * it first anyway. The WAL is flushed by one backend at a time, so every commit that does wait (an
 * insert behind a 202) queued behind the claims' flushes.
 * $1 now, $2 limit, $3 lease until, $4 lease token, $5 excluded endpoint ids
 */
const CLAIM = `WITH async_commit AS MATERIALIZED (
    SELECT set_config('synchronous_commit', 'off', true)),
  first_lane AS (
    SELECT id, next_attempt_at AS sort_at FROM deliveries
    WHERE state = 'pending' AND attempts = 0 AND next_attempt_at <= $1
      AND endpoint_id <> ALL($5::text[])
    ORDER BY next_attempt_at, id
    LIMIT ($2::int + 1) / 2
    FOR UPDATE SKIP LOCKED),
  oldest_lane AS (
    SELECT id, next_attempt_at AS sort_at FROM deliveries
    WHERE state = 'pending' AND next_attempt_at <= $1 AND endpoint_id <> ALL($5::text[])
      AND id NOT IN (SELECT id FROM first_lane)
    ORDER BY next_attempt_at, id
    LIMIT $2::int - (SELECT count(*) FROM first_lane)
    FOR UPDATE SKIP LOCKED),
  expired_lane AS (
    SELECT id, lease_until AS sort_at FROM deliveries
    WHERE state = 'delivering' AND lease_until <= $1 AND endpoint_id <> ALL($5::text[])
    ORDER BY lease_until, id
    LIMIT $2::int - (SELECT count(*) FROM first_lane) - (SELECT count(*) FROM oldest_lane)
    FOR UPDATE SKIP LOCKED),
  picked AS (
    SELECT id, sort_at, 0 AS lane FROM first_lane
    UNION ALL SELECT id, sort_at, 0 FROM oldest_lane
    UNION ALL SELECT id, sort_at, 1 FROM expired_lane),
  claimed AS (
    UPDATE deliveries d SET state = 'delivering', lease_until = $3, lease_token = $4, updated_at = $1
    FROM picked, async_commit WHERE d.id = picked.id
    RETURNING d.*, picked.lane, picked.sort_at)
  SELECT c.*, m.event_type AS m_event_type,
    CASE WHEN row_number() OVER (PARTITION BY c.message_id ORDER BY c.id) = 1
      THEN m.payload END AS m_payload,
    m.idempotency_key AS m_idempotency_key, m.endpoint_id AS m_endpoint_id,
    m.ordering_key AS m_ordering_key, m.created_at AS m_created_at,
    m.payload_dropped_at AS m_payload_dropped_at, m.trace_context AS m_trace_context
  FROM claimed c JOIN messages m ON m.id = c.message_id
  ORDER BY c.lane, c.sort_at, c.id`;

interface ClaimRow extends DeliveryRow {
  m_event_type: string;
  /** Null on every row of a message but its first. */
  m_payload: string | null;
  m_idempotency_key: string | null;
  m_endpoint_id: string | null;
  m_ordering_key: string | null;
  m_created_at: number;
  m_payload_dropped_at: number | null;
  m_trace_context: string | null;
}

/** A claim is one atomic UPDATE: it commits on its own, nothing to hold open. */
export async function claimDue(
  db: Db,
  { now, limit, leaseMs, excludeEndpointIds }: ClaimArgs,
): Promise<ClaimedDelivery[]> {
  if (limit <= 0) return [];
  const leaseToken = randomBytes(12).toString('hex');
  const { rows } = await db.query<ClaimRow>({
    name: 'hl_claim',
    text: CLAIM,
    values: [now, limit, now + leaseMs, leaseToken, excludeEndpointIds ?? []],
  });
  // A claimed delivery whose message was deleted meanwhile is gone with it (the join drops it).
  const payloads = new Map<string, string>();
  for (const row of rows) if (row.m_payload !== null) payloads.set(row.message_id, row.m_payload);
  const messages = new Map<string, Message>();
  return rows.map((row) => {
    let message = messages.get(row.message_id);
    if (!message) {
      message = toMessage({
        id: row.message_id,
        app_id: row.app_id,
        event_type: row.m_event_type,
        payload: payloads.get(row.message_id)!,
        idempotency_key: row.m_idempotency_key,
        endpoint_id: row.m_endpoint_id,
        ordering_key: row.m_ordering_key,
        created_at: row.m_created_at,
        payload_dropped_at: row.m_payload_dropped_at,
        trace_context: row.m_trace_context,
      });
      messages.set(row.message_id, message);
    }
    return { delivery: toDelivery(row), message, leaseToken };
  });
}
