import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildCli, type BuiltCli } from '../../helpers/build-cli.js';
import { ROOT } from '../../helpers/cli-sources.js';
import { ADMIN_TOKEN, removeDataDirs, type Json } from '../../helpers/hookline-app.js';
import { startReceiver, status, type Receiver } from '../../helpers/receiver.js';
import { send, startInspectorHookline, type InspectorTest } from '../inspector/harness.js';
import { runCli, startCli } from './cli-runner.js';

/**
 * A day of work from the terminal: the real CLI, as child processes, against a real Hookline on
 * 127.0.0.1 and a real receiver. The test drives the dispatcher (fake clock) between commands.
 */
// Each step starts a Node process: generous on a busy machine (not a timing assertion).
vi.setConfig({ testTimeout: 300_000 });

let cli: BuiltCli;
let h: InspectorTest;
let receiver: Receiver;

beforeAll(async () => {
  cli = buildCli();
  h = await startInspectorHookline();
  receiver = await startReceiver();
}, 120_000);
afterAll(async () => {
  await receiver?.close();
  await h?.close();
  cli?.remove();
  removeDataDirs();
});

const hookline = (...args: string[]) =>
  runCli(cli, ['--url', h.baseUrl, '--token', ADMIN_TOKEN, ...args]);

async function json(...args: string[]): Promise<Json> {
  const result = await hookline(...args);
  expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(0);
  return JSON.parse(result.stdout);
}

