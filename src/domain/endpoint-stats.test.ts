import { describe, expect, it } from 'vitest';
import {
  bucketStart,
  LATENCY_BUCKETS,
  latencyBucket,
  latencyPercentile,
  statsDeltas,
  successRate,
} from './endpoint-stats.js';

const histogram = (...ms: number[]) => {
  const out = new Array<number>(LATENCY_BUCKETS).fill(0);
  for (const m of ms) out[latencyBucket(m)]++;
  return out;
};

describe('endpoint stats rollups', () => {
  it('puts latencies in fixed buckets with inclusive upper bounds', () => {
    expect(latencyBucket(0)).toBe(0);
    expect(latencyBucket(5)).toBe(0);
    expect(latencyBucket(6)).toBe(1);
    expect(latencyBucket(30_000)).toBe(11);
    expect(latencyBucket(30_001)).toBe(12);
  });

  it('computes percentiles from the histogram, interpolated inside a bucket', () => {
    expect(latencyPercentile(histogram(), 0.5)).toBeNull();
    // 100 attempts in (50, 100]: the median is half way.
    expect(latencyPercentile(histogram(...new Array(100).fill(80)), 0.5)).toBe(75);
    // 90 fast and 10 slow: p50 is fast, p95 in the slow bucket.
    const mixed = histogram(...new Array(90).fill(3), ...new Array(10).fill(2000));
    expect(latencyPercentile(mixed, 0.5)).toBeLessThanOrEqual(5);
    expect(latencyPercentile(mixed, 0.95)).toBeGreaterThan(1000);
    expect(latencyPercentile(mixed, 0.95)).toBeLessThanOrEqual(2500);
    // Slower than the last bound: reported as the last bound.
    expect(latencyPercentile(histogram(60_000), 0.95)).toBe(30_000);
  });

  it('rounds times down to their minute and hour', () => {
    const t = Date.UTC(2026, 0, 1, 10, 37, 12, 345);
    expect(bucketStart(t, 'minute')).toBe(Date.UTC(2026, 0, 1, 10, 37));
    expect(bucketStart(t, 'hour')).toBe(Date.UTC(2026, 0, 1, 10));
  });

  it('adds up a batch per endpoint, resolution and bucket, skipping results without an attempt', () => {
    const at = Date.UTC(2026, 0, 1, 10, 0, 1);
    const attempt = (durationMs: number) => ({
      appId: 'app_1',
      at,
      durationMs,
      statusCode: 200,
      errorKind: null,
      errorMessage: null,
    });
    const deltas = statsDeltas([
      { endpointId: 'ep_b', outcome: 'succeeded', attempt: attempt(20) },
      { endpointId: 'ep_a', outcome: 'retry', attempt: attempt(20) },
      { endpointId: 'ep_a', outcome: 'failed', attempt: attempt(20) },
      { endpointId: 'ep_a', outcome: 'succeeded', attempt: null },
    ]);
    expect(
      deltas.map((d) => [d.endpointId, d.resolution, d.succeeded, d.retrying, d.failed]),
    ).toEqual([
      ['ep_a', 'hour', 0, 1, 1],
      ['ep_a', 'minute', 0, 1, 1],
      ['ep_b', 'hour', 1, 0, 0],
      ['ep_b', 'minute', 1, 0, 0],
    ]);
    expect(successRate(deltas[0])).toBe(0);
    expect(successRate({ succeeded: 0, retrying: 0, failed: 0, latency: [] })).toBeNull();
  });
});
