import { describe, expect, it } from 'vitest';
import { measureMetricsOverhead } from '../../bench/hookline/metrics-overhead.js';

/**
 * The metrics-overhead scenario wraps a stand-in store with the store metrics: when the metrics
 * time a new Store method, the stand-in must have it too, or `npm run bench` fails at that step.
 */
describe('bench: metrics overhead scenario', () => {
  it('runs against the current store metrics (few iterations, no timing checked)', async () => {
    const result = await measureMetricsOverhead(100);
    expect(result.status).toBe('ok');
  });
});