describe('a day of work with the hookline CLI', () => {
  let appId: string;
  let endpointId: string;

  it('creates an app and an endpoint, sends, watches the delivery succeed and reads it back', async () => {
    const app = await json('apps', 'create', 'Acme');
    expect(app.apiKey).toMatch(/^hk_/);
    appId = app.id;
    const endpoint = await json(
      'endpoints',
      'create',
      appId,
      `${receiver.url}/hooks`,
      '--retry',
      'single',
      '--filter',
      'message.*',
    );
    expect(endpoint.secret).toMatch(/^whsec_/);
    expect(endpoint.filterTypes).toEqual(['message.*']);
    endpointId = endpoint.id;

    const message = await json('send', appId, 'message.status', '{"status":"delivered"}');
    const watch = startCli(cli, [
      '--url',
      h.baseUrl,
      '--token',
      ADMIN_TOKEN,
      'deliveries',
      'watch',
      appId,
      '--message',
      message.id,
      '--until-settled',
      '--interval',
      '100',
      '--json',
    ]);
    await watch.waitForLine(/"state":"pending"/);
    await h.dispatcher.drainDue();
    expect(await watch.exited).toBe(0);
    const seen = watch.lines.filter((l) => l.startsWith('{')).map((l) => JSON.parse(l));
    expect(seen.at(-1)).toMatchObject({
      messageId: message.id,
      state: 'succeeded',
      lastStatus: 200,
    });
    expect(JSON.parse(receiver.requests[0].body).data).toEqual({ status: 'delivered' });

    const listed = await json('messages', 'list', appId, '--event-type', 'message.status');
    expect(listed.data.map((m: Json) => m.id)).toEqual([message.id]);
    const got = await json('messages', 'get', appId, message.id);
    expect(got.payload).toEqual({ status: 'delivered' });
  });

  it('retries a failed delivery, and recovers an endpoint, showing progress', async () => {
    receiver.script(status(500), status(500));
    const first = await json('send', appId, 'message.status', '{"n":1}');
    const second = await json('send', appId, 'message.status', '{"n":2}');
    await h.dispatcher.drainDue();
    const failed = await json('deliveries', 'list', appId, '--state', 'failed');
    expect(failed.data.map((d: Json) => d.messageId).sort()).toEqual([first.id, second.id].sort());

    const one = failed.data.find((d: Json) => d.messageId === first.id);
    const retried = await json('deliveries', 'retry', appId, String(one.id));
    expect(retried).toMatchObject({ id: one.id, state: 'pending' });
    await h.dispatcher.drainDue();
    expect((await json('deliveries', 'get', appId, String(one.id))).state).toBe('succeeded');

    const recover = await hookline('deliveries', 'recover', appId, endpointId, '--since', '1h');
    expect(recover.code, recover.stderr).toBe(0);
    expect(JSON.parse(recover.stdout)).toMatchObject({ requeued: 1, requeuedTotal: 1, done: true });
    // Not a terminal: progress is printed as plain phase lines on stderr, stdout stays JSON.
    expect(recover.stderr).toMatch(/re-queueing failed deliveries/);
    await h.dispatcher.drainDue();
    const left = await json('deliveries', 'list', appId, '--state', 'failed');
    expect(left.data).toEqual([]);
  });

  it('updates an endpoint, rotates its secret and shows its health', async () => {
    const updated = await json(
      'endpoints',
      'update',
      appId,
      endpointId,
      '--disable',
      '--rate-limit',
      '5',
    );
    expect(updated).toMatchObject({ disabled: true, rateLimit: 5, disabledReason: 'manual' });
    await h.api('POST', `/api/v1/apps/${appId}/messages`, {
      eventType: 'message.status',
      payload: { id: 'held-1', status: 'delivered' },
    });
    const alone = await hookline('endpoints', 'update', appId, endpointId, '--send-held');
    expect(alone.code).toBe(1);
    expect(alone.stderr).toContain('--send-held: give it with --enable');
    const resumed = await json('endpoints', 'update', appId, endpointId, '--enable', '--send-held');
    expect(resumed).toMatchObject({ disabled: false, heldSent: { requeued: 1 } });
    // Not sent here (the health figures below count the attempts so far): held again.
    const redisabled = await json('endpoints', 'update', appId, endpointId, '--disable');
    expect(redisabled.disabled).toBe(true);
    const enabled = await json(
      'endpoints',
      'update',
      appId,
      endpointId,
      '--enable',
      '--no-rate-limit',
      '--no-trace-context',
    );
    expect(enabled).toMatchObject({
      disabled: false,
      rateLimit: null,
      propagateTraceContext: false,
    });
    const traced = await json('endpoints', 'update', appId, endpointId, '--trace-context');
    expect(traced).toMatchObject({ disabled: false, propagateTraceContext: true });
    const keyed = await json(
      'endpoints',
      'update',
      appId,
      endpointId,
      '--ordering',
      'per-key',
      '--ordering-key-path',
      'user.id',
      '--payload-filter',
      '{"status":{"$in":["delivered","failed"]}}',
    );
    expect(keyed).toMatchObject({
      ordering: 'per-key',
      orderingKeyPath: 'user.id',
      filter: { status: { $in: ['delivered', 'failed'] } },
    });
    const unordered = await json(
      'endpoints',
      'update',
      appId,
      endpointId,
      '--ordering',
      'parallel',
      '--payload-filter',
      '{}',
    );
    expect(unordered).toMatchObject({ ordering: 'parallel' });
    const badOperator = await hookline(
      'endpoints',
      'update',
      appId,
      endpointId,
      '--payload-filter',
      '{"status":{"$like":"x"}}',
    );
    expect(badOperator.code).toBe(1);
    expect(badOperator.stderr).toMatch(/\$like/);

    const before = await h.api('GET', `/api/v1/apps/${appId}/endpoints/${endpointId}/secret`);
    const rotated = await json(
      'endpoints',
      'rotate-secret',
      appId,
      endpointId,
      '--grace-hours',
      '1',
    );
    expect(rotated.secret).toMatch(/^whsec_/);
    expect(rotated.secret).not.toBe(before.body.secrets[0].secret);

    const health = await json('endpoints', 'health', appId, endpointId);
    // Attempts so far: 1 success, 2 failures, 2 successes (retry and recover).
    expect(health).toMatchObject({
      endpointId,
      disabled: false,
      recentAttempts: 5,
      successRate: 0.6,
      pendingDeliveries: 0,
      failedDeliveries: 0,
    });
    expect(health.lastFailure).toMatch(/500/);
  });

  it('creates and lists bins', async () => {
    const bin = await json('bins', 'create');
    expect(bin.url).toBe(`${h.baseUrl}/in/${bin.id}`);
    const listed = await json('bins', 'list');
    expect(listed.data.map((b: Json) => b.id)).toContain(bin.id);
  });

  it('tails a bin live, printing only what arrives after it starts', async () => {
    const bin = await json('bins', 'create');
    await send(`${bin.url}/before`, 'POST', { body: '{"n":0}' });
    const tail = startCli(cli, [
      '--url',
      h.baseUrl,
      '--token',
      ADMIN_TOKEN,
      'bins',
      'tail',
      bin.id,
    ]);
    try {
      await tail.waitForLine(/^Connected; waiting for requests/);
      await send(`${bin.url}/orders?x=1`, 'POST', {
        headers: { 'content-type': 'application/json' },
        body: '{"n":1}',
      });
      const line = await tail.waitForLine(/"subpath":"\/orders"/);
      // Piped: one JSON object per capture.
      expect(JSON.parse(line)).toMatchObject({ method: 'POST', query: 'x=1', bodySize: 7 });
      expect(tail.lines.some((l) => l.includes('/before'))).toBe(false);
    } finally {
      await tail.stop();
    }
  });

  it('opens a portal link for an app, and ends its sessions', async () => {
    const link = await json(
      'portal',
      'link',
      appId,
      '--mode',
      'dark',
      '--primary-color',
      '#0a7cff',
    );
    expect(link).toMatchObject({ appId, theme: { mode: 'dark', primaryColor: '#0a7cff' } });
    expect(link.url).toBe(`${h.baseUrl}/portal#${link.token}`);
    const opened = await h.api('POST', '/api/v1/portal/session', { token: link.token });
    expect(opened.status).toBe(201);
    const session = { token: opened.body.token };
    expect((await h.api('GET', '/api/v1/portal/session', undefined, session)).status).toBe(200);

    expect(await json('portal', 'end', appId)).toEqual({ ended: 1 });
    expect((await h.api('GET', '/api/v1/portal/session', undefined, session)).status).toBe(401);

    const bad = await hookline('portal', 'link', appId, '--primary-color', 'blue');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("option '--primary-color <hex>' argument 'blue' is invalid");
  });

  it('purges settled messages by hand, with progress, and refuses a bad time', async () => {
    const unsettled = async () =>
      (await h.api('GET', `/api/v1/apps/${appId}/deliveries?limit=250`)).body.data
        .filter((d: Json) => d.state === 'pending' || d.state === 'delivering')
        .map((d: Json) => d.id);
    const kept = await unsettled();
    const before = (await h.api('GET', `/api/v1/apps/${appId}/messages?limit=250`)).body.data;
    h.clock.advance(1000);
    const at = new Date(h.clock.now()).toISOString();
    const purge = await hookline('purge', '--before', at);
    expect(purge.code, purge.stderr).toBe(0);
    const totals = JSON.parse(purge.stdout);
    expect(totals.before).toBe(at);
    expect(totals.messages).toBeGreaterThan(0);
    // Not a terminal: progress is printed as plain phase lines on stderr, stdout stays JSON.
    expect(purge.stderr).toMatch(/purging messages created before/);
    const after = (await h.api('GET', `/api/v1/apps/${appId}/messages?limit=250`)).body.data;
    expect(after.length).toBe(before.length - totals.messages);
    expect(await unsettled()).toEqual(kept);

    const bad = await hookline('purge', '--before', 'yesterday');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('"yesterday" is not a time');
  });

  it('purge --limit deletes at most that many messages; a bad limit exits 2 naming it', async () => {
    const app = await json('apps', 'create', 'Purged in slices');
    for (let i = 0; i < 3; i++) await json('send', app.id, 'message.status', '{}'); // no endpoint: settled
    h.clock.advance(1000);
    const at = new Date(h.clock.now()).toISOString();
    const messages = async () =>
      (await h.api('GET', `/api/v1/apps/${app.id}/messages?limit=250`)).body.data.length;
    const first = await hookline('purge', '--before', at, '--limit', '2');
    expect(first.code, first.stderr).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ messages: 2, done: false });
    expect(await messages()).toBe(1);
    const rest = await hookline('purge', '--before', at, '--limit', '5');
    expect(JSON.parse(rest.stdout)).toMatchObject({ messages: 1, done: true });
    expect(await messages()).toBe(0);

    for (const bad of ['0', 'ten', '1.5']) {
      const refused = await hookline('purge', '--before', at, '--limit', bad);
      expect(refused.code, bad).toBe(2);
      expect(refused.stderr).toContain(`option '--limit <n>' argument '${bad}' is invalid`);
    }
  });
});

