import type { Command } from 'commander';
import { page } from '../arguments.js';
import { apiOf, query, seg } from '../cli-api.js';
import { printList, type Column } from '../output.js';

interface AttemptJson {
  id: number;
  deliveryId: number | null;
  messageId: string;
  endpointId: string;
  at: string;
  durationMs: number;
  statusCode: number | null;
  errorKind: string | null;
  test: boolean;
}

const ATTEMPT_COLUMNS: Column<AttemptJson>[] = [
  { header: 'at', value: (a) => a.at },
  { header: 'delivery', value: (a) => a.deliveryId },
  { header: 'message', value: (a) => a.messageId },
  { header: 'endpoint', value: (a) => a.endpointId },
  { header: 'status', value: (a) => a.statusCode ?? a.errorKind },
  { header: 'ms', value: (a) => a.durationMs },
  { header: 'test', value: (a) => (a.test ? 'yes' : '') },
];

/** `hookline attempts <appId> --message|--endpoint`: the HTTP tries, newest first. */
export function addAttemptCommands(program: Command): void {
  const { limit, cursor } = page();
  program
    .command('attempts')
    .argument('<appId>')
    .description('list attempts of a message or an endpoint, newest first')
    .option('--message <messageId>', 'attempts of this message')
    .option('--endpoint <endpointId>', 'attempts of this endpoint')
    .addOption(limit)
    .addOption(cursor)
    .action(
      async (
        appId: string,
        o: { message?: string; endpoint?: string; limit?: number; cursor?: string },
        cmd: Command,
      ) => {
        if (!o.message === !o.endpoint)
          throw new Error('--message or --endpoint: give exactly one of them');
        const path = o.message ? `messages/${seg(o.message)}` : `endpoints/${seg(o.endpoint!)}`;
        const api = await apiOf(cmd);
        const result = await api.call<{ data: AttemptJson[]; nextCursor: string | null }>(
          'GET',
          `/api/v1/apps/${seg(appId)}/${path}/attempts${query({ limit: o.limit, cursor: o.cursor })}`,
        );
        await printList(cmd, result, ATTEMPT_COLUMNS);
      },
    );
}
