import { Option, type Command } from 'commander';
import { RETRY_PRESETS } from '../../domain/retry-policy.js';
import { integer, jsonObject, page, positiveNumber } from '../arguments.js';
import { apiOf, query, seg } from '../cli-api.js';
import { printList, printRecord, type Column } from '../output.js';
import { endpointHealth } from './endpoint-health.js';

interface EndpointJson {
  id: string;
  url: string;
  format: string;
  disabled: boolean;
  filterTypes: string[] | null;
  ordering: string;
}

const ENDPOINT_COLUMNS: Column<EndpointJson>[] = [
  { header: 'id', value: (e) => e.id },
  { header: 'url', value: (e) => e.url },
  { header: 'format', value: (e) => e.format },
  { header: 'events', value: (e) => (e.filterTypes ? e.filterTypes.join(' ') : 'all') },
  { header: 'ordering', value: (e) => e.ordering },
  { header: 'disabled', value: (e) => e.disabled },
];

const ORDERINGS = ['parallel', 'serial', 'per-key'] as const;

/** Options shared by create and update: what a person changes on an endpoint. */
function settingOptions(command: Command, forCreate: boolean): Command {
  command
    .option('--filter <types...>', 'event types or prefix.* patterns (default: all)')
    .option('--format <name>', 'wire format, e.g. standard, viber, business, routee, chatapi')
    .addOption(
      new Option('--ordering <mode>', 'parallel, serial, or serial per ordering key').choices(
        ORDERINGS,
      ),
    )
    .option('--ordering-key-path <path>', 'per-key: the payload field the key is read from')
    .option('--payload-filter <json>', 'deliver only payloads matching this filter', jsonObject)
    .addOption(
      new Option('--retry <preset>', 'retry policy preset').choices(
        RETRY_PRESETS.filter((p) => p !== 'custom'),
      ),
    )
    .option('--description <text>', 'what it is for')
    .option('--rate-limit <perSecond>', 'most requests per second', positiveNumber)
    .option('--max-concurrency <n>', 'most requests in flight (1-1000)', integer(1, 1000))
    .option('--timeout-ms <ms>', 'per attempt (100-60000)', integer(100, 60_000))
    .option('--no-trace-context', "send no traceparent to this endpoint (the producer's trace)");
  if (!forCreate)
    command
      .option('--trace-context', 'send the traceparent again')
      .option('--new-url <url>', 'send to this URL from now on')
      .option('--all-events', 'deliver every event type (clears --filter)')
      .option('--no-rate-limit', 'remove the rate limit')
      .option('--enable', 'enable the endpoint')
      .option('--send-held', 'with --enable: also send what was held while it was disabled')
      .option('--disable', 'disable the endpoint (its deliveries wait)');
  return command;
}

interface SettingFlags {
  filter?: string[];
  format?: string;
  ordering?: string;
  orderingKeyPath?: string;
  payloadFilter?: Record<string, unknown>;
  retry?: string;
  description?: string;
  rateLimit?: number | false;
  maxConcurrency?: number;
  timeoutMs?: number;
  traceContext?: boolean;
  newUrl?: string;
  allEvents?: boolean;
  enable?: boolean;
  sendHeld?: boolean;
  disable?: boolean;
}

function settingsBody(o: SettingFlags): Record<string, unknown> {
  if (o.enable && o.disable) throw new Error('--enable and --disable: give one of them');
  if (o.allEvents && o.filter) throw new Error('--all-events and --filter: give one of them');
  const body: Record<string, unknown> = {};
  // Not --url: that is the global option naming the API.
  if (o.newUrl !== undefined) body.url = o.newUrl;
  if (o.filter) body.filterTypes = o.filter;
  if (o.allEvents) body.filterTypes = null;
  if (o.format !== undefined) body.format = o.format;
  if (o.ordering !== undefined) body.ordering = o.ordering;
  if (o.orderingKeyPath !== undefined) body.orderingKeyPath = o.orderingKeyPath;
  if (o.payloadFilter !== undefined) body.filter = o.payloadFilter;
  if (o.retry !== undefined) body.retryPolicy = { preset: o.retry };
  if (o.description !== undefined) body.description = o.description;
  if (o.rateLimit !== undefined) body.rateLimit = o.rateLimit === false ? null : o.rateLimit;
  if (o.maxConcurrency !== undefined) body.maxConcurrency = o.maxConcurrency;
  if (o.timeoutMs !== undefined) body.timeoutMs = o.timeoutMs;
  if (o.traceContext !== undefined) body.propagateTraceContext = o.traceContext;
  if (o.sendHeld && !o.enable) throw new Error('--send-held: give it with --enable');
  if (o.enable) body.disabled = false;
  if (o.sendHeld) body.sendHeld = true;
  if (o.disable) body.disabled = true;
  return body;
}

