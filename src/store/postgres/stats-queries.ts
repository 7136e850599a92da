import {
  healthWindows,
  healthyRecord,
  type EndpointHealth,
  type EndpointHealthRecord,
} from '../../domain/endpoint-health.js';
import { emptyCounts, type StatsBucket } from '../../domain/endpoint-stats.js';
import {
  summedCounts,
  toCounts,
  toHealthRecord,
  type CountsRow,
  type HealthRow,
} from '../shared-stats.js';
import type { AppBacklog, StatsQuery } from '../store.js';
import { applyDeltas, type HealthDeltaRow } from './fold-deltas.js';
import type { Db } from './pool.js';
import { COUNT_COLUMNS } from './result-deltas.js';

const SUMS = summedCounts('::bigint');

/**
 * The rollups with the deltas not folded yet (fold-deltas.ts): reads see every committed result,
 * folded or not.
 */
const ROLLUPS = `(SELECT app_id, endpoint_id, resolution, bucket_start, ${COUNT_COLUMNS.join(', ')}
    FROM endpoint_stats
  UNION ALL SELECT app_id, endpoint_id, resolution, bucket_start, ${COUNT_COLUMNS.join(', ')}
    FROM endpoint_stats_deltas) s`;

/** Buckets of app $1 (endpoint $2, or all when null) at resolution $3 starting in [$4, $5). */
const SERIES = `SELECT bucket_start, ${SUMS} FROM ${ROLLUPS}
  WHERE app_id = $1 AND ($2::text IS NULL OR endpoint_id = $2) AND resolution = $3
    AND bucket_start >= $4 AND bucket_start < $5
  GROUP BY bucket_start ORDER BY bucket_start`;

/** The health deltas of endpoint e not folded yet, in id order. */
const PENDING = `(SELECT coalesce(json_agg(d ORDER BY d.id), '[]') FROM endpoint_health_deltas d
    WHERE d.endpoint_id = e.id) AS pending`;

/** Health rows of app $1's endpoints among $2 (a row, or none yet), with their pending deltas. */
const HEALTH = `SELECT e.id AS endpoint_id, h.app_id, h.consecutive_failures, h.failing_since,
    h.last_success_at, h.last_error, ${PENDING}
  FROM endpoints e LEFT JOIN endpoint_health h ON h.endpoint_id = e.id
  WHERE e.app_id = $1 AND e.id = ANY($2::text[])`;

/** Per endpoint among $1: sums at resolution $2 from $3. */
const WINDOW = `SELECT endpoint_id, ${SUMS} FROM ${ROLLUPS}
  WHERE endpoint_id = ANY($1::text[]) AND resolution = $2 AND bucket_start >= $3
  GROUP BY endpoint_id`;

/**
 * Candidates for app $1's $2 most failing endpoints: the first $2 + (endpoints with pending deltas)
 * by their folded counters, and those with pending deltas (which may change their place), with
 * their rows and pending deltas. The true first $2 are among them.
 */
const FAILING = `WITH pending AS (
    SELECT DISTINCT d.endpoint_id FROM endpoint_health_deltas d
    JOIN endpoints e ON e.id = d.endpoint_id WHERE e.app_id = $1),
  folded AS (
    SELECT endpoint_id FROM endpoint_health WHERE app_id = $1 AND consecutive_failures > 0
    ORDER BY consecutive_failures DESC, endpoint_id LIMIT $2 + (SELECT count(*) FROM pending))
  SELECT e.id AS endpoint_id, coalesce(h.app_id, e.app_id) AS app_id,
    coalesce(h.consecutive_failures, 0) AS consecutive_failures, h.failing_since,
    h.last_success_at, h.last_error, ${PENDING}
  FROM endpoints e LEFT JOIN endpoint_health h ON h.endpoint_id = e.id
  WHERE e.id IN (SELECT endpoint_id FROM pending UNION SELECT endpoint_id FROM folded)
  ORDER BY coalesce(h.consecutive_failures, 0) DESC, e.id`;

type PendingRow = HealthRow & { pending: HealthDeltaRow[] };

/** A row's counters with its pending deltas applied. */
function withPending(r: PendingRow, appId: string): EndpointHealthRecord {
  const folded = r.app_id === null ? healthyRecord(appId, r.endpoint_id) : toHealthRecord(r);
  return applyDeltas(folded, r.pending).at(-1)?.after ?? folded;
}

/** $1 app */
const BACKLOG = `SELECT count(*) FILTER (WHERE state = 'pending') AS pending,
    count(*) FILTER (WHERE state = 'delivering') AS delivering
  FROM deliveries WHERE app_id = $1 AND state IN ('pending', 'delivering')`;

export async function statsSeries(db: Db, q: StatsQuery): Promise<StatsBucket[]> {
  const { rows } = await db.query<CountsRow & { bucket_start: number }>({
    name: 'hl_stats_series',
    text: SERIES,
    values: [q.appId, q.endpointId ?? null, q.resolution, q.since, q.until],
  });
  return rows.map((r) => ({ start: Number(r.bucket_start), ...toCounts(r) }));
}

export async function endpointHealth(
  db: Db,
  appId: string,
  ids: string[],
  now: number,
): Promise<EndpointHealth[]> {
  const { rows } = await db.query<PendingRow>({
    name: 'hl_endpoint_health',
    text: HEALTH,
    values: [appId, [...new Set(ids)]],
  });
  const kept = rows
    .filter((r) => r.app_id !== null || r.pending.length > 0)
    .map((r) => r.endpoint_id);
  const { hourSince, daySince } = healthWindows(now);
  const sums = async (resolution: string, since: number) => {
    const result = await db.query<CountsRow & { endpoint_id: string }>({
      name: 'hl_health_window',
      text: WINDOW,
      values: [kept, resolution, since],
    });
    return new Map(result.rows.map((r) => [r.endpoint_id, toCounts(r)]));
  };
  const [hour, day] = kept.length
    ? [await sums('minute', hourSince), await sums('hour', daySince)]
    : [new Map(), new Map()];
  return rows.map((r) => ({
    ...withPending(r, appId),
    lastHour: hour.get(r.endpoint_id) ?? emptyCounts(),
    lastDay: day.get(r.endpoint_id) ?? emptyCounts(),
  }));
}

export async function failingEndpoints(db: Db, appId: string, limit: number): Promise<string[]> {
  const { rows } = await db.query<PendingRow>({
    name: 'hl_failing_endpoints',
    text: FAILING,
    values: [appId, limit],
  });
  return rows
    .map((r) => withPending(r, appId))
    .filter((h) => h.consecutiveFailures > 0)
    .sort((a, b) => b.consecutiveFailures - a.consecutiveFailures) // stable: ties keep id order
    .slice(0, limit)
    .map((h) => h.endpointId);
}

export async function backlog(db: Db, appId: string): Promise<AppBacklog> {
  const { rows } = await db.query<AppBacklog>({
    name: 'hl_backlog',
    text: BACKLOG,
    values: [appId],
  });
  return { pending: Number(rows[0].pending), delivering: Number(rows[0].delivering) };
}
