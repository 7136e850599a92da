import { InvalidArgumentError, type Command } from 'commander';
import { apiOf } from './cli-api.js';
import { startProgress } from './progress.js';

interface PurgeAnswer {
  before: string;
  messages: number;
  deliveries: number;
  attempts: number;
  history: number;
  pagesReclaimed: number;
  done: boolean;
  cursor: string | null;
}

const UNIT_MS: Record<string, number> = { d: 86_400_000, h: 3_600_000 };

/** An ISO date-time, or an age: `30d` (days) or `12h` (hours) before now. */
export function purgeTime(raw: string, now = Date.now()): string {
  const age = /^(\d+)([dh])$/.exec(raw.trim());
  if (age) return new Date(now - Number(age[1]) * UNIT_MS[age[2]]).toISOString();
  const ms = /^\d{4}-\d{2}-\d{2}/.test(raw) ? Date.parse(raw) : Number.NaN;
  if (Number.isNaN(ms))
    throw new InvalidArgumentError(
      `"${raw}" is not a time: expected an ISO date-time (2026-01-31T00:00:00Z) or an age (30d, 12h)`,
    );
  if (ms > now)
    throw new InvalidArgumentError(`"${raw}" is in the future: only the past can be purged`);
  return new Date(ms).toISOString();
}

/** The most messages one request may look at (`POST /api/v1/purge`'s `limit`). */
const MAX_PER_REQUEST = 10_000;
/** The route looks at messages in steps of 200, a limit above one step rounded up to whole steps. */
const API_STEP = 200;

/** The `limit` of the next request when `left` messages may still go: it never looks at more. */
export function requestLimit(left: number): number {
  if (left <= API_STEP) return left;
  return Math.min(Math.floor(left / API_STEP) * API_STEP, MAX_PER_REQUEST);
}

/**
 * `--limit <n>`: the most messages this run deletes, 1 to 1,000,000,000. A bad value exits 2
 * (a usage error), commander naming the option.
 */
export function purgeLimit(raw: string): number {
  const value = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || value < 1 || value > 1_000_000_000) {
    const error = new InvalidArgumentError(
      'expected a whole number of messages from 1 to 1000000000',
    );
    error.exitCode = 2;
    throw error;
  }
  return value;
}

/** `hookline purge --before <time>`: retention by hand, request after request, with progress. */
export function addPurgeCommand(program: Command): void {
  program
    .command('purge')
    .description(
      'delete settled messages created before a time, with their deliveries and attempts (never pending or in-flight work), with progress',
    )
    .requiredOption(
      '--before <time>',
      'an ISO date-time, or an age such as 30d or 12h',
      (raw: string) => purgeTime(raw),
    )
    .option(
      '--limit <n>',
      'the most messages to delete in this run (default: all); run it again for more',
      purgeLimit,
    )
    .action(async (o: { before: string; limit?: number }, cmd: Command) => {
      const api = await apiOf(cmd);
      const progress = await startProgress(`purging messages created before ${o.before}`);
      const sum = { messages: 0, deliveries: 0, attempts: 0, history: 0, pagesReclaimed: 0 };
      let cursor: string | null = null;
      let done = false;
      const most = o.limit ?? Number.POSITIVE_INFINITY;
      try {
        while (sum.messages < most) {
          // A request deletes at most the messages it looks at: never more than are left to go.
          const left = most - sum.messages;
          const answer: PurgeAnswer = await api.call<PurgeAnswer>('POST', '/api/v1/purge', {
            before: o.before,
            ...(Number.isFinite(left) ? { limit: requestLimit(left) } : {}),
            ...(cursor === null ? {} : { cursor }),
          });
          for (const key of Object.keys(sum) as Array<keyof typeof sum>) sum[key] += answer[key];
          progress.update(sum.messages);
          done = answer.done;
          if (done) break;
          cursor = answer.cursor;
        }
      } finally {
        progress.stop();
      }
      // done false: --limit stopped it first; what is left goes with the next run.
      console.log(JSON.stringify({ before: o.before, ...sum, done }, null, 2));
    });
}
