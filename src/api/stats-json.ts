import type { EndpointHealth, EndpointLastError } from '../domain/endpoint-health.js';
import {
  addCounts,
  emptyCounts,
  latencyPercentile,
  successRate,
  type StatsBucket,
  type StatsCounts,
} from '../domain/endpoint-stats.js';

const iso = (ms: number) => new Date(ms).toISOString();
const isoOrNull = (ms: number | null) => (ms === null ? null : iso(ms));

/** Counts as the API shows them: with attempts, success rate and latency percentiles. */
export const figuresJson = (c: StatsCounts) => ({
  attempts: c.succeeded + c.retrying + c.failed,
  succeeded: c.succeeded,
  retrying: c.retrying,
  failed: c.failed,
  successRate: successRate(c),
  latencyP50Ms: latencyPercentile(c.latency, 0.5),
  latencyP95Ms: latencyPercentile(c.latency, 0.95),
});

export const lastErrorJson = (e: EndpointLastError | null) =>
  e === null ? null : { at: iso(e.at), message: e.message, statusCode: e.statusCode, kind: e.kind };

export const healthJson = (h: EndpointHealth) => ({
  consecutiveFailures: h.consecutiveFailures,
  failingSince: isoOrNull(h.failingSince),
  lastSuccessAt: isoOrNull(h.lastSuccessAt),
  lastError: lastErrorJson(h.lastError),
  lastHour: figuresJson(h.lastHour),
  lastDay: figuresJson(h.lastDay),
});

/** Every bucket of [since, until) in order, zeros where the rollups have none, and the totals. */
export function seriesJson(buckets: StatsBucket[], since: number, until: number, stepMs: number) {
  const byStart = new Map(buckets.map((b) => [b.start, b]));
  const series = [];
  const totals = emptyCounts();
  for (let start = since; start < until; start += stepMs) {
    const b = byStart.get(start) ?? emptyCounts();
    addCounts(totals, b);
    series.push({ start: iso(start), ...figuresJson(b) });
  }
  return { series, totals: figuresJson(totals) };
}
