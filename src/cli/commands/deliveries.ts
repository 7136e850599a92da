import { Option, type Command } from 'commander';
import { integer, page, time } from '../arguments.js';
import { apiOf, query, seg } from '../cli-api.js';
import { printJson, printList, printRecord, outputFormat, type Column } from '../output.js';
import { startProgress } from '../progress.js';
import type { ApiClient } from '../api-client.js';

export const DELIVERY_STATES = ['pending', 'delivering', 'succeeded', 'failed'] as const;

export interface DeliveryJson {
  id: number;
  messageId: string;
  endpointId: string;
  state: (typeof DELIVERY_STATES)[number];
  attempts: number;
  nextAttemptAt: string | null;
  lastStatus: number | null;
  lastError: string | null;
  updatedAt: string;
}

type Page<T> = { data: T[]; nextCursor: string | null };

const DELIVERY_COLUMNS: Column<DeliveryJson>[] = [
  { header: 'id', value: (d) => d.id },
  { header: 'message', value: (d) => d.messageId },
  { header: 'endpoint', value: (d) => d.endpointId },
  { header: 'state', value: (d) => d.state },
  { header: 'attempts', value: (d) => d.attempts },
  { header: 'last status', value: (d) => d.lastStatus },
  { header: 'next attempt', value: (d) => d.nextAttemptAt },
  { header: 'last error', value: (d) => d.lastError },
];

const stateOption = () =>
  new Option('--state <state>', 'only deliveries in this state').choices(DELIVERY_STATES);

interface Filter {
  state?: string;
  endpoint?: string;
  message?: string;
}

const deliveriesPath = (
  appId: string,
  f: Filter,
  extra: Record<string, string | number | undefined>,
) =>
  `/api/v1/apps/${seg(appId)}/deliveries${query({ state: f.state, endpointId: f.endpoint, messageId: f.message, ...extra })}`;

