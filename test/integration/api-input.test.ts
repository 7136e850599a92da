import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTenant,
  removeDataDirs,
  startHookline,
  type TenantSetup,
  type TestHookline,
} from '../helpers/hookline-app.js';

let h: TestHookline;
let t: TenantSetup;

beforeAll(async () => {
  h = await startHookline();
  t = await createTenant(h, { url: 'http://127.0.0.1:9/hook' });
});
afterAll(async () => {
  await h.close();
  removeDataDirs();
});

/** Expects a 400 whose details name `field`, in the one error body shape. */
async function expect400(method: string, url: string, body: unknown, field: string) {
  const res = await h.api(method, url, body);
  expect({ url, body, status: res.status }).toEqual({ url, body, status: 400 });
  expect(res.body).toMatchObject({
    code: expect.any(String),
    message: expect.any(String),
    details: expect.any(Array),
  });
  expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
  return res.body;
}

describe('bad input is a 400 naming the field', () => {
  it('apps', async () => {
    await expect400('POST', '/api/v1/apps', {}, 'name');
    await expect400('POST', '/api/v1/apps', { name: '' }, 'name');
    await expect400('POST', '/api/v1/apps', { name: 'x', colour: 'red' }, 'colour');
    await expect400('POST', '/api/v1/apps', { name: 'x', metadata: { k: 5 } }, 'metadata.k');
    await expect400('PATCH', `/api/v1/apps/${t.appId}`, { name: 42 }, 'name');
    await expect400('PATCH', `/api/v1/apps/${t.appId}`, { name: '' }, 'name');
  });

  it('endpoint URLs must be absolute http(s)', async () => {
    const url = `/api/v1/apps/${t.appId}/endpoints`;
    for (const bad of [
      'ftp://example.com/x',
      'not a url',
      '/relative/path',
      'javascript:alert(1)',
      'file:///etc/passwd',
      'http://user:pw@127.0.0.1/x',
    ]) {
      await expect400('POST', url, { url: bad }, 'url');
    }
    await expect400('POST', url, {}, 'url');
    await expect400('PATCH', `${url}/${t.endpointId}`, { url: 'ws://127.0.0.1/socket' }, 'url');
  });

  it('endpoint settings', async () => {
    const url = `/api/v1/apps/${t.appId}/endpoints`;
    const ok = 'http://127.0.0.1:9/x';
    await expect400('POST', url, { url: ok, timeoutMs: 50 }, 'timeoutMs');
    await expect400('POST', url, { url: ok, maxConcurrency: 0 }, 'maxConcurrency');
    await expect400('POST', url, { url: ok, rateLimit: -1 }, 'rateLimit');
    await expect400('POST', url, { url: ok, ordering: 'random' }, 'ordering');
    await expect400(
      'POST',
      url,
      { url: ok, retryPolicy: { preset: 'forever' } },
      'retryPolicy.preset',
    );
    await expect400(
      'POST',
      url,
      { url: ok, retryPolicy: { preset: 'custom' } },
      'retryPolicy.waitsMs',
    );
    await expect400(
      'POST',
      url,
      { url: ok, retryPolicy: { preset: 'standard', waitsMs: [1] } },
      'retryPolicy.waitsMs',
    );
    await expect400(
      'POST',
      url,
      { url: ok, filterTypes: ['message.*', 'bad pattern'] },
      'filterTypes[1]',
    );
    await expect400(
      'POST',
      url,
      { url: ok, headers: { 'Webhook-Signature': 'forged' } },
      'headers.Webhook-Signature',
    );
    await expect400('POST', url, { url: ok, format: 'carrier-pigeon' }, 'format');
    await expect400('POST', url, { url: ok, secret: 'plaintext' }, 'secret');
  });

  it('JSON bodies are not type-coerced into other settings', async () => {
    const url = `/api/v1/apps/${t.appId}/endpoints/${t.endpointId}`;
    await expect400('PATCH', url, { rateLimit: 0 }, 'rateLimit'); // was: null, i.e. unlimited
    await expect400('PATCH', url, { rateLimit: false }, 'rateLimit');
    await expect400('PATCH', url, { timeoutMs: 0 }, 'timeoutMs'); // was: null, the default timeout
    await expect400('PATCH', url, { filterTypes: '' }, 'filterTypes'); // was: null, every event
    await expect400('PATCH', url, { filterTypes: 'message.*' }, 'filterTypes');
    await expect400('PATCH', url, { maxConcurrency: true }, 'maxConcurrency'); // was: 1
    await expect400('PATCH', url, { disabled: 'true' }, 'disabled');
    await expect400(
      'PATCH',
      url,
      { retryPolicy: { preset: 'custom', waitsMs: 5 } },
      'retryPolicy.waitsMs',
    );
    await expect400(
      'POST',
      `/api/v1/apps/${t.appId}/messages`,
      { eventType: 12345, payload: {} },
      'eventType',
    );
    const ep = (await h.api('GET', url)).body;
    expect(ep).toMatchObject({
      rateLimit: null,
      timeoutMs: null,
      filterTypes: null,
      maxConcurrency: 50,
      disabled: false,
    });
  });

  it('a refused update writes nothing', async () => {
    const url = `/api/v1/apps/${t.appId}/endpoints/${t.endpointId}`;
    const before = (await h.api('GET', url)).body;
    await expect400('PATCH', url, { description: 'changed', url: 'gopher://x' }, 'url');
    expect((await h.api('GET', url)).body).toEqual(before);
    expect((await h.api('GET', `/api/v1/apps/${t.appId}/endpoints`)).body.data).toHaveLength(1);
  });

  it('messages', async () => {
    const url = `/api/v1/apps/${t.appId}/messages`;
    await expect400('POST', url, { payload: {} }, 'eventType');
    await expect400('POST', url, { eventType: 'has space', payload: {} }, 'eventType');
    await expect400('POST', url, { eventType: 'a.b' }, 'payload');
    await expect400('POST', url, { eventType: 'a.b', payload: [1, 2] }, 'payload');
    await expect400('POST', url, { eventType: 'a.b', payload: 'text' }, 'payload');
    await expect400(
      'POST',
      url,
      { eventType: 'a.b', payload: {}, idempotencyKey: '' },
      'idempotencyKey',
    );
    await expect400(
      'POST',
      url,
      { eventType: 'a.b', payload: {}, endpointId: 'ep_unknown' },
      'endpointId',
    );
    const broken = await expect400('POST', url, '{"eventType": "a.b", "payload": {', 'body');
    expect(broken.code).toBe('invalid_json');
    // Nothing was accepted by any of these.
    expect((await h.api('GET', url)).body.data).toEqual([]);
  });

  it('list queries', async () => {
    await expect400('GET', `/api/v1/apps/${t.appId}/messages?limit=0`, undefined, 'limit');
    await expect400('GET', `/api/v1/apps/${t.appId}/messages?limit=1000`, undefined, 'limit');
    await expect400('GET', `/api/v1/apps/${t.appId}/deliveries?state=lost`, undefined, 'state');
    await expect400(
      'GET',
      `/api/v1/apps/${t.appId}/deliveries?cursor=${Buffer.from('abc').toString('base64url')}`,
      undefined,
      'cursor',
    );
    await expect400('GET', `/api/v1/apps/${t.appId}/messages?since=last-week`, undefined, 'since');
    await expect400('GET', `/api/v1/apps/${t.appId}/deliveries/abc`, undefined, 'deliveryId');
  });
});

