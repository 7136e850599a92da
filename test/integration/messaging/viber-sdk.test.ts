import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import viberBot from 'viber-bot';
import type { Bot as BotType } from 'viber-bot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/app/config.js';
import { createApp, type HooklineApp } from '../../../src/app/create-app.js';
import { viberFormat } from '../../../src/formats/viber.js';
import { FakeClock } from '../../../src/lib/clock.js';
import { newToken } from '../../../src/lib/ids.js';
import { fixtureEndpoint, fixtureMessage } from '../../helpers/format-fixture.js';

const { Bot, Events } = viberBot;
const ALL_EVENTS = [
  'message',
  'delivered',
  'seen',
  'failed',
  'subscribed',
  'unsubscribed',
  'conversation_started',
];
const AVATAR = 'https://media-direct.cdn.viber.com/download_photo?dlid=avatar01&fltp=jpg&imsz=0000';
const USER = {
  id: '01234567890A=',
  name: 'Jane Doe',
  avatar: AVATAR,
  country: 'GB',
  language: 'en',
  api_version: 10,
};

/** Everything the SDK emitted, and a way to wait for an event without sleeping. */
class Emitted {
  readonly seen: Array<{ event: string; args: unknown[] }> = [];
  private waiters: Array<() => void> = [];
  record(event: string, ...args: unknown[]): void {
    this.seen.push({ event, args });
    for (const wake of this.waiters.splice(0)) wake();
  }
  of(event: string): unknown[][] {
    return this.seen.filter((e) => e.event === event).map((e) => e.args);
  }
  async until(done: () => boolean): Promise<void> {
    while (!done()) await new Promise<void>((resolve) => this.waiters.push(resolve));
  }
}

let hookline: HooklineApp;
let base: string;
let dataDir: string;
let bot: BotType;
let botServer: Server;
let botUrl: string;
let account: { id: string; apiKey: string; token: string };
const emitted = new Emitted();

async function call(
  method: string,
  path: string,
  body?: string,
  key = account?.apiKey ?? hookline.adminToken,
) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${key}`,
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    body,
  });
  return { status: response.status, text: await response.text() };
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'hookline-viber-sdk-'));
  const config = loadConfig(
    {},
    {
      dataDir,
      host: '127.0.0.1',
      port: 0,
      logLevel: 'silent',
      adminToken: newToken('admin'),
      viberAllowHttp: true,
      egress: 'public-and-loopback',
    },
  );
  hookline = await createApp({
    config,
    clock: new FakeClock(Date.UTC(2026, 0, 15, 9, 31, 5)),
    autoStartDispatcher: false,
  });
  base = await hookline.listen();
  const app = JSON.parse(
    (await call('POST', '/api/v1/apps', '{"name":"Shop"}', hookline.adminToken)).text,
  ) as { id: string; apiKey: string };
  const issued = JSON.parse(
    (await call('POST', `/api/v1/apps/${app.id}/viber-token`, undefined, app.apiKey)).text,
  ) as { viberAuthToken: string };
  account = { id: app.id, apiKey: app.apiKey, token: issued.viberAuthToken };

  bot = new Bot({
    authToken: account.token,
    name: 'Shop',
    avatar: 'https://shop.example/logo.png',
    registerToEvents: ALL_EVENTS,
  });
  bot._client._url = `${base}/pa`;
  bot.on(Events.MESSAGE_RECEIVED, (message: unknown, response: unknown) =>
    emitted.record('message', message, response),
  );
  bot.onSubscribe((response) => emitted.record('subscribed', response));
  bot.onUnsubscribe((userId) => emitted.record('unsubscribed', userId));
  bot.onConversationStarted((profile, subscribed, context) =>
    emitted.record('conversation_started', profile, subscribed, context),
  );
  bot.on('delivered', (data: unknown) => emitted.record('delivered', data));
  bot.on('seen', (data: unknown) => emitted.record('seen', data));
  bot.on('webhook', (data: unknown) => emitted.record('webhook', data));
  bot.onError((data) => emitted.record('error', data));
  botServer = createServer(bot.middleware());
  await new Promise<void>((resolve) => botServer.listen(0, '127.0.0.1', resolve));
  botUrl = `http://127.0.0.1:${(botServer.address() as AddressInfo).port}/`;
});