/** Every delivery matching the filter, page after page. */
async function allDeliveries(api: ApiClient, appId: string, f: Filter): Promise<DeliveryJson[]> {
  const out: DeliveryJson[] = [];
  let cursor: string | undefined;
  do {
    const result = await api.call<Page<DeliveryJson>>(
      'GET',
      deliveriesPath(appId, f, { limit: 250, cursor }),
    );
    out.push(...result.data);
    cursor = result.nextCursor ?? undefined;
  } while (cursor);
  return out;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const describe = (d: DeliveryJson) =>
  `${new Date().toISOString().slice(11, 19)}  delivery ${d.id}  ${d.messageId} -> ${d.endpointId}  ${d.state}` +
  `  attempts ${d.attempts}${d.lastStatus !== null ? `  status ${d.lastStatus}` : ''}${d.lastError ? `  ${d.lastError}` : ''}`;

/** `hookline deliveries ...`: the (message, endpoint) pairs and their state. */
export function addDeliveryCommands(program: Command): void {
  const deliveries = program.command('deliveries').description("an app's deliveries");
  const { limit, cursor } = page();
  deliveries
    .command('list')
    .argument('<appId>')
    .description('list deliveries, by state, endpoint or message')
    .addOption(stateOption())
    .option('--endpoint <endpointId>', "only this endpoint's")
    .option('--message <messageId>', "only this message's")
    .addOption(limit)
    .addOption(cursor)
    .action(
      async (appId: string, o: Filter & { limit?: number; cursor?: string }, cmd: Command) => {
        const api = await apiOf(cmd);
        const result = await api.call<Page<DeliveryJson>>(
          'GET',
          deliveriesPath(appId, o, { limit: o.limit, cursor: o.cursor }),
        );
        await printList(cmd, result, DELIVERY_COLUMNS);
      },
    );
  deliveries
    .command('get')
    .argument('<appId>')
    .argument('<deliveryId>', 'a delivery id (an integer)', integer(1, Number.MAX_SAFE_INTEGER))
    .description('show a delivery')
    .action(async (appId: string, id: number, _o, cmd: Command) => {
      const api = await apiOf(cmd);
      await printRecord(cmd, await api.call('GET', `/api/v1/apps/${seg(appId)}/deliveries/${id}`));
    });
  deliveries
    .command('retry')
    .argument('<appId>')
    .argument('<deliveryId>', 'a delivery id (an integer)', integer(1, Number.MAX_SAFE_INTEGER))
    .description('try a delivery now; a failed or succeeded one starts a fresh schedule')
    .action(async (appId: string, id: number, _o, cmd: Command) => {
      const api = await apiOf(cmd);
      await printRecord(
        cmd,
        await api.call('POST', `/api/v1/apps/${seg(appId)}/deliveries/${id}/retry`),
      );
    });
  deliveries
    .command('recover')
    .argument('<appId>')
    .argument('<endpointId>')
    .description("re-queue an endpoint's failed deliveries created in a time window")
    .requiredOption('--since <time>', 'created at or after (ISO 8601, or 30m, 2h, 7d ago)', time)
    .option('--until <time>', 'created before (default: now)', time)
    .option('--wait', 'then show progress until every re-queued delivery is settled')
    .action(
      async (
        appId: string,
        endpointId: string,
        o: { since: string; until?: string; wait?: boolean },
        cmd: Command,
      ) => {
        const api = await apiOf(cmd);
        const progress = await startProgress('re-queueing failed deliveries');
        const body: Record<string, string> = { since: o.since };
        if (o.until) body.until = o.until;
        let result: { requeued: number };
        try {
          result = await api.call<{ requeued: number }>(
            'POST',
            `/api/v1/apps/${seg(appId)}/endpoints/${seg(endpointId)}/recover`,
            body,
          );
        } catch (error) {
          progress.stop();
          throw error;
        }
        progress.update(result.requeued);
        if (o.wait && result.requeued > 0) {
          const filter = { endpoint: endpointId };
          progress.phase('delivering', { total: result.requeued });
          for (;;) {
            const open =
              (await allDeliveries(api, appId, { ...filter, state: 'pending' })).length +
              (await allDeliveries(api, appId, { ...filter, state: 'delivering' })).length;
            progress.update(Math.max(0, result.requeued - open));
            if (open === 0) break;
            await sleep(500);
          }
        }
        progress.stop();
        if (outputFormat(cmd) === 'json') printJson(result);
        else console.log(`re-queued ${result.requeued} deliveries`);
      },
    );
  deliveries
    .command('watch')
    .argument('<appId>')
    .description('print each change of deliveries as it happens (Ctrl-C to stop)')
    .option('--endpoint <endpointId>', "only this endpoint's")
    .option('--message <messageId>', "only this message's")
    .option('--until-settled', 'exit once none is pending or in flight (1 if any failed)')
    .option('--interval <ms>', 'how often to look (100-60000)', integer(100, 60_000), 1000)
    .action(
      async (
        appId: string,
        o: { endpoint?: string; message?: string; untilSettled?: boolean; interval: number },
        cmd: Command,
      ) => {
        const api = await apiOf(cmd);
        const json = outputFormat(cmd) === 'json';
        const seen = new Map<number, string>();
        for (;;) {
          const current = await allDeliveries(api, appId, o);
          for (const d of current.sort((a, b) => a.id - b.id)) {
            const key = `${d.state}/${d.attempts}/${d.lastStatus}`;
            if (seen.get(d.id) === key) continue;
            seen.set(d.id, key);
            console.log(json ? JSON.stringify(d) : describe(d));
          }
          const open = current.filter((d) => d.state === 'pending' || d.state === 'delivering');
          if (o.untilSettled && current.length > 0 && open.length === 0) {
            if (current.some((d) => d.state === 'failed')) process.exitCode = 1;
            return;
          }
          await sleep(o.interval);
        }
      },
    );
}
