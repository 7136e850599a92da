import type { EndpointHealthRecord, EndpointLastError } from '../domain/endpoint-health.js';
import { LATENCY_BUCKETS, type StatsCounts } from '../domain/endpoint-stats.js';

/** Rollup and health rows as both adapters read them (numbers already parsed). */

export const LATENCY_COLUMNS = Array.from({ length: LATENCY_BUCKETS }, (_, i) => `l${i}`);

/** `sum(l0) AS l0, …`, with a cast where the dialect's sum would widen the type. */
export const summedCounts = (cast = '') =>
  ['succeeded', 'retrying', 'failed', ...LATENCY_COLUMNS]
    .map((c) => `coalesce(sum(${c}), 0)${cast} AS ${c}`)
    .join(', ');

export type CountsRow = Record<string, number | string>;

export const toCounts = (r: CountsRow): StatsCounts => ({
  succeeded: Number(r.succeeded),
  retrying: Number(r.retrying),
  failed: Number(r.failed),
  latency: LATENCY_COLUMNS.map((c) => Number(r[c])),
});

export interface HealthRow {
  endpoint_id: string;
  app_id: string;
  consecutive_failures: number;
  failing_since: number | null;
  last_success_at: number | null;
  last_error: string | null;
}

export const toHealthRecord = (r: HealthRow): EndpointHealthRecord => ({
  endpointId: r.endpoint_id,
  appId: r.app_id,
  consecutiveFailures: Number(r.consecutive_failures),
  failingSince: r.failing_since === null ? null : Number(r.failing_since),
  lastSuccessAt: r.last_success_at === null ? null : Number(r.last_success_at),
  lastError: r.last_error === null ? null : (JSON.parse(r.last_error) as EndpointLastError),
});
