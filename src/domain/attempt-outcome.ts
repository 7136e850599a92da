import { nextAttemptAt, parseRetryAfter, type RetrySchedule } from './retry-policy.js';

export interface AttemptFacts {
  /** Attempts made before this one in the current schedule. */
  previousAttempts: number;
  /** When the first attempt of the current schedule started (this one's start when it is the first). */
  firstAttemptAt: number;
  statusCode: number | null;
  /** The exchange completed with a 2xx (the sender's verdict; the schedule may ask for more). */
  succeeded: boolean;
  retryAfterHeader: string | undefined;
}

export type Decision =
  | { outcome: 'succeeded'; nextAttemptAt: null }
  | { outcome: 'failed'; nextAttemptAt: null }
  | { outcome: 'retry'; nextAttemptAt: number };

/**
 * Why an answer the sender took as success does not count under this schedule (Routee: only
 * 200 OK), or null when it counts.
 */
export function rejectedAnswer(schedule: RetrySchedule, statusCode: number | null): string | null {
  if (statusCode === null || schedule.accepts(statusCode)) return null;
  return `status ${statusCode}: ${schedule.acceptsDescription}`;
}

/** What happens after an attempt: done, retry at a time, or given up after the last attempt. */
export function decide(
  facts: AttemptFacts,
  schedule: RetrySchedule,
  now: number,
  random?: () => number,
): Decision {
  if (facts.succeeded && rejectedAnswer(schedule, facts.statusCode) === null)
    return { outcome: 'succeeded', nextAttemptAt: null };
  const made = facts.previousAttempts + 1;
  if (made >= schedule.maxAttempts) return { outcome: 'failed', nextAttemptAt: null };
  const honoursRetryAfter = facts.statusCode === 429 || facts.statusCode === 503;
  const retryAfterMs = honoursRetryAfter ? parseRetryAfter(facts.retryAfterHeader, now) : null;
  const at = nextAttemptAt(
    schedule,
    { attempt: made, firstAttemptAt: facts.firstAttemptAt, now, retryAfterMs },
    random,
  );
  if (at === null) return { outcome: 'failed', nextAttemptAt: null };
  return { outcome: 'retry', nextAttemptAt: at };
}
