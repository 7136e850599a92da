import { InvalidArgumentError, type Command } from 'commander';
import { RECOVERABLE_STATES } from '../domain/types.js';
import type { ApiClient } from './api-client.js';

interface GlobalFlags {
  url: string;
  token?: string;
  dataDir: string;
}

interface RecoverAnswer {
  requeued: number;
  requeuedTotal: number;
  done: boolean;
  until: string;
}

/** Loaded when a command runs, so `--help` never loads the HTTP client. */
async function client(cmd: Command): Promise<ApiClient> {
  const { ApiClient } = await import('./api-client.js');
  const flags = cmd.optsWithGlobals() as GlobalFlags;
  return new ApiClient({ url: flags.url, token: flags.token ?? null, dataDir: flags.dataDir });
}

function isoTime(raw: string): string {
  const ms = Date.parse(raw);
  if (Number.isNaN(ms))
    throw new InvalidArgumentError('expected a date-time, e.g. 2026-01-31T00:00:00Z');
  return new Date(ms).toISOString();
}

function states(raw: string): string[] {
  const list = raw.split(',').map((s) => s.trim());
  for (const s of list)
    if (!(RECOVERABLE_STATES as readonly string[]).includes(s))
      throw new InvalidArgumentError(`expected states among ${RECOVERABLE_STATES.join(', ')}`);
  return list;
}

function positive(raw: string): number {
  if (!/^\d+$/.test(raw) || Number(raw) < 1)
    throw new InvalidArgumentError('expected a positive integer');
  return Number(raw);
}

/** `hookline recover` and `hookline replay`: send past deliveries and messages again. */
export function addRecoverCommands(program: Command): void {
  program
    .command('recover <appId> <endpointId>')
    .description(
      "send an endpoint's settled deliveries created in [--since, --until) again, in batches, with progress",
    )
    .requiredOption('--since <time>', 'start of the window (ISO date-time)', isoTime)
    .option('--until <time>', 'end of the window (default: now)', isoTime)
    .option('--states <list>', `comma-separated: ${RECOVERABLE_STATES.join(', ')}`, states, [
      'failed',
    ])
    .option('--limit <n>', 'deliveries per request (the API allows up to 10000)', positive, 1000)
    .action(
      async (
        appId: string,
        endpointId: string,
        o: { since: string; until?: string; states: string[]; limit: number },
        cmd: Command,
      ) => {
        const api = await client(cmd);
        const path = `/api/v1/apps/${appId}/endpoints/${endpointId}/recover`;
        const body = { since: o.since, until: o.until, states: o.states, limit: o.limit };
        // The same request again continues the run where the last call stopped.
        for (;;) {
          const answer = await api.call<RecoverAnswer>('POST', path, body);
          console.error(`re-queued ${answer.requeuedTotal} so far${answer.done ? ', done' : ''}`);
          if (answer.done) {
            console.log(JSON.stringify(answer, null, 2));
            return;
          }
        }
      },
    );

  program
    .command('replay <appId> <messageId> <endpointId>')
    .description('send a past message to an endpoint of its app (even one created after it)')
    .action(async (appId: string, messageId: string, endpointId: string, _o, cmd: Command) => {
      const delivery = await (
        await client(cmd)
      ).call('POST', `/api/v1/apps/${appId}/messages/${messageId}/replay`, {
        endpointId,
      });
      console.log(JSON.stringify(delivery, null, 2));
    });
}
