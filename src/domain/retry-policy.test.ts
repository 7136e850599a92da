import { describe, expect, it } from 'vitest';
import { DAY, HOUR, MINUTE, SECOND } from '../lib/durations.js';
import { decide } from './attempt-outcome.js';
import {
  DEFAULT_RETRY_POLICY,
  DEFAULT_TIMEOUT_MS,
  MAX_RETRY_AFTER_MS,
  nextWait,
  parseRetryAfter,
  resolveSchedule,
  withJitter,
  type RetrySchedule,
} from './retry-policy.js';
import type { RetryPolicy } from './types.js';

const NOW = Date.UTC(2026, 0, 1, 12, 0, 0);
const exact = () => 0.5; // jitter factor 0.9 + 0.2 * 0.5 = 1

/** Fails every attempt through `decide` until it gives up: the waits it scheduled, and the attempt count. */
function runToExhaustion(schedule: RetrySchedule): { attempts: number; waits: number[] } {
  const waits: number[] = [];
  let now = NOW;
  for (let previous = 0; ; previous++) {
    const d = decide(
      {
        previousAttempts: previous,
        statusCode: 500,
        succeeded: false,
        retryAfterHeader: undefined,
      },
      schedule,
      now,
      exact,
    );
    if (d.outcome === 'failed') return { attempts: previous + 1, waits };
    expect(d.outcome).toBe('retry');
    waits.push(d.nextAttemptAt! - now);
    now = d.nextAttemptAt!;
  }
}

describe('retry presets (the issue table)', () => {
  it('exponential: 3 tries, 3 s timeout, 10^n s after attempt n', () => {
    const s = resolveSchedule({ preset: 'exponential' });
    expect(s.maxAttempts).toBe(3);
    expect(s.timeoutMs).toBe(3 * SECOND);
    expect(runToExhaustion(s)).toEqual({ attempts: 3, waits: [10 * SECOND, 100 * SECOND] });
  });

  it('exponential waits are capped at 100 000 s', () => {
    const s = resolveSchedule({ preset: 'exponential' });
    expect(s.waitAfter(4)).toBe(10_000 * SECOND);
    expect(s.waitAfter(5)).toBe(100_000 * SECOND);
    expect(s.waitAfter(6)).toBe(100_000 * SECOND);
    expect(s.waitAfter(9)).toBe(100_000 * SECOND);
  });

  it('routee: initial + 12 retries, 2 s timeout, 30 s ... 24 h', () => {
    const s = resolveSchedule({ preset: 'routee' });
    expect(s.maxAttempts).toBe(13);
    expect(s.timeoutMs).toBe(2 * SECOND);
    expect(runToExhaustion(s)).toEqual({
      attempts: 13,
      waits: [
        30 * SECOND,
        MINUTE,
        2 * MINUTE,
        5 * MINUTE,
        10 * MINUTE,
        15 * MINUTE,
        30 * MINUTE,
        HOUR,
        2 * HOUR,
        4 * HOUR,
        8 * HOUR,
        DAY,
      ],
    });
  });

  it('guaranteed: 20 tries, default timeout, a growing backoff capped at 1 h', () => {
    const s = resolveSchedule({ preset: 'guaranteed' });
    expect(s.maxAttempts).toBe(20);
    expect(s.timeoutMs).toBe(DEFAULT_TIMEOUT_MS);
    const { attempts, waits } = runToExhaustion(s);
    expect(attempts).toBe(20);
    expect(waits).toHaveLength(19);
    // 5 s doubling: 5, 10, 20, 40 s, ... then held at 1 h.
    expect(waits.slice(0, 4)).toEqual([5 * SECOND, 10 * SECOND, 20 * SECOND, 40 * SECOND]);
    for (let i = 1; i < waits.length; i++) expect(waits[i]).toBeGreaterThanOrEqual(waits[i - 1]);
    expect(Math.max(...waits)).toBe(HOUR);
    expect(waits[waits.length - 1]).toBe(HOUR);
  });

  it('single: one try, nothing scheduled after it', () => {
    const s = resolveSchedule({ preset: 'single' });
    expect(s.maxAttempts).toBe(1);
    expect(s.timeoutMs).toBe(DEFAULT_TIMEOUT_MS);
    expect(runToExhaustion(s)).toEqual({ attempts: 1, waits: [] });
  });

  it('standard: 8 tries: immediately, 5 s, 5 m, 30 m, 2 h, 5 h, 10 h, 10 h', () => {
    const s = resolveSchedule({ preset: 'standard' });
    expect(s.maxAttempts).toBe(8);
    expect(s.timeoutMs).toBe(DEFAULT_TIMEOUT_MS);
    expect(runToExhaustion(s)).toEqual({
      attempts: 8,
      waits: [5 * SECOND, 5 * MINUTE, 30 * MINUTE, 2 * HOUR, 5 * HOUR, 10 * HOUR, 10 * HOUR],
    });
  });

  it('the default policy is standard with a 15 s timeout', () => {
    expect(DEFAULT_RETRY_POLICY).toEqual({ preset: 'standard' });
    expect(DEFAULT_TIMEOUT_MS).toBe(15 * SECOND);
  });

  it('custom: the given waits, attempts = waits + 1', () => {
    const policy: RetryPolicy = { preset: 'custom', waitsMs: [100, 2000, 0, 7 * MINUTE] };
    const s = resolveSchedule(policy);
    expect(s.maxAttempts).toBe(5);
    expect(s.timeoutMs).toBe(DEFAULT_TIMEOUT_MS);
    expect(runToExhaustion(s)).toEqual({ attempts: 5, waits: [100, 2000, 0, 7 * MINUTE] });
    expect(resolveSchedule({ preset: 'custom', waitsMs: [] }).maxAttempts).toBe(1);
  });
});