const endpointPath = (appId: string, id?: string) =>
  `/api/v1/apps/${seg(appId)}/endpoints${id === undefined ? '' : `/${seg(id)}`}`;

/** `hookline endpoints ...`: where an app's webhooks go. */
export function addEndpointCommands(program: Command): void {
  const endpoints = program.command('endpoints').description("manage an app's endpoints");
  const { limit, cursor } = page();
  endpoints
    .command('list')
    .argument('<appId>')
    .description('list endpoints')
    .addOption(limit)
    .addOption(cursor)
    .action(async (appId: string, o: { limit?: number; cursor?: string }, cmd: Command) => {
      const api = await apiOf(cmd);
      const result = await api.call<{ data: EndpointJson[]; nextCursor: string | null }>(
        'GET',
        `${endpointPath(appId)}${query({ limit: o.limit, cursor: o.cursor })}`,
      );
      await printList(cmd, result, ENDPOINT_COLUMNS);
    });
  settingOptions(
    endpoints
      .command('create')
      .argument('<appId>')
      .argument('<url>', 'where webhooks are sent')
      .description('create an endpoint; prints its signing secret once'),
    true,
  ).action(async (appId: string, url: string, o: SettingFlags, cmd: Command) => {
    const api = await apiOf(cmd);
    const body = { url, ...settingsBody(o) };
    await printRecord(cmd, await api.call('POST', endpointPath(appId), body));
  });
  endpoints
    .command('get')
    .argument('<appId>')
    .argument('<endpointId>')
    .description('show an endpoint')
    .action(async (appId: string, id: string, _o, cmd: Command) => {
      const api = await apiOf(cmd);
      await printRecord(cmd, await api.call('GET', endpointPath(appId, id)));
    });
  settingOptions(
    endpoints
      .command('update')
      .argument('<appId>')
      .argument('<endpointId>')
      .description('change an endpoint: only the options given'),
    false,
  ).action(async (appId: string, id: string, o: SettingFlags, cmd: Command) => {
    const body = settingsBody(o);
    if (Object.keys(body).length === 0)
      throw new Error('nothing to change: give at least one option (see --help)');
    const api = await apiOf(cmd);
    await printRecord(cmd, await api.call('PATCH', endpointPath(appId, id), body));
  });
  endpoints
    .command('delete')
    .argument('<appId>')
    .argument('<endpointId>')
    .description('delete an endpoint with its deliveries and attempts')
    .action(async (appId: string, id: string, _o, cmd: Command) => {
      const api = await apiOf(cmd);
      await api.call('DELETE', endpointPath(appId, id));
      console.error(`deleted ${id}`);
    });
  endpoints
    .command('rotate-secret')
    .argument('<appId>')
    .argument('<endpointId>')
    .description('rotate the signing secret; the old one keeps signing during the grace period')
    .option(
      '--grace-hours <h>',
      'how long the old secret keeps signing (0-168, default 24)',
      integer(0, 168),
    )
    .option('--secret <secret>', 'use this whsec_/whsk_ secret instead of a generated one')
    .action(
      async (
        appId: string,
        id: string,
        o: { graceHours?: number; secret?: string },
        cmd: Command,
      ) => {
        const body: Record<string, unknown> = {};
        if (o.graceHours !== undefined) body.graceMs = o.graceHours * 3600_000;
        if (o.secret !== undefined) body.secret = o.secret;
        const api = await apiOf(cmd);
        await printRecord(
          cmd,
          await api.call('POST', `${endpointPath(appId, id)}/secret/rotate`, body),
        );
      },
    );
  endpoints
    .command('health')
    .argument('<appId>')
    .argument('<endpointId>')
    .description("how an endpoint is doing: state, recent attempts' success and latency, backlog")
    .option(
      '--attempts <n>',
      'how many recent attempts to summarise (1-1000)',
      integer(1, 1000),
      100,
    )
    .action(async (appId: string, id: string, o: { attempts: number }, cmd: Command) => {
      const api = await apiOf(cmd);
      const health = await endpointHealth(api, appId, id, o.attempts);
      await printRecord(cmd, health);
    });
}
