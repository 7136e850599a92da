import { describe, expect, it } from 'vitest';
import { createTenant, type Json, sendMessage } from '../helpers/hookline-app.js';
import { useHooklineFixture } from '../helpers/hookline-fixture.js';
import { status } from '../helpers/receiver.js';

const { h, receiver } = useHooklineFixture();
const HOUR = 3600_000;

async function deliveries(appId: string, query = '') {
  return (await h.api('GET', `/api/v1/apps/${appId}/deliveries?limit=250${query}`)).body
    .data as Array<Record<string, Json>>;
}

describe('retry a delivery now', () => {
  it('re-opens a failed delivery with a fresh schedule and delivers it', async () => {
    receiver.script(status(500));
    const t = await createTenant(h, { url: receiver.url, retryPolicy: { preset: 'single' } });
    await sendMessage(h, t.appId, {});
    await h.dispatcher.drainDue();
    const [failed] = await deliveries(t.appId);
    expect(failed).toMatchObject({ state: 'failed', attempts: 1 });

    const res = await h.api('POST', `/api/v1/apps/${t.appId}/deliveries/${failed.id}/retry`);
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ id: failed.id, state: 'pending', attempts: 0 });
    expect(Date.parse(res.body.nextAttemptAt)).toBe(h.clock.now());
    await h.dispatcher.drainDue();
    expect(receiver.requests).toHaveLength(2);
    expect((await deliveries(t.appId))[0]).toMatchObject({ state: 'succeeded', attempts: 1 });
  });

  it('brings a scheduled retry forward to now', async () => {
    receiver.script(status(500));
    const t = await createTenant(h, { url: receiver.url, retryPolicy: { preset: 'standard' } });
    await sendMessage(h, t.appId, {});
    await h.dispatcher.drainDue();
    const [waiting] = await deliveries(t.appId);
    expect(Date.parse(waiting.nextAttemptAt)).toBe(h.clock.now() + 5000);

    const res = await h.api('POST', `/api/v1/apps/${t.appId}/deliveries/${waiting.id}/retry`);
    expect(res.status).toBe(202);
    await h.dispatcher.drainDue(); // no clock movement needed
    expect(receiver.requests).toHaveLength(2);
    expect((await deliveries(t.appId))[0]).toMatchObject({ state: 'succeeded', attempts: 2 });
  });

  it('sends a succeeded delivery again', async () => {
    const t = await createTenant(h, { url: receiver.url });
    const messageId = await sendMessage(h, t.appId, {});
    await h.dispatcher.drainDue();
    const [done] = await deliveries(t.appId);
    expect(
      (await h.api('POST', `/api/v1/apps/${t.appId}/deliveries/${done.id}/retry`)).status,
    ).toBe(202);
    await h.dispatcher.drainDue();
    expect(receiver.requests.map((r) => r.headers['webhook-id'])).toEqual([messageId, messageId]);
  });

  it('is 409 while the delivery is in flight, 404 when unknown', async () => {
    const t = await createTenant(h, { url: receiver.url });
    await sendMessage(h, t.appId, {});
    const [claimed] = await h.app.store.claimDue({
      now: h.clock.now(),
      limit: 1,
      leaseMs: 120_000,
    });
    const busy = await h.api(
      'POST',
      `/api/v1/apps/${t.appId}/deliveries/${claimed.delivery.id}/retry`,
    );
    expect(busy.status).toBe(409);
    expect(busy.body.code).toBe('delivery_in_flight');
    expect((await h.api('POST', `/api/v1/apps/${t.appId}/deliveries/987654/retry`)).status).toBe(
      404,
    );
  });
});

describe('recover an endpoint', () => {
  it("re-queues the endpoint's failed deliveries created in the window, and only those", async () => {
    receiver.setDefault(status(500));
    const t = await createTenant(h, { url: receiver.url, retryPolicy: { preset: 'single' } });
    const t0 = h.clock.now();
    const early = [
      await sendMessage(h, t.appId, { i: 0 }),
      await sendMessage(h, t.appId, { i: 1 }),
    ];
    h.clock.advance(2 * HOUR);
    const late = await sendMessage(h, t.appId, { i: 2 });
    await h.dispatcher.drainDue();
    expect(await deliveries(t.appId, '&state=failed')).toHaveLength(3);

    receiver.setDefault(status(200));
    const res = await h.api('POST', `/api/v1/apps/${t.appId}/endpoints/${t.endpointId}/recover`, {
      since: new Date(t0 - 1000).toISOString(),
      until: new Date(t0 + HOUR).toISOString(),
    });
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ requeued: 2, requeuedTotal: 2, done: true });
    await h.dispatcher.drainDue();

    const arrived = receiver.requests.slice(3).map((r) => r.headers['webhook-id']);
    expect(arrived.sort()).toEqual([...early].sort());
    const failed = await deliveries(t.appId, '&state=failed');
    expect(failed.map((d) => d.messageId)).toEqual([late]);

    // Without `until`, everything since `since` up to now.
    const rest = await h.api('POST', `/api/v1/apps/${t.appId}/endpoints/${t.endpointId}/recover`, {
      since: new Date(t0).toISOString(),
    });
    expect(rest.body).toMatchObject({ requeued: 1, done: true });
    await h.dispatcher.drainDue();
    expect(await deliveries(t.appId, '&state=failed')).toEqual([]);
  });

  it('refuses a window that ends before it starts, naming the field', async () => {
    const t = await createTenant(h, { url: receiver.url });
    const res = await h.api('POST', `/api/v1/apps/${t.appId}/endpoints/${t.endpointId}/recover`, {
      since: '2026-01-02T00:00:00Z',
      until: '2026-01-01T00:00:00Z',
    });
    expect(res.status).toBe(400);
    expect(res.body.details).toEqual([{ field: 'until', message: 'must be after since' }]);
    const bad = await h.api('POST', `/api/v1/apps/${t.appId}/endpoints/${t.endpointId}/recover`, {
      since: 'yesterday',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.details[0].field).toBe('since');
  });
});

