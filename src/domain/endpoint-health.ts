import { bucketStart, type CountedResult, type StatsCounts } from './endpoint-stats.js';

/**
 * An endpoint's running health: kept as attempt results are committed (one row per endpoint), never
 * computed by scanning attempts.
 */

export interface EndpointLastError {
  at: number;
  message: string;
  statusCode: number | null;
  kind: string | null;
}

/** The stored counters of one endpoint. */
export interface EndpointHealthRecord {
  endpointId: string;
  appId: string;
  /** Failed attempts since the last success. */
  consecutiveFailures: number;
  /** The first failure after the last success; null while healthy. */
  failingSince: number | null;
  lastSuccessAt: number | null;
  lastError: EndpointLastError | null;
}

/** The counters with the rolling windows the store sums from the rollups. */
export interface EndpointHealth extends EndpointHealthRecord {
  /** The current minute and the 59 before it. */
  lastHour: StatsCounts;
  /** The current hour and the 23 before it. */
  lastDay: StatsCounts;
}

export const HOUR_MS = 3_600_000;

/** Where the rolling windows start, for the store's sums. */
export const healthWindows = (now: number) => ({
  hourSince: bucketStart(now, 'minute') - 59 * 60_000,
  daySince: bucketStart(now, 'hour') - 23 * HOUR_MS,
});

export const healthyRecord = (appId: string, endpointId: string): EndpointHealthRecord => ({
  endpointId,
  appId,
  consecutiveFailures: 0,
  failingSince: null,
  lastSuccessAt: null,
  lastError: null,
});

/** What one batch of results changes in an endpoint's counters. */
export interface HealthDelta {
  appId: string;
  endpointId: string;
  /** The last success in the batch: counters restart from the failures after it. */
  succeededAt: number | null;
  /** Failures after the last success of the batch (all of them when none succeeded). */
  failures: number;
  /** The first of those failures. */
  firstFailureAt: number | null;
  lastError: EndpointLastError | null;
}

/** One delta per endpoint, in endpoint id order (concurrent writers lock rows in the same order). */
export function healthDeltas(results: CountedResult[]): HealthDelta[] {
  const byEndpoint = new Map<string, HealthDelta>();
  for (const r of results) {
    const a = r.attempt;
    if (!a) continue;
    let d = byEndpoint.get(r.endpointId);
    if (!d) {
      d = {
        appId: a.appId,
        endpointId: r.endpointId,
        succeededAt: null,
        failures: 0,
        firstFailureAt: null,
        lastError: null,
      };
      byEndpoint.set(r.endpointId, d);
    }
    if (r.outcome === 'succeeded') {
      d.succeededAt = Math.max(d.succeededAt ?? a.at, a.at);
      d.failures = 0;
      d.firstFailureAt = null;
    } else {
      d.failures++;
      d.firstFailureAt ??= a.at;
      d.lastError = {
        at: a.at,
        message: a.errorMessage ?? `HTTP ${a.statusCode}`,
        statusCode: a.statusCode,
        kind: a.errorKind,
      };
    }
  }
  return [...byEndpoint.keys()].sort().map((id) => byEndpoint.get(id)!);
}

/** The counters after a delta (what the store's upsert computes, for callers that need it). */
export function applyHealthDelta(
  before: EndpointHealthRecord,
  d: HealthDelta,
): EndpointHealthRecord {
  const restarted = d.succeededAt !== null;
  return {
    endpointId: before.endpointId,
    appId: before.appId,
    consecutiveFailures: restarted ? d.failures : before.consecutiveFailures + d.failures,
    failingSince: restarted ? d.firstFailureAt : (before.failingSince ?? d.firstFailureAt),
    lastSuccessAt: d.succeededAt ?? before.lastSuccessAt,
    lastError: d.lastError ?? before.lastError,
  };
}

/** What a batch of results changed in one endpoint's counters. */
export interface HealthTransition {
  before: EndpointHealthRecord;
  after: EndpointHealthRecord;
}
