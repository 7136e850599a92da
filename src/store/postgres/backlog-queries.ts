import type { Backlog } from '../store.js';
import type { Db } from './pool.js';

/**
 * The backlog for GET /metrics, in one statement (one snapshot). Each count reads at most $2 rows
 * of a partial index; an expired lease counts as due (its worker is gone). $1 now, $2 cap
 */
const BACKLOG = `SELECT
  (SELECT count(*) FROM (SELECT 1 FROM deliveries WHERE state = 'pending'
    AND next_attempt_at IS NOT NULL AND next_attempt_at <= $1 LIMIT $2) d)
  + (SELECT count(*) FROM (SELECT 1 FROM deliveries WHERE state = 'delivering'
    AND lease_until <= $1 LIMIT $2) e) AS due_now,
  (SELECT count(*) FROM (SELECT 1 FROM deliveries WHERE state = 'pending'
    AND next_attempt_at IS NOT NULL AND next_attempt_at > $1 LIMIT $2) w) AS waiting,
  (SELECT count(*) FROM (SELECT 1 FROM deliveries WHERE state = 'delivering'
    AND lease_until > $1 LIMIT $2) f) AS in_flight,
  (SELECT count(*) FROM (SELECT 1 FROM deliveries WHERE state = 'failed' LIMIT $2) x) AS failed,
  (SELECT least(
    (SELECT min(next_attempt_at) FROM deliveries WHERE state = 'pending' AND next_attempt_at IS NOT NULL),
    (SELECT min(lease_until) FROM deliveries WHERE state = 'delivering'))) AS oldest_due,
  (SELECT count(*) FROM endpoints WHERE disabled) AS disabled_endpoints,
  (SELECT count(DISTINCT endpoint_id) FROM (SELECT endpoint_id FROM deliveries
    WHERE state = 'pending' AND next_attempt_at > $1 AND attempts > 0 LIMIT $2) r) AS failing_endpoints`;

interface Row {
  due_now: string;
  waiting: string;
  in_flight: string;
  failed: string;
  oldest_due: string | null;
  disabled_endpoints: string;
  failing_endpoints: string;
}

export async function backlog(db: Db, now: number, cap: number): Promise<Backlog> {
  const { rows } = await db.query<Row>({ name: 'hl_backlog', text: BACKLOG, values: [now, cap] });
  const r = rows[0];
  const oldest = r.oldest_due === null ? null : Number(r.oldest_due);
  return {
    // Capped twice (pending and expired leases): keep the documented bound.
    dueNow: Math.min(cap, Number(r.due_now)),
    waiting: Number(r.waiting),
    inFlight: Number(r.in_flight),
    failed: Number(r.failed),
    oldestDueAt: oldest !== null && oldest <= now ? oldest : null,
    disabledEndpoints: Number(r.disabled_endpoints),
    failingEndpoints: Number(r.failing_endpoints),
  };
}