describe('hookline output and errors', () => {
  it('prints tables with --output table, JSON when piped', async () => {
    const app = await json('apps', 'create', 'Tables');
    await json('send', app.id, 'message.status', '{}');
    const table = await hookline('--output', 'table', 'messages', 'list', app.id);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/│ id\s+│ event type\s+│ created\s+│ only to\s+│/);
    expect(table.stdout).toMatch(/│ msg_\S+\s+│ message\.status\s+│/);
    const piped = await hookline('messages', 'list', app.id);
    expect(JSON.parse(piped.stdout).data).toHaveLength(1);
  });

  it('prints its version', async () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    const result = await runCli(cli, ['--version']);
    expect(result.stdout.trim()).toBe(version);
  });

  it('names the argument in errors and lists the allowed values of a choice', async () => {
    const state = await hookline('deliveries', 'list', 'app_x', '--state', 'done');
    expect(state.code).toBe(1);
    expect(state.stderr).toContain("option '--state <state>' argument 'done' is invalid");
    expect(state.stderr).toContain('pending, delivering, succeeded, failed');

    const id = await hookline('deliveries', 'retry', 'app_x', 'abc');
    expect(id.code).toBe(1);
    expect(id.stderr).toContain("value 'abc' is invalid for argument 'deliveryId'");
    expect(id.stderr).toContain('expected an integer');

    const payload = await hookline('send', 'app_x', 'message.status', '{oops');
    expect(payload.code).toBe(1);
    expect(payload.stderr).toMatch(/^hookline: payload: not valid JSON/m);

    const output = await hookline('--output', 'yaml', 'apps', 'list');
    expect(output.stderr).toContain('Allowed choices are table, json');

    const filter = await hookline(
      'endpoints',
      'update',
      'app_x',
      'ep_x',
      '--payload-filter',
      '[1]',
    );
    expect(filter.code).toBe(1);
    expect(filter.stderr).toContain("option '--payload-filter <json>' argument '[1]' is invalid");

    const api = await hookline('endpoints', 'update', 'app_missing', 'ep_x', '--new-url', 'x');
    expect(api.code).toBe(1);
    expect(api.stderr).toMatch(/^hookline: not_found: /m);
  });
});
