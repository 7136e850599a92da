import { describe, expect, it } from 'vitest';
import { DAY, HOUR, MINUTE, SECOND } from '../lib/durations.js';
import { decide, rejectedAnswer } from './attempt-outcome.js';
import {
  DEFAULT_RETRY_POLICY,
  DEFAULT_TIMEOUT_MS,
  MAX_RETRY_AFTER_MS,
  nextAttemptAt,
  parseRetryAfter,
  presetName,
  resolveSchedule,
  withJitter,
  type RetrySchedule,
} from './retry-policy.js';
import type { RetryPolicy } from './types.js';

const NOW = Date.UTC(2026, 0, 1, 12, 0, 0);
const exact = () => 0.5; // jitter factor 0.9 + 0.2 * 0.5 = 1

/** Fails every attempt until the schedule gives up: each attempt's time after the first one. */
function attemptTimes(schedule: RetrySchedule, random = exact, attemptMs = 0): number[] {
  const times = [0];
  let startedAt = NOW;
  for (let previous = 0; ; previous++) {
    const now = startedAt + attemptMs; // the failed attempt ends after attemptMs
    const d = decide(
      {
        previousAttempts: previous,
        firstAttemptAt: NOW,
        statusCode: 500,
        succeeded: false,
        retryAfterHeader: undefined,
      },
      schedule,
      now,
      random,
    );
    if (d.outcome === 'failed') return times;
    startedAt = d.nextAttemptAt!;
    times.push(startedAt - NOW);
  }
}

/** The attempt count and the waits between attempts, when every attempt fails at once. */
function runToExhaustion(schedule: RetrySchedule): { attempts: number; waits: number[] } {
  const times = attemptTimes(schedule);
  return { attempts: times.length, waits: times.slice(1).map((t, i) => t - times[i]) };
}

