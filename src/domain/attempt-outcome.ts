import { nextWait, parseRetryAfter, type RetrySchedule } from './retry-policy.js';

export interface AttemptFacts {
  /** Attempts made before this one in the current schedule. */
  previousAttempts: number;
  statusCode: number | null;
  succeeded: boolean;
  retryAfterHeader: string | undefined;
}

export type Decision =
  | { outcome: 'succeeded'; nextAttemptAt: null }
  | { outcome: 'failed'; nextAttemptAt: null }
  | { outcome: 'retry'; nextAttemptAt: number };

/** What happens after an attempt: done, retry at a time, or given up after the last attempt. */
export function decide(
  facts: AttemptFacts,
  schedule: RetrySchedule,
  now: number,
  random?: () => number,
): Decision {
  if (facts.succeeded) return { outcome: 'succeeded', nextAttemptAt: null };
  const made = facts.previousAttempts + 1;
  if (made >= schedule.maxAttempts) return { outcome: 'failed', nextAttemptAt: null };
  const honoursRetryAfter = facts.statusCode === 429 || facts.statusCode === 503;
  const retryAfter = honoursRetryAfter ? parseRetryAfter(facts.retryAfterHeader, now) : null;
  return { outcome: 'retry', nextAttemptAt: now + nextWait(schedule, made, retryAfter, random) };
}
