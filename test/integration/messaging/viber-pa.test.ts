import { createHmac } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { bearer, createApp, startMessagingApi, useMessagingFixture } from './harness.js';

const { api, receiver, account } = useMessagingFixture({
  allowHttp: true,
  validationTimeoutMs: 300,
});

const pa = (path: string, payload: unknown, token: string | null = account.viberToken) =>
  api.server.inject({
    method: 'POST',
    url: `/pa/${path}`,
    headers: {
      'content-type': 'application/json',
      ...(token === null ? {} : { 'x-viber-auth-token': token }),
    },
    payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
  });

async function endpoints() {
  const page = await api.server.inject({
    method: 'GET',
    url: `/api/v1/apps/${account.id}/endpoints`,
    headers: bearer(account.apiKey),
  });
  return page.json<{
    data: Array<{
      id: string;
      url: string;
      format: string;
      filterTypes: string[];
      formatOptions: Record<string, unknown>;
      disabled: boolean;
      metadata: Record<string, string>;
    }>;
  }>().data;
}

afterEach(() => {
  receiver.requests.length = 0;
  receiver.respond = (_r, res) => res.writeHead(200).end('ok');
});

describe('POST /pa/set_webhook', () => {
  it('validates the URL with a signed webhook callback, then answers ok with every event type', async () => {
    const reply = await pa('set_webhook', { url: receiver.url('/viber') });
    expect(reply.statusCode).toBe(200);
    expect(reply.json()).toEqual({
      status: 0,
      status_message: 'ok',
      event_types: [
        'message',
        'delivered',
        'seen',
        'failed',
        'subscribed',
        'unsubscribed',
        'conversation_started',
      ],
    });
    expect(receiver.requests).toHaveLength(1);
    const callback = receiver.requests[0];
    expect(callback.body).toMatch(
      /^\{"event":"webhook","timestamp":1768469465000,"chat_hostname":"SN-HOOKLINE_","message_token":\d+\}$/,
    );
    const signature = createHmac('sha256', account.viberToken).update(callback.body).digest('hex');
    expect(callback.headers['x-viber-content-signature']).toBe(signature);
    expect(callback.url.searchParams.get('sig')).toBe(signature);
    expect(callback.url.pathname).toBe('/viber');
    const [webhook] = await endpoints();
    expect(webhook).toMatchObject({ url: receiver.url('/viber'), format: 'viber' });
    expect(webhook.filterTypes.sort()).toEqual([
      'conversation.started',
      'message.received',
      'message.status',
      'subscription.subscribed',
      'subscription.unsubscribed',
    ]);
  });

  it('event_types [] means the mandatory events only; a list gets the mandatory ones added; one webhook per account', async () => {
    expect((await pa('set_webhook', { url: receiver.url('/a'), event_types: [] })).json()).toEqual({
      status: 0,
      status_message: 'ok',
      event_types: ['message', 'subscribed', 'unsubscribed'],
    });
    let list = await endpoints();
    expect(list).toHaveLength(1);
    expect(list[0].filterTypes.sort()).toEqual([
      'message.received',
      'subscription.subscribed',
      'subscription.unsubscribed',
    ]);

    const reply = await pa('set_webhook', {
      url: receiver.url('/b'),
      event_types: ['delivered', 'seen', 'delivered'],
      send_name: true,
      send_photo: true,
    });
    expect(reply.json()).toEqual({
      status: 0,
      status_message: 'ok',
      event_types: ['delivered', 'seen', 'message', 'subscribed', 'unsubscribed'],
    });
    list = await endpoints();
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({
      url: receiver.url('/b'),
      formatOptions: {
        sendName: true,
        sendPhoto: true,
        eventTypes: ['delivered', 'seen', 'message', 'subscribed', 'unsubscribed'],
      },
    });

    expect((await pa('get_account_info', {})).json()).toEqual({
      status: 0,
      status_message: 'ok',
      id: account.id,
      name: 'Shop',
      webhook: receiver.url('/b'),
      event_types: ['delivered', 'seen', 'message', 'subscribed', 'unsubscribed'],
    });
  });

  it('only an HTTP 200 within the timeout passes; otherwise invalidUrl and nothing changes', async () => {
    await pa('set_webhook', { url: receiver.url('/kept') });
    for (const respond of [
      (_r: unknown, res: ServerResponse) => res.writeHead(500).end(),
      (_r: unknown, res: ServerResponse) => res.writeHead(204).end(),
      () => undefined, // never answers: the 300 ms validation timeout runs out
    ]) {
      receiver.respond = respond;
      expect((await pa('set_webhook', { url: receiver.url('/new') })).json()).toEqual({
        status: 1,
        status_message: 'invalidUrl',
      });
    }
    expect((await endpoints()).map((e) => e.url)).toEqual([receiver.url('/kept')]);
    expect((await pa('set_webhook', { url: 'http://127.0.0.1:1/closed' })).json()).toEqual({
      status: 1,
      status_message: 'invalidUrl',
    });
  });

  // Page 000, "Removing the Webhook": "send an empty URL in the request. This will effectively
  // remove the webhook"; the request example is {"url": ""}.
  it('url "" removes the webhook but keeps the endpoint with its deliveries and attempts', async () => {
    await pa('set_webhook', { url: receiver.url('/gone') });
    const [webhook] = await endpoints();
    // One callback delivered to it before the removal: its history.
    const sent = await api.server.inject({
      method: 'POST',
      url: `/api/v1/apps/${account.id}/events`,
      headers: bearer(account.apiKey),
      payload: {
        type: 'subscription.unsubscribed',
        data: { user_id: 'u1', timestamp: '2026-01-15T09:00:00Z' },
      },
    });
    expect(sent.statusCode).toBe(202);
    await api.dispatcher.drainDue();
    expect(receiver.requests.filter((r) => r.url.pathname === '/gone')).toHaveLength(2);

    expect((await pa('set_webhook', { url: '' })).json()).toEqual({
      status: 0,
      status_message: 'ok',
    });
    expect((await pa('get_account_info', {})).json()).toMatchObject({
      webhook: '',
      event_types: [],
    });
    const [kept] = await endpoints();
    expect(kept).toMatchObject({
      id: webhook.id,
      url: receiver.url('/gone'),
      disabled: true,
      metadata: { 'hookline.viberWebhook': 'removed' },
    });
    const attempts = await api.server.inject({
      method: 'GET',
      url: `/api/v1/apps/${account.id}/endpoints/${webhook.id}/attempts`,
      headers: bearer(account.apiKey),
    });
    expect(attempts.json().data).toHaveLength(1);

    // Nothing more goes to it; a new set_webhook makes a new endpoint beside the old one.
    await api.server.inject({
      method: 'POST',
      url: `/api/v1/apps/${account.id}/events`,
      headers: bearer(account.apiKey),
      payload: {
        type: 'subscription.unsubscribed',
        data: { user_id: 'u2', timestamp: '2026-01-15T09:01:00Z' },
      },
    });
    await api.dispatcher.drainDue();
    expect(receiver.requests.filter((r) => r.url.pathname === '/gone')).toHaveLength(2);
    await pa('set_webhook', { url: receiver.url('/new') });
    const after = await endpoints();
    expect(after.map((e) => [e.url, e.disabled])).toEqual(
      expect.arrayContaining([
        [receiver.url('/gone'), true],
        [receiver.url('/new'), false],
      ]),
    );
    expect((await pa('get_account_info', {})).json().webhook).toBe(receiver.url('/new'));
    expect((await pa('set_webhook', { url: '' })).json().status).toBe(0);
    expect((await pa('set_webhook', { url: '' })).json().status).toBe(0); // none left: still ok
  });

  it('answers Viber errors with HTTP 200: tokens, bad data, missing data, size', async () => {
    expect((await pa('set_webhook', { url: receiver.url() }, null)).json()).toEqual({
      status: 2,
      status_message: 'missing_auth_token',
    });
    expect((await pa('set_webhook', { url: receiver.url() }, `${account.id}.00`)).json()).toEqual({
      status: 2,
      status_message: 'invalidAuthToken',
    });
    expect((await pa('get_account_info', {}, 'nonsense')).json()).toEqual({
      status: 2,
      status_message: 'invalidAuthToken',
    });
    expect(
      (
        await pa('set_webhook', { url: receiver.url(), event_types: ['delivered', 'clicked'] })
      ).json(),
    ).toEqual({ status: 3, status_message: 'badData' });
    expect(
      (await pa('set_webhook', { url: receiver.url(), event_types: 'delivered' })).json(),
    ).toEqual({ status: 3, status_message: 'badData' });
    expect((await pa('set_webhook', { url: receiver.url(), send_name: 'yes' })).json()).toEqual({
      status: 3,
      status_message: 'badData',
    });
    expect((await pa('set_webhook', '{"url":')).json()).toEqual({
      status: 3,
      status_message: 'badData',
    });
    expect((await pa('set_webhook', { event_types: [] })).json()).toEqual({
      status: 4,
      status_message: 'missingData',
    });
    const big = { url: receiver.url(), padding: 'x'.repeat(30 * 1024) };
    const tooBig = await pa('set_webhook', big);
    expect(tooBig.statusCode).toBe(200);
    expect(tooBig.json()).toEqual({ status: 3, status_message: 'badData' });
    const huge = await pa('set_webhook', {
      url: receiver.url(),
      padding: 'x'.repeat(2 * 1024 * 1024),
    });
    expect(huge.json()).toEqual({ status: 3, status_message: 'badData' });
    expect(receiver.requests).toHaveLength(0);
  });

  it('accepts the token in the body as the official SDK also sends it', async () => {
    const reply = await api.server.inject({
      method: 'POST',
      url: '/pa/set_webhook',
      headers: { 'content-type': 'application/json' },
      payload: {
        auth_token: account.viberToken,
        url: receiver.url('/body-token'),
        is_inline: false,
        event_types: ['seen'],
      },
    });
    expect(reply.json()).toMatchObject({ status: 0 });
  });
});

