import { describe, expect, it } from 'vitest';
import { bearer, useMessagingFixture } from './harness.js';

const { api, receiver, account } = useMessagingFixture({
  allowHttp: true,
  validationTimeoutMs: 300,
});

const STATUS_WITH_BIG_TOKEN =
  '{"message_token":9223372036854775807,"status":"seen","recipient":"01234567890A=","timestamp":"2026-01-15T09:31:02.886358Z","foreign_id":"order-1"}';

const post = (url: string, payload: string | object) =>
  api.server.inject({
    method: 'POST',
    url,
    headers: { ...bearer(account.apiKey), 'content-type': 'application/json' },
    payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
  });

async function createEndpoint(body: Record<string, unknown>) {
  const reply = await post(`/api/v1/apps/${account.id}/endpoints`, body);
  return reply;
}

describe('POST /api/v1/apps/:appId/events (typed ingest)', () => {
  it('accepts a valid event and keeps a 64-bit token byte for byte', async () => {
    const reply = await post(
      `/api/v1/apps/${account.id}/events`,
      `{"type":"message.status","data":${STATUS_WITH_BIG_TOKEN}}`,
    );
    expect(reply.statusCode).toBe(202);
    expect(reply.body).toContain(`"payload":${STATUS_WITH_BIG_TOKEN}`);
    const id = reply.json<{ id: string }>().id;
    const stored = await api.server.inject({
      method: 'GET',
      url: `/api/v1/apps/${account.id}/messages/${id}`,
      headers: bearer(account.apiKey),
    });
    expect(stored.body).toContain('"message_token":9223372036854775807');
  });

  it('answers 400 naming each failing field', async () => {
    const reply = await post(`/api/v1/apps/${account.id}/events`, {
      type: 'message.received',
      data: {
        message_token: 1,
        timestamp: '2026-01-15T09:30:12Z',
        sender: { id: 'u1' },
        message: { type: 'file', media: 'https://m/f' },
      },
    });
    expect(reply.statusCode).toBe(400);
    expect(reply.json()).toEqual({
      code: 'invalid_request',
      message: 'data.sender.name: is required',
      details: [{ field: 'data.sender.name', message: 'is required' }],
    });
    const kind = await post(`/api/v1/apps/${account.id}/events`, {
      type: 'message.received',
      data: {
        message_token: 1,
        timestamp: '2026-01-15T09:30:12Z',
        sender: { id: 'u1', name: 'A' },
        message: { type: 'file', media: 'https://m/f' },
      },
    });
    expect(kind.json<{ details: unknown[] }>().details).toEqual([
      { field: 'data.message.size', message: 'required when message.type is file' },
      { field: 'data.message.file_name', message: 'required when message.type is file' },
    ]);
    const failed = await post(`/api/v1/apps/${account.id}/events`, {
      eventType: 'message.status',
      payload: {
        message_token: 5,
        status: 'failed',
        recipient: 'u',
        timestamp: '2026-01-15T09:30:12Z',
      },
    });
    expect(failed.json<{ details: unknown[] }>().details).toEqual([
      { field: 'payload.reason', message: 'required when status is failed' },
    ]);
    const unknown = await post(`/api/v1/apps/${account.id}/events`, {
      type: 'message.forwarded',
      data: {},
    });
    expect(unknown.json<{ details: Array<{ field: string }> }>().details[0].field).toBe('type');
    const missing = await post(`/api/v1/apps/${account.id}/events`, { data: {} });
    expect(missing.json<{ details: Array<{ field: string }> }>().details).toEqual([
      { field: 'type', message: 'is required' },
    ]);
    const stray = await post(`/api/v1/apps/${account.id}/events`, {
      type: 'instance.status',
      data: {},
      colour: 1,
    });
    expect(stray.statusCode).toBe(400);
  });

  it('webhookId routes the event to that one endpoint; an unknown one is a 400 naming webhookId', async () => {
    const a = (await createEndpoint({ url: receiver.url('/a'), format: 'business' })).json<{
      id: string;
    }>();
    await createEndpoint({ url: receiver.url('/b'), format: 'standard' });
    const routed = await post(
      `/api/v1/apps/${account.id}/events`,
      `{"type":"message.status","webhookId":"${a.id}","data":${STATUS_WITH_BIG_TOKEN}}`,
    );
    expect(routed.statusCode).toBe(202);
    expect(routed.json()).toMatchObject({ endpointId: a.id, deliveries: 1 });
    receiver.requests.length = 0;
    await api.dispatcher.drainDue();
    expect(receiver.requests.map((r) => r.url.pathname)).toEqual(['/a']);
    expect(receiver.requests[0].body).toBe(
      '{"event":"viber:message:status","payload":{"id":"9223372036854775807","channel":"viber","from":null,"to":"01234567890A=",' +
        '"status":"read","delivered_at":null,"read_at":null,"processed_at":null,"timestamp":"2026-01-15T09:31:02.886358Z","foreign_id":"order-1"}}',
    );
    // A later status of the same message follows it there (webhook_id is per message) ...
    const later = await post(
      `/api/v1/apps/${account.id}/events`,
      `{"type":"message.status","data":${STATUS_WITH_BIG_TOKEN}}`,
    );
    expect(later.json()).toMatchObject({ endpointId: a.id, deliveries: 1 });
    // ... while a status of another message goes to every endpoint.
    const everyone = await post(
      `/api/v1/apps/${account.id}/events`,
      `{"type":"message.status","data":${STATUS_WITH_BIG_TOKEN.replace('9223372036854775807', '9223372036854775806')}}`,
    );
    expect(everyone.json()).toMatchObject({ endpointId: null, deliveries: 2 });
    const bad = await post(`/api/v1/apps/${account.id}/events`, {
      type: 'instance.status',
      webhookId: 'ep_nope',
      data: { instance_id: '1', status: 'init', timestamp: '2026-01-15T09:30:12Z' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ details: unknown[] }>().details).toEqual([
      { field: 'webhookId', message: 'unknown endpoint' },
    ]);
  });

  it('publishes the catalog with schemas and samples', async () => {
    const reply = await api.server.inject({
      method: 'GET',
      url: '/api/v1/event-catalog',
      headers: bearer(account.apiKey),
    });
    expect(reply.statusCode).toBe(200);
    const catalog = reply.json<{ data: Array<{ type: string; schema: { type: string } }> }>();
    expect(catalog.data.map((e) => e.type)).toHaveLength(9);
    expect(catalog.data[0].schema.type).toBe('object');
    expect(reply.body).toContain('"message_token":5741311803571721087');
  });
});

describe('compose templates through the API', () => {
  it('refuses a bad template when the endpoint is saved, naming the position', async () => {
    const reply = await createEndpoint({
      url: receiver.url('/compose'),
      format: 'compose',
      formatOptions: { template: { url: 'https://x.example/ack?id=@{{payload.idd}}' } },
    });
    expect(reply.statusCode).toBe(400);
    expect(reply.json<{ details: unknown[] }>().details).toEqual([
      {
        field: 'formatOptions.template.url',
        message: 'unknown variable "payload.idd" at position 25 (line 1, column 26)',
      },
    ]);
  });

  it('delivers a compose request rendered from the template', async () => {
    const created = await createEndpoint({
      url: receiver.url('/unused'),
      format: 'compose',
      formatOptions: {
        template: {
          url: `${receiver.url('/ack/receive')}?id=@{{payload.id}}&mobile=@{{payload.mobile}}&status=@{{payload.status}}`,
          method: 'PUT',
          headers: { 'X-Foreign': '@{{payload.foreign_id}}' },
          body: '{"id":"@{{payload.id}}","read_at":"@{{payload.read_at}}","token":@{{payload.message_token}}}',
        },
      },
    });
    expect(created.statusCode).toBe(201);
    const endpointId = created.json<{ id: string }>().id;
    await api.dispatcher.drainDue();
    receiver.requests.length = 0;
    await post(
      `/api/v1/apps/${account.id}/events`,
      `{"type":"message.status","webhookId":"${endpointId}","data":${STATUS_WITH_BIG_TOKEN}}`,
    );
    await api.dispatcher.drainDue();
    const [request] = receiver.requests;
    expect(request.method).toBe('PUT');
    expect(`${request.url.pathname}${request.url.search}`).toBe(
      '/ack/receive?id=9223372036854775807&mobile=01234567890A%3D&status=read',
    );
    expect(request.headers['x-foreign']).toBe('order-1');
    expect(request.body).toBe(
      '{"id":"9223372036854775807","read_at":"","token":9223372036854775807}',
    );
  });

  it('previews a template against a sample event', async () => {
    const reply = await post('/api/v1/formats/compose/preview', {
      template: {
        url: 'https://www.domain.com/ack/receive?id=@{{payload.id}}&status=@{{payload.status}}',
        method: 'GET',
      },
      eventType: 'message.status',
    });
    expect(reply.statusCode).toBe(200);
    expect(reply.json()).toMatchObject({
      eventType: 'message.status',
      request: {
        method: 'GET',
        url: 'https://www.domain.com/ack/receive?id=a418d672-9781-4d97-b517-a56f7d95ad8a&status=delivered',
        body: null,
      },
    });
    const bad = await post('/api/v1/formats/compose/preview', {
      template: { body: '{"a":"@{{payload.id"}' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ details: unknown[] }>().details).toEqual([
      {
        field: 'template.body',
        message: 'unclosed tag: @{{ without }} at position 6 (line 1, column 7)',
      },
    ]);
  });
});

// Page 001, "Compose Webhook": "Upon creation, you will receive an id for the newly created
// Webhook. To request delivery reports, include the webhook_id parameter and its corresponding
// value in your API Request. Once the request is made, you will receive the delivery report as
// you configured."
describe('webhook_id is per message', () => {
  it('a message sent with a webhookId gets every later delivery report of it there, without repeating the id', async () => {
    const compose = await createEndpoint({
      url: receiver.url('/unused'),
      format: 'compose',
      filterTypes: ['message.*'],
      formatOptions: {
        template: {
          url: `${receiver.url('/ack/receive')}?id=@{{payload.id}}&mobile=@{{payload.mobile}}&status=@{{payload.status}}`,
        },
      },
    });
    const plain = await createEndpoint({ url: receiver.url('/all'), filterTypes: ['message.*'] });
    expect(compose.statusCode).toBe(201);
    expect(plain.statusCode).toBe(201);
    const webhookId = compose.json<{ id: string }>().id;
    await api.dispatcher.drainDue();
    receiver.requests.length = 0;

    const sent = {
      message_token: 5741311803571730004,
      id: 'a418d672-9781-4d97-b517-a56f7d95ad8a',
      timestamp: '2026-01-15T09:31:00Z',
      recipient: '9190199xxxxx',
      sent_from: 'api',
      message: { type: 'text', text: 'Your order has shipped' },
    };
    const accepted = await post(`/api/v1/apps/${account.id}/events`, {
      type: 'message.sent',
      data: sent,
      webhookId,
    });
    expect(accepted.statusCode).toBe(202);
    for (const status of ['sent', 'delivered', 'read']) {
      const report = await post(`/api/v1/apps/${account.id}/events`, {
        type: 'message.status',
        data: {
          message_token: sent.message_token,
          id: sent.id,
          status,
          recipient: sent.recipient,
          timestamp: '2026-01-15T09:32:00Z',
        },
      });
      expect(report.statusCode).toBe(202);
      expect(report.json<{ endpointId: string }>().endpointId).toBe(webhookId);
    }
    await api.dispatcher.drainDue();
    const paths = receiver.requests.map((r) => `${r.url.pathname}${r.url.search}`);
    expect(paths.filter((p) => p.startsWith('/all'))).toHaveLength(0);
    expect(paths.filter((p) => p.startsWith('/ack/receive')).sort()).toEqual(
      [
        '/ack/receive?id=a418d672-9781-4d97-b517-a56f7d95ad8a&mobile=9190199xxxxx&status=delivered',
        '/ack/receive?id=a418d672-9781-4d97-b517-a56f7d95ad8a&mobile=9190199xxxxx&status=read',
        '/ack/receive?id=a418d672-9781-4d97-b517-a56f7d95ad8a&mobile=9190199xxxxx&status=sent',
        `/ack/receive?id=a418d672-9781-4d97-b517-a56f7d95ad8a&mobile=9190199xxxxx&status=`,
      ].sort(),
    );
    // A status of another message, without a webhookId, still goes to every matching endpoint.
    receiver.requests.length = 0;
    await post(`/api/v1/apps/${account.id}/events`, {
      type: 'message.status',
      data: { message_token: 1, status: 'sent', recipient: 'x', timestamp: '2026-01-15T09:33:00Z' },
    });
    await api.dispatcher.drainDue();
    // (An earlier test's compose endpoint PUTs to /ack/receive too: only this one POSTs.)
    const reached = receiver.requests.map((r) => `${r.method} ${r.url.pathname}`);
    expect(reached.filter((p) => p === 'POST /ack/receive' || p === 'POST /all').sort()).toEqual([
      'POST /ack/receive',
      'POST /all',
    ]);
  });
});
