/**
 * Delivery statistics kept as rollups: per endpoint, per minute and per hour, counts by outcome and a
 * fixed-bucket latency histogram, so time series and p50/p95 never scan the attempts.
 */

/** Upper bounds (ms, inclusive) of the latency buckets; one more bucket holds everything slower. */
export const LATENCY_BOUNDS_MS = [5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10_000, 30_000];
export const LATENCY_BUCKETS = LATENCY_BOUNDS_MS.length + 1;

/** The parts of an attempt result (store.ts `AttemptResult`) that statistics read. */
export interface CountedResult {
  endpointId: string;
  outcome: 'succeeded' | 'retry' | 'failed';
  attempt: {
    appId: string;
    at: number;
    durationMs: number;
    statusCode: number | null;
    errorKind: string | null;
    errorMessage: string | null;
  } | null;
}

export type StatsResolution = 'minute' | 'hour';
export const RESOLUTION_MS: Record<StatsResolution, number> = {
  minute: 60_000,
  hour: 3_600_000,
};

/** Attempts counted in one bucket: succeeded, failed with a retry to come, failed for good. */
export interface StatsCounts {
  succeeded: number;
  retrying: number;
  failed: number;
  /** Attempts per latency bucket (LATENCY_BOUNDS_MS). */
  latency: number[];
}

export interface StatsBucket extends StatsCounts {
  /** Start of the bucket, epoch ms. */
  start: number;
}

/** What one batch of results adds to one rollup row. */
export interface StatsDelta extends StatsCounts {
  appId: string;
  endpointId: string;
  resolution: StatsResolution;
  start: number;
}

export const emptyCounts = (): StatsCounts => ({
  succeeded: 0,
  retrying: 0,
  failed: 0,
  latency: new Array<number>(LATENCY_BUCKETS).fill(0),
});

export function latencyBucket(ms: number): number {
  const i = LATENCY_BOUNDS_MS.findIndex((bound) => ms <= bound);
  return i === -1 ? LATENCY_BOUNDS_MS.length : i;
}

export const bucketStart = (at: number, resolution: StatsResolution): number =>
  at - (((at % RESOLUTION_MS[resolution]) + RESOLUTION_MS[resolution]) % RESOLUTION_MS[resolution]);

export function addCounts(into: StatsCounts, from: StatsCounts): StatsCounts {
  into.succeeded += from.succeeded;
  into.retrying += from.retrying;
  into.failed += from.failed;
  for (let i = 0; i < LATENCY_BUCKETS; i++) into.latency[i] += from.latency[i] ?? 0;
  return into;
}

/**
 * The rollup rows a batch of results adds to, minute and hour, one delta per row (sorted, so that
 * concurrent writers touch rows in the same order). Only results with an attempt count: a format
 * that skipped the event, or a message that could not be rendered, says nothing about the endpoint.
 */
export function statsDeltas(results: CountedResult[]): StatsDelta[] {
  const rows = new Map<string, StatsDelta>();
  for (const r of results) {
    const a = r.attempt;
    if (!a) continue;
    for (const resolution of ['minute', 'hour'] as const) {
      const start = bucketStart(a.at, resolution);
      const key = `${r.endpointId} ${resolution} ${start}`;
      let row = rows.get(key);
      if (!row) {
        row = { appId: a.appId, endpointId: r.endpointId, resolution, start, ...emptyCounts() };
        rows.set(key, row);
      }
      if (r.outcome === 'succeeded') row.succeeded++;
      else if (r.outcome === 'retry') row.retrying++;
      else row.failed++;
      row.latency[latencyBucket(a.durationMs)]++;
    }
  }
  return [...rows.keys()].sort().map((key) => rows.get(key)!);
}

/**
 * The latency below which `p` (0..1) of the attempts fall, interpolated inside its bucket; null when
 * nothing was counted. The slowest bucket has no upper bound: its lower bound is reported.
 */
export function latencyPercentile(latency: number[], p: number): number | null {
  const total = latency.reduce((a, b) => a + b, 0);
  if (total === 0) return null;
  const rank = p * total;
  let seen = 0;
  for (let i = 0; i < latency.length; i++) {
    const n = latency[i];
    if (n === 0) continue;
    if (seen + n >= rank) {
      const low = i === 0 ? 0 : LATENCY_BOUNDS_MS[i - 1];
      if (i >= LATENCY_BOUNDS_MS.length) return low;
      const high = LATENCY_BOUNDS_MS[i];
      return Math.round(low + ((high - low) * (rank - seen)) / n);
    }
    seen += n;
  }
  return LATENCY_BOUNDS_MS[LATENCY_BOUNDS_MS.length - 1];
}

/** Share of attempts that succeeded, 0..1; null when there were none. */
export function successRate(c: StatsCounts): number | null {
  const total = c.succeeded + c.retrying + c.failed;
  return total === 0 ? null : c.succeeded / total;
}
