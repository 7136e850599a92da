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
    .action(async (o: { before: string }, cmd: Command) => {
      const api = await apiOf(cmd);
      const progress = await startProgress(`purging messages created before ${o.before}`);
      const sum = { messages: 0, deliveries: 0, attempts: 0, history: 0, pagesReclaimed: 0 };
      let cursor: string | null = null;
      try {
        for (;;) {
          const answer: PurgeAnswer = await api.call<PurgeAnswer>('POST', '/api/v1/purge', {
            before: o.before,
            ...(cursor === null ? {} : { cursor }),
          });
          for (const key of Object.keys(sum) as Array<keyof typeof sum>) sum[key] += answer[key];
          progress.update(sum.messages);
          if (answer.done) break;
          cursor = answer.cursor;
        }
      } finally {
        progress.stop();
      }
      console.log(JSON.stringify({ before: o.before, ...sum }, null, 2));
    });
}
