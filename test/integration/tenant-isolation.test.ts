import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTenant,
  removeDataDirs,
  sendMessage,
  startHookline,
  type TenantSetup,
  type TestHookline,
} from '../helpers/hookline-app.js';
import { startReceiver, type Receiver } from '../helpers/receiver.js';

let h: TestHookline;
let receiver: Receiver;
let a: TenantSetup;
let b: TenantSetup;
let messageA: string;
let deliveryA: number;

beforeAll(async () => {
  receiver = await startReceiver();
  h = await startHookline();
  a = await createTenant(h, { url: `${receiver.url}/a` }, 'Tenant A');
  b = await createTenant(h, { url: `${receiver.url}/b` }, 'Tenant B');
  messageA = await sendMessage(h, a.appId, { secret: 'of A' });
  await sendMessage(h, b.appId, { mine: 'B' });
  await h.dispatcher.drainDue();
  deliveryA = (await h.api('GET', `/api/v1/apps/${a.appId}/deliveries`)).body.data[0].id;
});
afterAll(async () => {
  await h.close();
  await receiver.close();
  removeDataDirs();
});

const asB = (method: string, url: string, body?: unknown) =>
  h.api(method, url, body, { token: b.apiKey });

describe('tenant isolation', () => {
  it("B's key gets 404 on every route under A's app", async () => {
    const A = `/api/v1/apps/${a.appId}`;
    const calls: Array<[string, string, unknown?]> = [
      ['GET', A],
      ['PATCH', A, { name: 'stolen' }],
      ['POST', `${A}/api-key/rotate`],
      ['GET', `${A}/endpoints`],
      ['POST', `${A}/endpoints`, { url: 'http://127.0.0.1:1/x' }],
      ['GET', `${A}/endpoints/${a.endpointId}`],
      ['PATCH', `${A}/endpoints/${a.endpointId}`, { disabled: true }],
      ['DELETE', `${A}/endpoints/${a.endpointId}`],
      ['GET', `${A}/endpoints/${a.endpointId}/secret`],
      ['POST', `${A}/endpoints/${a.endpointId}/secret/rotate`, {}],
      ['POST', `${A}/endpoints/${a.endpointId}/recover`, { since: '2020-01-01T00:00:00Z' }],
      ['GET', `${A}/endpoints/${a.endpointId}/attempts`],
      ['GET', `${A}/endpoints/${a.endpointId}/deliveries`],
      ['GET', `${A}/messages`],
      ['POST', `${A}/messages`, { eventType: 'x.y', payload: {} }],
      ['GET', `${A}/messages/${messageA}`],
      ['GET', `${A}/messages/${messageA}/attempts`],
      ['GET', `${A}/deliveries`],
      ['GET', `${A}/deliveries/${deliveryA}`],
      ['POST', `${A}/deliveries/${deliveryA}/retry`],
    ];
    for (const [method, url, body] of calls) {
      const res = await asB(method, url, body);
      expect({ method, url, status: res.status }).toEqual({ method, url, status: 404 });
      expect(res.body.code).toBe('not_found');
    }
    // Deleting apps is the admin's: any app key gets 403, whichever app it names.
    const del = await asB('DELETE', A);
    expect(del.status).toBe(403);
    expect(del.body.code).toBe('admin_required');
    expect((await h.api('GET', A)).status).toBe(200);
  });

  it("B's key cannot reach A's records through B's own app either", async () => {
    const B = `/api/v1/apps/${b.appId}`;
    for (const url of [
      `${B}/endpoints/${a.endpointId}`,
      `${B}/endpoints/${a.endpointId}/secret`,
      `${B}/endpoints/${a.endpointId}/attempts`,
      `${B}/messages/${messageA}`,
      `${B}/messages/${messageA}/attempts`,
      `${B}/deliveries/${deliveryA}`,
    ]) {
      expect({ url, status: (await asB('GET', url)).status }).toEqual({ url, status: 404 });
    }
    expect((await asB('POST', `${B}/deliveries/${deliveryA}/retry`)).status).toBe(404);
    expect((await asB('PATCH', `${B}/endpoints/${a.endpointId}`, { disabled: true })).status).toBe(
      404,
    );
    expect((await asB('DELETE', `${B}/endpoints/${a.endpointId}`)).status).toBe(404);
    expect(
      (
        await asB('POST', `${B}/endpoints/${a.endpointId}/recover`, {
          since: '2020-01-01T00:00:00Z',
        })
      ).status,
    ).toBe(404);
    const routed = await asB('POST', `${B}/messages`, {
      eventType: 'x.y',
      payload: {},
      endpointId: a.endpointId,
    });
    expect(routed.status).toBe(400);
    expect(routed.body.details).toEqual([{ field: 'endpointId', message: 'unknown endpoint' }]);
    expect((await asB('GET', `${B}/deliveries?endpointId=${a.endpointId}`)).body.data).toEqual([]);
    expect((await asB('GET', `${B}/deliveries?messageId=${messageA}`)).body.data).toEqual([]);
  });

  it('lists only its own', async () => {
    const apps = await asB('GET', '/api/v1/apps');
    expect(apps.body.data.map((x: { id: string }) => x.id)).toEqual([b.appId]);
    const endpoints = await asB('GET', `/api/v1/apps/${b.appId}/endpoints`);
    expect(endpoints.body.data.map((x: { id: string }) => x.id)).toEqual([b.endpointId]);
    const messages = await asB('GET', `/api/v1/apps/${b.appId}/messages`);
    expect(messages.body.data).toHaveLength(1);
    expect(messages.body.data[0].payload).toEqual({ mine: 'B' });
    const deliveries = await asB('GET', `/api/v1/apps/${b.appId}/deliveries`);
    expect(deliveries.body.data.every((d: { appId: string }) => d.appId === b.appId)).toBe(true);
    const attempts = await asB('GET', `/api/v1/apps/${b.appId}/endpoints/${b.endpointId}/attempts`);
    expect(attempts.body.data).toHaveLength(1);
  });

  it('an app key cannot create apps; the admin sees every app', async () => {
    const create = await asB('POST', '/api/v1/apps', { name: 'mine now' });
    expect(create.status).toBe(403);
    expect(create.body.code).toBe('admin_required');
    const all = await h.api('GET', '/api/v1/apps');
    expect(all.body.data.map((x: { id: string }) => x.id).sort()).toEqual(
      [a.appId, b.appId].sort(),
    );
  });

  it('A is untouched by all of the above', async () => {
    expect((await h.api('GET', `/api/v1/apps/${a.appId}`)).body.name).toBe('Tenant A');
    expect(
      (await h.api('GET', `/api/v1/apps/${a.appId}/endpoints/${a.endpointId}`)).body.disabled,
    ).toBe(false);
    expect(
      (
        await h.api('GET', `/api/v1/apps/${a.appId}/messages/${messageA}`, undefined, {
          token: a.apiKey,
        })
      ).status,
    ).toBe(200);
  });

  it('no token or an unknown token is 401', async () => {
    const none = await h.app.server.inject({ method: 'GET', url: '/api/v1/apps' });
    expect(none.statusCode).toBe(401);
    expect(
      (await h.api('GET', '/api/v1/apps', undefined, { token: 'hk_not-a-real-key' })).status,
    ).toBe(401);
  });
});
