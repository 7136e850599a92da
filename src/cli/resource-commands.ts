import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { ApiClient } from './api-client.js';

interface GlobalFlags {
  url: string;
  token?: string;
  dataDir: string;
}

function client(cmd: Command): ApiClient {
  const flags = cmd.optsWithGlobals() as GlobalFlags;
  return new ApiClient({ url: flags.url, token: flags.token ?? null, dataDir: flags.dataDir });
}

const print = (value: unknown) => console.log(JSON.stringify(value, null, 2));

function parseJsonFlag(name: string, raw: string): unknown {
  const text = raw.startsWith('@') ? readFileSync(raw.slice(1), 'utf8') : raw;
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`--${name}: not valid JSON (${(error as Error).message})`);
  }
}

/** Convenience commands that call the management API. */
export function addResourceCommands(program: Command): void {
  const apps = program.command('apps').description('manage apps (tenants)');
  apps
    .command('list')
    .description('list apps')
    .action(async (_o, cmd) => print(await client(cmd).call('GET', '/api/v1/apps')));
  apps
    .command('create <name>')
    .description('create an app; prints its API key once')
    .action(async (name: string, _o, cmd) =>
      print(await client(cmd).call('POST', '/api/v1/apps', { name })),
    );
  apps
    .command('get <appId>')
    .description('show an app')
    .action(async (id: string, _o, cmd) =>
      print(await client(cmd).call('GET', `/api/v1/apps/${id}`)),
    );
  apps
    .command('delete <appId>')
    .description('delete an app and everything it owns')
    .action(async (id: string, _o, cmd) => {
      await client(cmd).call('DELETE', `/api/v1/apps/${id}`);
      console.log(`deleted ${id}`);
    });

  const endpoints = program.command('endpoints').description("manage an app's endpoints");
  endpoints
    .command('list <appId>')
    .description('list endpoints')
    .action(async (appId: string, _o, cmd) =>
      print(await client(cmd).call('GET', `/api/v1/apps/${appId}/endpoints`)),
    );
  endpoints
    .command('create <appId> <url>')
    .description('create an endpoint; prints its signing secret once')
    .option('--filter <types...>', 'event types or prefix.* patterns (default: all)')
    .option('--format <name>', 'wire format', 'standard')
    .option('--ordering <mode>', 'parallel or serial', 'parallel')
    .option(
      '--retry <preset>',
      'retry policy preset: standard, exponential, routee, guaranteed, single',
    )
    .action(
      async (
        appId: string,
        url: string,
        o: { filter?: string[]; format: string; ordering: string; retry?: string },
        cmd,
      ) => {
        const body: Record<string, unknown> = { url, format: o.format, ordering: o.ordering };
        if (o.filter) body.filterTypes = o.filter;
        if (o.retry) body.retryPolicy = { preset: o.retry };
        print(await client(cmd).call('POST', `/api/v1/apps/${appId}/endpoints`, body));
      },
    );
  endpoints
    .command('delete <appId> <endpointId>')
    .description('delete an endpoint')
    .action(async (appId: string, id: string, _o, cmd) => {
      await client(cmd).call('DELETE', `/api/v1/apps/${appId}/endpoints/${id}`);
      console.log(`deleted ${id}`);
    });

  program
    .command('send <appId> <eventType> <payload>')
    .description('send a message (payload: JSON text or @file)')
    .option('--idempotency-key <key>', 'de-duplicate within 24 h')
    .option('--endpoint <endpointId>', 'deliver to this endpoint only')
    .action(
      async (
        appId: string,
        eventType: string,
        payload: string,
        o: { idempotencyKey?: string; endpoint?: string },
        cmd,
      ) => {
        const body: Record<string, unknown> = {
          eventType,
          payload: parseJsonFlag('payload', payload),
        };
        if (o.idempotencyKey) body.idempotencyKey = o.idempotencyKey;
        if (o.endpoint) body.endpointId = o.endpoint;
        print(await client(cmd).call('POST', `/api/v1/apps/${appId}/messages`, body));
      },
    );

  program
    .command('attempts <appId>')
    .description('list attempts of a message or an endpoint')
    .option('--message <messageId>', 'attempts of this message')
    .option('--endpoint <endpointId>', 'attempts of this endpoint')
    .action(async (appId: string, o: { message?: string; endpoint?: string }, cmd) => {
      if (!o.message === !o.endpoint)
        throw new Error('give exactly one of --message or --endpoint');
      const path = o.message ? `messages/${o.message}` : `endpoints/${o.endpoint}`;
      print(await client(cmd).call('GET', `/api/v1/apps/${appId}/${path}/attempts`));
    });
}