describe('https only outside the development switch', () => {
  it('refuses http:// URLs with invalidUrl without calling them', async () => {
    const strict = await startMessagingApi({ validationTimeoutMs: 300 });
    try {
      const other = await createApp(strict, 'Strict');
      const reply = await strict.server.inject({
        method: 'POST',
        url: '/pa/set_webhook',
        headers: { 'x-viber-auth-token': other.viberToken, 'content-type': 'application/json' },
        payload: { url: receiver.url('/plain-http') },
      });
      expect(reply.json()).toEqual({ status: 1, status_message: 'invalidUrl' });
      expect(receiver.requests).toHaveLength(0);
    } finally {
      await strict.close();
    }
  });
});

describe('viber auth token API', () => {
  it('issues, reads and rotates the token; another tenant sees a 404', async () => {
    const other = await createApp(api, 'Other');
    const read = await api.server.inject({
      method: 'GET',
      url: `/api/v1/apps/${other.id}/viber-token`,
      headers: bearer(other.apiKey),
    });
    expect(read.json()).toEqual({ appId: other.id, viberAuthToken: other.viberToken });
    const rotated = await api.server.inject({
      method: 'POST',
      url: `/api/v1/apps/${other.id}/viber-token`,
      headers: bearer(other.apiKey),
    });
    const next = rotated.json<{ viberAuthToken: string }>().viberAuthToken;
    expect(next).not.toBe(other.viberToken);
    expect((await pa('get_account_info', {}, other.viberToken)).json()).toEqual({
      status: 2,
      status_message: 'invalidAuthToken',
    });
    expect((await pa('get_account_info', {}, next)).json()).toMatchObject({
      status: 0,
      id: other.id,
    });
    const foreign = await api.server.inject({
      method: 'GET',
      url: `/api/v1/apps/${other.id}/viber-token`,
      headers: bearer(account.apiKey),
    });
    expect(foreign.statusCode).toBe(404);
  });
});