describe("retry presets carry the platforms' names (docs/retries.md)", () => {
  it('old names are aliases of the platform names', () => {
    expect(presetName('exponential')).toBe('business');
    expect(presetName('guaranteed')).toBe('chatapi-guaranteed');
    expect(presetName('single')).toBe('chatapi-single');
    for (const [alias, name] of [
      ['exponential', 'business'],
      ['guaranteed', 'chatapi-guaranteed'],
      ['single', 'chatapi-single'],
    ] as const) {
      expect(resolveSchedule({ preset: alias })).toBe(resolveSchedule({ preset: name }));
    }
  });

  // Page 001 (business messaging client), "Retrying failed webhooks": "doesn't respond within 3
  // seconds", "retry the call two more times", "wait 10 seconds between the first and second
  // attempt, 100 seconds ...", "The maximum amount of seconds that we'll wait is 100 000".
  it('business: 3 tries, 3 s timeout, 10 s then 100 s, waits capped at 100 000 s', () => {
    const s = resolveSchedule({ preset: 'business' });
    expect(s.maxAttempts).toBe(3);
    expect(s.timeoutMs).toBe(3 * SECOND);
    expect(runToExhaustion(s)).toEqual({ attempts: 3, waits: [10 * SECOND, 100 * SECOND] });
    expect(s.delay(4)).toBe(10_000 * SECOND);
    expect(s.delay(5)).toBe(100_000 * SECOND);
    expect(s.delay(9)).toBe(100_000 * SECOND);
    expect(s.accepts(201)).toBe(true); // "a 2xx status code"
  });

  // Page 002 (Routee), "Callback retry policy": "up 12 retries for 24 hours max ... after the
  // initial callback attempt: 1st retry: 30 sec ... 12th retry: 24 hours".
  const ROUTEE_PAGE_RETRIES = [
    30 * SECOND,
    1 * MINUTE,
    2 * MINUTE,
    5 * MINUTE,
    10 * MINUTE,
    15 * MINUTE,
    30 * MINUTE,
    1 * HOUR,
    2 * HOUR,
    4 * HOUR,
    8 * HOUR,
    24 * HOUR,
  ];

  it('routee: the 12 retries are times after the initial attempt, the last at 24 h', () => {
    const s = resolveSchedule({ preset: 'routee' });
    expect(s.maxAttempts).toBe(13);
    expect(attemptTimes(s)).toEqual([0, ...ROUTEE_PAGE_RETRIES]);
    // The same when every failed attempt takes the whole 2 s timeout: times do not drift.
    expect(attemptTimes(s, exact, 2 * SECOND)).toEqual([0, ...ROUTEE_PAGE_RETRIES]);
  });

  it('routee: jitter never moves a retry past 24 h after the initial attempt', () => {
    const s = resolveSchedule({ preset: 'routee' });
    for (const r of [0, 0.3, 0.5, 0.8, 0.999999]) {
      const times = attemptTimes(s, () => r, 2 * SECOND);
      expect(times).toHaveLength(13);
      expect(Math.max(...times)).toBeLessThanOrEqual(DAY);
      for (let i = 1; i < times.length; i++) {
        expect(times[i]).toBeGreaterThan(times[i - 1]);
        const planned = ROUTEE_PAGE_RETRIES[i - 1];
        expect(times[i]).toBeGreaterThanOrEqual(Math.round(planned * 0.9));
        expect(times[i]).toBeLessThanOrEqual(Math.min(DAY, Math.round(planned * 1.1)));
      }
    }
    expect(attemptTimes(s, () => 0.999999).at(-1)).toBe(DAY);
  });

  it('routee: a Retry-After does not move a retry past 24 h; after 24 h nothing is sent', () => {
    const s = resolveSchedule({ preset: 'routee' });
    const late = NOW + DAY - 10 * MINUTE;
    expect(
      nextAttemptAt(s, { attempt: 11, firstAttemptAt: NOW, now: late, retryAfterMs: HOUR }, exact),
    ).toBe(NOW + DAY);
    expect(
      nextAttemptAt(s, { attempt: 5, firstAttemptAt: NOW, now: NOW + DAY, retryAfterMs: null }),
    ).toBeNull();
    expect(
      decide(
        {
          previousAttempts: 5,
          firstAttemptAt: NOW,
          statusCode: 500,
          succeeded: false,
          retryAfterHeader: undefined,
        },
        s,
        NOW + DAY + SECOND,
      ),
    ).toEqual({ outcome: 'failed', nextAttemptAt: null });
  });

  // Page 002: "an HTTP 200 OK response must be returned within 2 seconds".
  it('routee: only 200 OK within 2 s is a success', () => {
    const s = resolveSchedule({ preset: 'routee' });
    expect(s.timeoutMs).toBe(2 * SECOND);
    expect(rejectedAnswer(s, 200)).toBeNull();
    expect(rejectedAnswer(s, 204)).toBe(
      'status 204: the routee preset counts only 200 OK as success',
    );
    const facts = (statusCode: number) => ({
      previousAttempts: 0,
      firstAttemptAt: NOW,
      statusCode,
      succeeded: true,
      retryAfterHeader: undefined,
    });
    expect(decide(facts(200), s, NOW, exact).outcome).toBe('succeeded');
    expect(decide(facts(202), s, NOW, exact)).toEqual({
      outcome: 'retry',
      nextAttemptAt: NOW + 30 * SECOND,
    });
  });

  // Page 003 (Chat-API), guaranteedHooks: "the server will seek to send a hook, making up to 20
  // attempts"; without it, "one attempt is made to get the 200th status".
  it('chatapi-guaranteed: 20 tries, a growing backoff capped at 1 h', () => {
    const s = resolveSchedule({ preset: 'chatapi-guaranteed' });
    expect(s.maxAttempts).toBe(20);
    expect(s.timeoutMs).toBe(DEFAULT_TIMEOUT_MS);
    const { attempts, waits } = runToExhaustion(s);
    expect(attempts).toBe(20);
    expect(waits.slice(0, 4)).toEqual([5 * SECOND, 10 * SECOND, 20 * SECOND, 40 * SECOND]);
    for (let i = 1; i < waits.length; i++) expect(waits[i]).toBeGreaterThanOrEqual(waits[i - 1]);
    expect(waits[waits.length - 1]).toBe(HOUR);
  });

  it('chatapi-single: one try, nothing scheduled after it', () => {
    const s = resolveSchedule({ preset: 'chatapi-single' });
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
      firstAttemptAt: NOW - 5 * SECOND,
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
    const at = (retryAfterMs: number | null) =>
      nextAttemptAt(s, { attempt: 1, firstAttemptAt: NOW, now: NOW, retryAfterMs }, exact)! - NOW;
    expect(at(2 * MINUTE)).toBe(2 * MINUTE);
    expect(at(SECOND)).toBe(5 * SECOND);
    expect(at(10 * DAY)).toBe(MAX_RETRY_AFTER_MS);
    expect(at(null)).toBe(5 * SECOND);
  });

  const after = (statusCode: number, header: string) =>
    decide(
      {
        previousAttempts: 0,
        firstAttemptAt: NOW,
        statusCode,
        succeeded: false,
        retryAfterHeader: header,
      },
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
      {
        previousAttempts: 0,
        firstAttemptAt: NOW,
        statusCode: 429,
        succeeded: false,
        retryAfterHeader: '60',
      },
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
        {
          previousAttempts: 7,
          firstAttemptAt: NOW,
          statusCode: 200,
          succeeded: true,
          retryAfterHeader: undefined,
        },
        s,
        NOW,
      ),
    ).toEqual({ outcome: 'succeeded', nextAttemptAt: null });
  });
});
