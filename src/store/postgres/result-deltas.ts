import { isGone } from '../../domain/endpoint-disabling.js';
import { healthDeltas } from '../../domain/endpoint-health.js';
import { statsDeltas } from '../../domain/endpoint-stats.js';
import { LATENCY_COLUMNS } from '../shared-stats.js';
import type { AttemptResult } from '../store.js';

/**
 * What a batch of results adds to its endpoints' health and rollups, appended as insert-only rows
 * (migration 015) inside the result transaction: no row another worker's results write is updated
 * there, so concurrent result transactions never wait on each other for them. fold-deltas.ts moves
 * them into endpoint_health and endpoint_stats.
 */

export const COUNT_COLUMNS = ['succeeded', 'retrying', 'failed', ...LATENCY_COLUMNS];

const HEALTH_COLUMNS = [
  ['endpoint_id', 'text'],
  ['app_id', 'text'],
  ['succeeded_at', 'bigint'],
  ['failures', 'int4'],
  ['first_failure_at', 'bigint'],
  ['last_error', 'text'],
  ['gone', 'bool'],
] as const;

const STATS_COLUMNS = [
  ['app_id', 'text'],
  ['endpoint_id', 'text'],
  ['resolution', 'text'],
  ['bucket_start', 'bigint'],
  ...COUNT_COLUMNS.map((c) => [c, 'bigint'] as const),
] as const;

/** How many parameters appendDeltas takes. */
export const DELTA_PARAMS = HEALTH_COLUMNS.length + STATS_COLUMNS.length;

const unnest = (columns: ReadonlyArray<readonly [string, string]>, first: number) =>
  `unnest(${columns.map(([, type], i) => `$${first + i}::${type}[]`).join(', ')})`;

/**
 * Two CTEs (health_added, stats_added) that append the deltas given as the parameters from
 * `first` on (deltaValues); they run whether or not the statement reads them.
 */
export const appendDeltas = (first: number) => `health_added AS (
    INSERT INTO endpoint_health_deltas (${HEALTH_COLUMNS.map(([c]) => c).join(', ')})
    SELECT * FROM ${unnest(HEALTH_COLUMNS, first)}),
  stats_added AS (
    INSERT INTO endpoint_stats_deltas (${STATS_COLUMNS.map(([c]) => c).join(', ')})
    SELECT * FROM ${unnest(STATS_COLUMNS, first + HEALTH_COLUMNS.length)})`;

/** The parameters of appendDeltas, and the endpoints that get a delta (those to fold). */
export function deltaValues(results: AttemptResult[]): {
  values: unknown[];
  endpointIds: string[];
} {
  const health = healthDeltas(results);
  const stats = statsDeltas(results);
  const gone = new Set(results.filter(isGone).map((r) => r.endpointId));
  return {
    values: [
      health.map((d) => d.endpointId),
      health.map((d) => d.appId),
      health.map((d) => d.succeededAt),
      health.map((d) => d.failures),
      health.map((d) => d.firstFailureAt),
      health.map((d) => (d.lastError === null ? null : JSON.stringify(d.lastError))),
      health.map((d) => gone.has(d.endpointId)),
      stats.map((d) => d.appId),
      stats.map((d) => d.endpointId),
      stats.map((d) => d.resolution),
      stats.map((d) => d.start),
      stats.map((d) => d.succeeded),
      stats.map((d) => d.retrying),
      stats.map((d) => d.failed),
      ...LATENCY_COLUMNS.map((_, i) => stats.map((d) => d.latency[i])),
    ],
    endpointIds: health.map((d) => d.endpointId),
  };
}