describe('payload limit', () => {
  it('a payload over 256 KiB is 413; one just under is accepted', async () => {
    const url = `/api/v1/apps/${t.appId}/messages`;
    const over = await h.api('POST', url, {
      eventType: 'big.one',
      payload: { blob: 'x'.repeat(256 * 1024) },
    });
    expect(over.status).toBe(413);
    expect(over.body.code).toBe('payload_too_large');
    const wayOver = await h.api('POST', url, {
      eventType: 'big.one',
      payload: { blob: 'x'.repeat(1024 * 1024) },
    });
    expect(wayOver.status).toBe(413);
    const under = await h.api('POST', url, {
      eventType: 'big.one',
      payload: { blob: 'x'.repeat(256 * 1024 - 20) },
    });
    expect(under.status).toBe(202);
  });
});

describe('unknown ids are 404', () => {
  it('for every kind of record', async () => {
    const A = `/api/v1/apps/${t.appId}`;
    for (const [method, url, body] of [
      ['GET', '/api/v1/apps/app_01JUNKNOWN'],
      ['PATCH', '/api/v1/apps/app_01JUNKNOWN', { name: 'x' }],
      ['DELETE', '/api/v1/apps/app_01JUNKNOWN'],
      ['GET', '/api/v1/apps/app_01JUNKNOWN/messages'],
      ['POST', '/api/v1/apps/app_01JUNKNOWN/messages', { eventType: 'a.b', payload: {} }],
      ['GET', `${A}/endpoints/ep_nope`],
      ['PATCH', `${A}/endpoints/ep_nope`, { description: 'x' }],
      ['DELETE', `${A}/endpoints/ep_nope`],
      ['GET', `${A}/endpoints/ep_nope/secret`],
      ['POST', `${A}/endpoints/ep_nope/secret/rotate`, {}],
      ['GET', `${A}/endpoints/ep_nope/attempts`],
      ['GET', `${A}/endpoints/ep_nope/deliveries`],
      ['POST', `${A}/endpoints/ep_nope/recover`, { since: '2026-01-01T00:00:00Z' }],
      ['GET', `${A}/messages/msg_nope`],
      ['GET', `${A}/messages/msg_nope/attempts`],
      ['POST', `${A}/messages/msg_nope/replay`, { endpointId: 'ep_nope' }],
      ['GET', `${A}/deliveries/424242`],
      ['POST', `${A}/deliveries/424242/retry`],
      ['GET', '/api/v1/nothing-here'],
    ] as Array<[string, string, unknown?]>) {
      const res = await h.api(method, url, body);
      expect({ method, url, status: res.status }).toEqual({ method, url, status: 404 });
      expect(res.body.code).toBe('not_found');
    }
  });
});

describe('documents and health', () => {
  it('serves the OpenAPI document without a token', async () => {
    const res = await h.app.server.inject({ method: 'GET', url: '/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/apps',
        '/api/v1/apps/{appId}/endpoints',
        '/api/v1/apps/{appId}/messages',
        '/api/v1/apps/{appId}/deliveries/{deliveryId}/retry',
        '/api/v1/apps/{appId}/endpoints/{endpointId}/recover',
      ]),
    );
    const docs = await h.app.server.inject({ method: 'GET', url: '/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.headers['content-type']).toMatch(/text\/html/);
  });

  it('answers /healthz without a token', async () => {
    const res = await h.app.server.inject({ method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', store: 'sqlite', role: 'all' });
  });
});
