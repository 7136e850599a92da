import { HOUR, MINUTE, SECOND } from '../lib/durations.js';
import type { RetryPolicy, RetryPreset } from './types.js';

/** A resolved schedule: how many attempts, the wait after each failed attempt, the default timeout. */
export interface RetrySchedule {
  maxAttempts: number;
  timeoutMs: number;
  /** Wait in ms after failed attempt `n` (1-based), before attempt n+1. */
  waitAfter(attempt: number): number;
}

/** The timeout used when neither the endpoint nor its preset sets one. */
export const DEFAULT_TIMEOUT_MS = 15 * SECOND;
export const DEFAULT_RETRY_POLICY: RetryPolicy = { preset: 'standard' };

const fromList = (waits: number[], timeoutMs: number): RetrySchedule => ({
  maxAttempts: waits.length + 1,
  timeoutMs,
  waitAfter: (n) => waits[Math.min(n, waits.length) - 1] ?? 0,
});

/** Viber business client: 3 tries, 3 s timeout, 10^n s after attempt n, capped at 100 000 s. */
const exponential: RetrySchedule = {
  maxAttempts: 3,
  timeoutMs: 3 * SECOND,
  waitAfter: (n) => Math.min(10 ** n, 100_000) * SECOND,
};

/** Routee: the initial callback plus 12 retries within 24 h, 2 s timeout. */
export const ROUTEE_WAITS_MS = [
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
  24 * HOUR,
];

/** Chat-API guaranteedHooks: up to 20 attempts; 5 s doubling each time, capped at 1 h. */
const guaranteed: RetrySchedule = {
  maxAttempts: 20,
  timeoutMs: DEFAULT_TIMEOUT_MS,
  waitAfter: (n) => Math.min(5 * SECOND * 2 ** (n - 1), HOUR),
};

/** Svix / Standard Webhooks: immediately, 5 s, 5 m, 30 m, 2 h, 5 h, 10 h, 10 h. */
export const STANDARD_WAITS_MS = [
  5 * SECOND,
  5 * MINUTE,
  30 * MINUTE,
  2 * HOUR,
  5 * HOUR,
  10 * HOUR,
  10 * HOUR,
];

const PRESETS: Record<Exclude<RetryPreset, 'custom'>, RetrySchedule> = {
  exponential,
  routee: fromList(ROUTEE_WAITS_MS, 2 * SECOND),
  guaranteed,
  single: fromList([], DEFAULT_TIMEOUT_MS),
  standard: fromList(STANDARD_WAITS_MS, DEFAULT_TIMEOUT_MS),
};

export const RETRY_PRESETS = [
  'standard',
  'exponential',
  'routee',
  'guaranteed',
  'single',
  'custom',
] as const satisfies readonly RetryPreset[];
export const MAX_CUSTOM_WAITS = 50;

export function resolveSchedule(policy: RetryPolicy): RetrySchedule {
  if (policy.preset === 'custom') return fromList(policy.waitsMs ?? [], DEFAULT_TIMEOUT_MS);
  return PRESETS[policy.preset];
}

/** Spread retries so that a recovering receiver is not hit by a synchronized wave: ±10 %. */
export function withJitter(waitMs: number, random: () => number = Math.random): number {
  if (waitMs <= 0) return 0;
  return Math.round(waitMs * (0.9 + 0.2 * random()));
}

/** Retry-After is honoured, but never beyond this. */
export const MAX_RETRY_AFTER_MS = HOUR;

/**
 * The wait before the next attempt: the policy's wait with jitter, or the receiver's
 * Retry-After when it asks for longer (bounded by MAX_RETRY_AFTER_MS).
 */
export function nextWait(
  schedule: RetrySchedule,
  attempt: number,
  retryAfterMs: number | null,
  random: () => number = Math.random,
): number {
  const planned = withJitter(schedule.waitAfter(attempt), random);
  if (retryAfterMs === null) return planned;
  return Math.max(planned, Math.min(retryAfterMs, MAX_RETRY_AFTER_MS));
}

/** Parses a Retry-After header (delta-seconds or HTTP date) into ms from now. */
export function parseRetryAfter(value: string | undefined, now: number): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * SECOND;
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return null;
  return Math.max(0, date - now);
}
