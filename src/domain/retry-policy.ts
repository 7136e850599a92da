import { DAY, HOUR, MINUTE, SECOND } from '../lib/durations.js';
import type { RetryPolicy, RetryPreset } from './types.js';

/**
 * A resolved schedule: how many attempts, when each retry is planned, the default timeout and
 * what counts as success. Each platform preset follows its reference page (docs/retries.md).
 */
export interface RetrySchedule {
  maxAttempts: number;
  timeoutMs: number;
  /**
   * How retry n (1-based: the attempt after failed attempt n) is placed in time:
   * `after-previous`: `delay(n)` after attempt n ended; `after-first`: `delay(n)` after the first
   * attempt of the schedule started (Routee lists its retries as times after the initial callback).
   */
  measured: 'after-previous' | 'after-first';
  delay(attempt: number): number;
  /** Nothing is sent later than this after the first attempt (Routee: 24 h); null = no bound. */
  windowMs: number | null;
  /** Status codes that count as success (Routee: 200 only); others are failed attempts. */
  accepts(statusCode: number): boolean;
  /** Words for an answer the preset does not accept, e.g. "only 200 OK counts". */
  acceptsDescription: string;
}

/** The timeout used when neither the endpoint nor its preset sets one. */
export const DEFAULT_TIMEOUT_MS = 15 * SECOND;
export const DEFAULT_RETRY_POLICY: RetryPolicy = { preset: 'standard' };

const any2xx = {
  accepts: (code: number) => code >= 200 && code < 300,
  acceptsDescription: 'any 2xx counts',
};

const fromList = (waits: readonly number[], timeoutMs: number): RetrySchedule => ({
  maxAttempts: waits.length + 1,
  timeoutMs,
  measured: 'after-previous',
  delay: (n) => waits[Math.min(n, waits.length) - 1] ?? 0,
  windowMs: null,
  ...any2xx,
});

/**
 * Business messaging client (page 001): "retry the call two more times" (3 attempts), "doesn't
 * respond within 3 seconds", 10 s then 100 s (10^n s after attempt n), capped at 100 000 s.
 */
const business: RetrySchedule = {
  maxAttempts: 3,
  timeoutMs: 3 * SECOND,
  measured: 'after-previous',
  delay: (n) => Math.min(10 ** n, 100_000) * SECOND,
  windowMs: null,
  ...any2xx,
};

/**
 * Routee (page 002): 12 retries at these times after the initial callback, "24 hours max";
 * "an HTTP 200 OK response must be returned within 2 seconds".
 */
export const ROUTEE_RETRY_TIMES_MS = [
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
export const ROUTEE_WINDOW_MS = DAY;

const routee: RetrySchedule = {
  maxAttempts: ROUTEE_RETRY_TIMES_MS.length + 1,
  timeoutMs: 2 * SECOND,
  measured: 'after-first',
  delay: (n) => ROUTEE_RETRY_TIMES_MS[Math.min(n, ROUTEE_RETRY_TIMES_MS.length) - 1],
  windowMs: ROUTEE_WINDOW_MS,
  accepts: (code) => code === 200,
  acceptsDescription: 'the routee preset counts only 200 OK as success',
};

/**
 * Chat-API guaranteedHooks (page 003): "making up to 20 attempts". The page gives no waits:
 * 5 s doubling each time, capped at 1 h.
 */
const chatapiGuaranteed: RetrySchedule = {
  maxAttempts: 20,
  timeoutMs: DEFAULT_TIMEOUT_MS,
  measured: 'after-previous',
  delay: (n) => Math.min(5 * SECOND * 2 ** (n - 1), HOUR),
  windowMs: null,
  ...any2xx,
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

export type NamedPreset = Exclude<RetryPreset, 'custom' | keyof typeof PRESET_ALIASES>;

const PRESETS: Record<NamedPreset, RetrySchedule> = {
  standard: fromList(STANDARD_WAITS_MS, DEFAULT_TIMEOUT_MS),
  business,
  routee,
  'chatapi-guaranteed': chatapiGuaranteed,
  // Chat-API without guaranteedHooks: "one attempt is made to get the 200th status".
  'chatapi-single': fromList([], DEFAULT_TIMEOUT_MS),
};

/** The names presets had before they carried the platforms' names; still accepted. */
export const PRESET_ALIASES = {
  exponential: 'business',
  guaranteed: 'chatapi-guaranteed',
  single: 'chatapi-single',
} as const;

export const RETRY_PRESETS = [
  'standard',
  'business',
  'routee',
  'chatapi-guaranteed',
  'chatapi-single',
  'custom',
  'exponential',
  'guaranteed',
  'single',
] as const satisfies readonly RetryPreset[];
export const MAX_CUSTOM_WAITS = 50;

/** The platform name of a preset (an alias gives the name it stands for). */
export function presetName(preset: RetryPreset): Exclude<RetryPreset, keyof typeof PRESET_ALIASES> {
  return preset in PRESET_ALIASES
    ? PRESET_ALIASES[preset as keyof typeof PRESET_ALIASES]
    : (preset as Exclude<RetryPreset, keyof typeof PRESET_ALIASES>);
}

export function resolveSchedule(policy: RetryPolicy): RetrySchedule {
  const name = presetName(policy.preset);
  if (name === 'custom') return fromList(policy.waitsMs ?? [], DEFAULT_TIMEOUT_MS);
  return PRESETS[name];
}

/** Spread retries so that a recovering receiver is not hit by a synchronized wave: ±10 %. */
export function withJitter(waitMs: number, random: () => number = Math.random): number {
  if (waitMs <= 0) return 0;
  return Math.round(waitMs * (0.9 + 0.2 * random()));
}

/** Retry-After is honoured, but never beyond this. */
export const MAX_RETRY_AFTER_MS = HOUR;

export interface RetryTiming {
  /** Attempts made so far in this schedule (the one that just failed included). */
  attempt: number;
  /** When the first attempt of this schedule started. */
  firstAttemptAt: number;
  /** When the failed attempt ended. */
  now: number;
  /** The receiver's Retry-After in ms, when it sent one that applies. */
  retryAfterMs: number | null;
}

/**
 * When the next attempt is due, or null when the schedule's window leaves no room for it. The
 * planned time gets jitter; a longer Retry-After (bounded by MAX_RETRY_AFTER_MS) pushes it later;
 * neither moves it past the window (Routee: 24 h after the first attempt).
 */
export function nextAttemptAt(
  schedule: RetrySchedule,
  timing: RetryTiming,
  random: () => number = Math.random,
): number | null {
  const { attempt, firstAttemptAt, now, retryAfterMs } = timing;
  const base = schedule.measured === 'after-first' ? firstAttemptAt : now;
  let at = Math.max(now, base + withJitter(schedule.delay(attempt), random));
  if (retryAfterMs !== null) at = Math.max(at, now + Math.min(retryAfterMs, MAX_RETRY_AFTER_MS));
  if (schedule.windowMs === null) return at;
  const end = firstAttemptAt + schedule.windowMs;
  if (now >= end) return null;
  return Math.min(at, end);
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