describe('jitter', () => {
  it('stays within ±10 % of the wait', () => {
    expect(withJitter(10_000, () => 0)).toBe(9_000);
    expect(withJitter(10_000, () => 0.5)).toBe(10_000);
    expect(withJitter(10_000, () => 0.999999)).toBe(11_000);
    for (const r of [0, 0.1, 0.37, 0.5, 0.73, 0.999]) {
      const w = withJitter(5 * MINUTE, () => r);
      expect(w).toBeGreaterThanOrEqual(0.9 * 5 * MINUTE);
      expect(w).toBeLessThanOrEqual(1.1 * 5 * MINUTE);
    }
  });

  it('an immediate retry stays immediate', () => {
    expect(withJitter(0, () => 0.99)).toBe(0);
  });

  it('decide applies it to the policy wait', () => {
    const s = resolveSchedule({ preset: 'standard' });
    const facts = {
      previousAttempts: 1,
      statusCode: 500,
      succeeded: false,
      retryAfterHeader: undefined,
    };
    expect(decide(facts, s, NOW, () => 0)).toEqual({
      outcome: 'retry',
      nextAttemptAt: NOW + 0.9 * 5 * MINUTE,
    });
    expect(decide(facts, s, NOW, () => 0.999999)).toEqual({
      outcome: 'retry',
      nextAttemptAt: NOW + 1.1 * 5 * MINUTE,
    });
  });
});

describe('Retry-After', () => {
  it('parses delta-seconds', () => {
    expect(parseRetryAfter('120', NOW)).toBe(120 * SECOND);
    expect(parseRetryAfter(' 0 ', NOW)).toBe(0);
  });

  it('parses an HTTP date relative to now; a past date means now', () => {
    expect(parseRetryAfter(new Date(NOW + 90 * SECOND).toUTCString(), NOW)).toBe(90 * SECOND);
    expect(parseRetryAfter(new Date(NOW - HOUR).toUTCString(), NOW)).toBe(0);
  });

  it('ignores what it cannot read', () => {
    expect(parseRetryAfter(undefined, NOW)).toBeNull();
    expect(parseRetryAfter('', NOW)).toBeNull();
    expect(parseRetryAfter('soon', NOW)).toBeNull();
  });

  it('waits the longer of the policy and Retry-After, never beyond MAX_RETRY_AFTER_MS', () => {
    const s = resolveSchedule({ preset: 'standard' }); // 5 s after attempt 1
    expect(nextWait(s, 1, 2 * MINUTE, exact)).toBe(2 * MINUTE);
    expect(nextWait(s, 1, SECOND, exact)).toBe(5 * SECOND);
    expect(nextWait(s, 1, 10 * DAY, exact)).toBe(MAX_RETRY_AFTER_MS);
    expect(nextWait(s, 1, null, exact)).toBe(5 * SECOND);
  });

  const after = (statusCode: number, header: string) =>
    decide(
      { previousAttempts: 0, statusCode, succeeded: false, retryAfterHeader: header },
      resolveSchedule({ preset: 'standard' }),
      NOW,
      exact,
    );

  it('is honoured on 429 and 503 (seconds and HTTP date)', () => {
    expect(after(429, '600')).toEqual({ outcome: 'retry', nextAttemptAt: NOW + 10 * MINUTE });
    expect(after(503, '600')).toEqual({ outcome: 'retry', nextAttemptAt: NOW + 10 * MINUTE });
    expect(after(503, new Date(NOW + 20 * MINUTE).toUTCString())).toEqual({
      outcome: 'retry',
      nextAttemptAt: NOW + 20 * MINUTE,
    });
  });

  it('is bounded by MAX_RETRY_AFTER_MS', () => {
    expect(after(429, String(7 * 24 * 3600))).toEqual({
      outcome: 'retry',
      nextAttemptAt: NOW + MAX_RETRY_AFTER_MS,
    });
  });

  it('is ignored on other statuses', () => {
    for (const code of [500, 502, 400, 404, 301]) {
      expect(after(code, '600')).toEqual({ outcome: 'retry', nextAttemptAt: NOW + 5 * SECOND });
    }
  });

  it('does not extend a delivery past its last attempt', () => {
    const d = decide(
      { previousAttempts: 0, statusCode: 429, succeeded: false, retryAfterHeader: '60' },
      resolveSchedule({ preset: 'single' }),
      NOW,
      exact,
    );
    expect(d).toEqual({ outcome: 'failed', nextAttemptAt: null });
  });
});

describe('decide', () => {
  it('a success is final whatever the attempt number', () => {
    const s = resolveSchedule({ preset: 'standard' });
    expect(
      decide(
        { previousAttempts: 7, statusCode: 200, succeeded: true, retryAfterHeader: undefined },
        s,
        NOW,
      ),
    ).toEqual({ outcome: 'succeeded', nextAttemptAt: null });
  });
});