afterAll(async () => {
  botServer?.closeAllConnections();
  await new Promise<void>((resolve) => botServer?.close(() => resolve()));
  await hookline?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function publish(type: string, data: string): Promise<void> {
  const reply = await call(
    'POST',
    `/api/v1/apps/${account.id}/events`,
    `{"type":"${type}","data":${data}}`,
  );
  expect(reply.status, reply.text).toBe(202);
}

describe('the official viber-bot SDK against Hookline', () => {
  it('setWebhook goes through /pa/set_webhook, whose signed validation callback the SDK accepts', async () => {
    const reply = await bot.setWebhook(botUrl);
    expect(reply).toEqual({ status: 0, status_message: 'ok', event_types: ALL_EVENTS });
    const [[callback]] = emitted.of('webhook') as [
      [{ event: string; chat_hostname: string; message_token: string }],
    ];
    expect(callback).toMatchObject({ event: 'webhook', chat_hostname: 'SN-HOOKLINE_' });
    expect(await bot.getBotProfile()).toMatchObject({
      status: 0,
      id: account.id,
      webhook: botUrl,
      event_types: ALL_EVENTS,
    });
  });

  it('accepts every viber delivery and emits message, subscribed, unsubscribed, conversation_started, delivered, seen, failed', async () => {
    const timestamp = '"timestamp":"2026-01-15T09:30:12.345Z"';
    await publish(
      'message.received',
      `{"message_token":5741311803571721087,${timestamp},"sender":${JSON.stringify(USER)},"message":{"type":"text","text":"Where is my order?"}}`,
    );
    await publish(
      'subscription.subscribed',
      `{"user":${JSON.stringify(USER)},${timestamp},"message_token":5741311803571720001}`,
    );
    await publish(
      'subscription.unsubscribed',
      `{"user_id":"01234567890A=",${timestamp},"message_token":5741311803571790002}`,
    );
    await publish(
      'conversation.started',
      `{"type":"open","context":"spring-sale","subscribed":false,"user":${JSON.stringify(USER)},${timestamp},"message_token":5741311803571700003}`,
    );
    for (const status of ['delivered', 'seen']) {
      await publish(
        'message.status',
        `{"message_token":5741311803571721087,"status":"${status}","recipient":"01234567890A=",${timestamp}}`,
      );
    }
    await publish(
      'message.status',
      `{"message_token":5741311803571721088,"status":"failed","reason":"not a subscriber","recipient":"01234567890A=",${timestamp}}`,
    );
    await publish(
      'message.status',
      `{"message_token":5741311803571721089,"status":"sent","recipient":"01234567890A=",${timestamp}}`,
    );

    await hookline.dispatcher?.drainDue();
    const names = [
      'message',
      'subscribed',
      'unsubscribed',
      'conversation_started',
      'delivered',
      'seen',
      'error',
    ];
    await emitted.until(() => names.every((n) => emitted.of(n).length > 0));

    const [[message, response]] = emitted.of('message') as [
      [{ text: string; token: string }, { userProfile: { name: string; avatar: unknown } }],
    ];
    expect(message.text).toBe('Where is my order?');
    expect(String(message.token)).toBe('5741311803571721087'); // 64-bit, exact
    expect(response.userProfile).toMatchObject({
      id: '01234567890A=',
      name: 'Subscriber',
      avatar: 'https://avatar.placeholder.invalid/subscriber.jpg',
    }); // send_name/send_photo false: placeholder values (page 000)
    const [[subscribed]] = emitted.of('subscribed') as [
      [{ userProfile: { id: string; country: string } }],
    ];
    expect(subscribed.userProfile).toMatchObject({ id: '01234567890A=', country: 'GB' });
    expect(emitted.of('unsubscribed')).toEqual([['01234567890A=']]);
    expect(emitted.of('conversation_started')[0].slice(1)).toEqual([false, 'spring-sale']);
    const [[delivered]] = emitted.of('delivered') as [[{ message_token: string; user_id: string }]];
    expect(delivered).toMatchObject({ event: 'delivered', user_id: '01234567890A=' });
    expect(String(delivered.message_token)).toBe('5741311803571721087');
    expect(emitted.of('seen')).toHaveLength(1);
    const [[failed]] = emitted.of('error') as [[{ event: string; desc: string }]];
    expect(failed).toMatchObject({ event: 'failed', desc: 'not a subscriber' });
    // `sent` has no Viber callback: its delivery succeeds without a request.
    const deliveries = JSON.parse(
      (await call('GET', `/api/v1/apps/${account.id}/deliveries`)).text,
    ) as { data: Array<{ state: string }> };
    expect(deliveries.data.map((d) => d.state)).toEqual(Array(8).fill('succeeded'));
  });

  it('rejects a tampered body: the SDK never answers it and emits nothing', async () => {
    const endpoint = fixtureEndpoint({
      url: botUrl,
      format: 'viber',
      formatOptions: { sendName: true },
    });
    const app = {
      id: account.id,
      name: 'Shop',
      metadata: {},
      uid: null,
      apiKeyHash: '',
      viberAuthToken: account.token,
      instanceSettings: {},
      createdAt: 0,
      updatedAt: 0,
    };
    const message = fixtureMessage(
      'subscription.unsubscribed',
      '{"user_id":"tamper-check","timestamp":"2026-01-15T09:30:12Z"}',
    );
    const request = viberFormat.render({ message, endpoint, app, now: Date.now() });
    if (!request?.body) throw new Error('no request rendered');
    const before = emitted.of('unsubscribed').length;
    const tampered = request.body.replace('tamper-check', 'tamper-chekk');
    await expect(
      fetch(request.url, {
        method: 'POST',
        headers: request.headers,
        body: tampered,
        signal: AbortSignal.timeout(300),
      }),
    ).rejects.toThrow();
    const genuine = await fetch(request.url, {
      method: 'POST',
      headers: request.headers,
      body: request.body,
      signal: AbortSignal.timeout(2000),
    });
    expect(genuine.status).toBe(200);
    await emitted.until(() => emitted.of('unsubscribed').length > before);
    expect(emitted.of('unsubscribed').slice(before)).toEqual([['tamper-check']]);
  });
});