describe('recover by state, in bounded calls', () => {
  it('sends succeeded deliveries again when asked, `limit` at a time, never twice', async () => {
    const t = await createTenant(h, { url: receiver.url });
    const t0 = h.clock.now();
    const sent = [];
    for (let i = 0; i < 3; i++) sent.push(await sendMessage(h, t.appId, { i }));
    await h.dispatcher.drainDue();
    expect(receiver.requests).toHaveLength(3);
    const path = `/api/v1/apps/${t.appId}/endpoints/${t.endpointId}/recover`;
    const body = { since: new Date(t0).toISOString(), states: ['succeeded'], limit: 2 };
    const first = await h.api('POST', path, body);
    expect(first.status).toBe(202);
    expect(first.body).toMatchObject({ requeued: 2, requeuedTotal: 2, done: false });
    await h.dispatcher.drainDue();
    const second = await h.api('POST', path, body);
    expect(second.body).toMatchObject({ requeued: 1, requeuedTotal: 3, done: true });
    expect(second.body.until).toBe(first.body.until);
    await h.dispatcher.drainDue();
    // Asked again: done, nothing more sent although all three succeeded again.
    expect((await h.api('POST', path, body)).body).toMatchObject({ requeued: 0, done: true });
    await h.dispatcher.drainDue();
    const ids = receiver.requests.map((r) => r.headers['webhook-id']);
    expect(ids).toHaveLength(6);
    expect([...ids.slice(3)].sort()).toEqual([...sent].sort());
  });

  it('refuses unknown states, an empty list and limits out of range, naming the field', async () => {
    const t = await createTenant(h, { url: receiver.url });
    const path = `/api/v1/apps/${t.appId}/endpoints/${t.endpointId}/recover`;
    const since = '2026-01-01T00:00:00Z';
    for (const [extra, field] of [
      [{ states: ['pending'] }, 'states'],
      [{ states: [] }, 'states'],
      [{ limit: 0 }, 'limit'],
      [{ limit: 10_001 }, 'limit'],
    ] as const) {
      const res = await h.api('POST', path, { since, ...extra });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('invalid_request');
      expect(JSON.stringify(res.body.details)).toContain(field);
    }
  });
});

describe('replay a message', () => {
  it('sends a past message to an endpoint created after it, once per request', async () => {
    const t = await createTenant(h, { url: receiver.url });
    const messageId = await sendMessage(h, t.appId, { hello: 'again' });
    await h.dispatcher.drainDue();
    const later = await h.api('POST', `/api/v1/apps/${t.appId}/endpoints`, {
      url: `${receiver.url}/later`,
    });
    const path = `/api/v1/apps/${t.appId}/messages/${messageId}/replay`;
    const res = await h.api('POST', path, { endpointId: later.body.id });
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ messageId, endpointId: later.body.id, state: 'pending' });
    const again = await h.api('POST', path, { endpointId: later.body.id });
    expect(again.status).toBe(200);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body.id).toBe(res.body.id);
    await h.dispatcher.drainDue();
    expect(receiver.requests.map((r) => [r.url, r.headers['webhook-id']])).toEqual([
      ['/', messageId],
      ['/later', messageId],
    ]);
    expect(JSON.parse(receiver.requests[1].body)).toMatchObject({ data: { hello: 'again' } });
  });

  it('is 404 for an unknown message or endpoint, 400 without an endpoint', async () => {
    const t = await createTenant(h, { url: receiver.url });
    const messageId = await sendMessage(h, t.appId, {});
    const base = `/api/v1/apps/${t.appId}/messages`;
    const noMessage = await h.api('POST', `${base}/msg_nope/replay`, { endpointId: t.endpointId });
    expect([noMessage.status, noMessage.body.message]).toEqual([404, 'message msg_nope not found']);
    const noEndpoint = await h.api('POST', `${base}/${messageId}/replay`, {
      endpointId: 'ep_nope',
    });
    expect([noEndpoint.status, noEndpoint.body.message]).toEqual([
      404,
      'endpoint ep_nope not found',
    ]);
    const missing = await h.api('POST', `${base}/${messageId}/replay`, {});
    expect(missing.status).toBe(400);
    expect(JSON.stringify(missing.body.details)).toContain('endpointId');
  });
});
