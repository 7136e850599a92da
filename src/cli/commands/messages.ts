import type { Command } from 'commander';
import { page, time } from '../arguments.js';
import { apiOf, query, seg } from '../cli-api.js';
import { printList, printRecord, type Column } from '../output.js';
import { readJsonArgument } from './json-argument.js';

interface MessageJson {
  id: string;
  eventType: string;
  endpointId: string | null;
  createdAt: string;
  payload: unknown;
}

const MESSAGE_COLUMNS: Column<MessageJson>[] = [
  { header: 'id', value: (m) => m.id },
  { header: 'event type', value: (m) => m.eventType },
  { header: 'created', value: (m) => m.createdAt },
  { header: 'only to', value: (m) => m.endpointId },
];

/** `hookline messages ...` and `hookline send`. */
export function addMessageCommands(program: Command): void {
  const messages = program.command('messages').description("an app's messages");
  const { limit, cursor } = page();
  messages
    .command('list')
    .argument('<appId>')
    .description('list messages, newest first')
    .option('--event-type <type>', 'only this event type')
    .option('--since <time>', 'created at or after (ISO 8601, or 30m, 2h, 7d ago)', time)
    .option('--until <time>', 'created before (ISO 8601, or 30m, 2h, 7d ago)', time)
    .addOption(limit)
    .addOption(cursor)
    .action(
      async (
        appId: string,
        o: { eventType?: string; since?: string; until?: string; limit?: number; cursor?: string },
        cmd: Command,
      ) => {
        const api = await apiOf(cmd);
        const q = query({
          eventType: o.eventType,
          since: o.since,
          until: o.until,
          limit: o.limit,
          cursor: o.cursor,
        });
        const result = await api.call<{ data: MessageJson[]; nextCursor: string | null }>(
          'GET',
          `/api/v1/apps/${seg(appId)}/messages${q}`,
        );
        await printList(cmd, result, MESSAGE_COLUMNS);
      },
    );
  messages
    .command('get')
    .argument('<appId>')
    .argument('<messageId>')
    .description('show a message with its payload')
    .action(async (appId: string, id: string, _o, cmd: Command) => {
      const api = await apiOf(cmd);
      const message = await api.call<MessageJson>(
        'GET',
        `/api/v1/apps/${seg(appId)}/messages/${seg(id)}`,
      );
      await printRecord(cmd, message);
    });

  program
    .command('send')
    .argument('<appId>')
    .argument('<eventType>', 'e.g. message.status')
    .argument('<payload>', 'JSON text, or @file')
    .description('send a message to every matching endpoint of the app')
    .option('--idempotency-key <key>', 'de-duplicate within 24 h')
    .option('--endpoint <endpointId>', 'deliver to this endpoint only')
    .action(
      async (
        appId: string,
        eventType: string,
        payload: string,
        o: { idempotencyKey?: string; endpoint?: string },
        cmd: Command,
      ) => {
        const body: Record<string, unknown> = {
          eventType,
          payload: readJsonArgument('payload', payload),
        };
        if (o.idempotencyKey) body.idempotencyKey = o.idempotencyKey;
        if (o.endpoint) body.endpointId = o.endpoint;
        const api = await apiOf(cmd);
        await printRecord(cmd, await api.call('POST', `/api/v1/apps/${seg(appId)}/messages`, body));
      },
    );
}
