import { describe, expect, it } from 'vitest';
import { createTenant } from '../helpers/hookline-app.js';
import { useHooklineFixture } from '../helpers/hookline-fixture.js';

const { h, receiver } = useHooklineFixture();
const DAY = 24 * 3600 * 1000;

describe('idempotency', () => {
  it('the same key within 24 h returns the original message with 200 and creates no deliveries', async () => {
    const t = await createTenant(h, { url: receiver.url });
    const url = `/api/v1/apps/${t.appId}/messages`;
    const first = await h.api('POST', url, {
      eventType: 'message.seen',
      payload: { v: 1 },
      idempotencyKey: 'order-42',
    });
    expect(first.status).toBe(202);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    expect(first.body).toMatchObject({
      idempotencyKey: 'order-42',
      deliveries: 1,
      payload: { v: 1 },
    });

    h.clock.advance(DAY - 1);
    const again = await h.api('POST', url, {
      eventType: 'message.other',
      payload: { v: 2 },
      idempotencyKey: 'order-42',
    });
    expect(again.status).toBe(200);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toMatchObject({
      id: first.body.id,
      eventType: 'message.seen',
      payload: { v: 1 },
      deliveries: 0,
    });

    // The Idempotency-Key header works the same way.
    const viaHeader = await h.api(
      'POST',
      url,
      { eventType: 'message.seen', payload: { v: 3 } },
      { headers: { 'idempotency-key': 'order-42' } },
    );
    expect(viaHeader.status).toBe(200);
    expect(viaHeader.body.id).toBe(first.body.id);

    expect((await h.api('GET', url)).body.data).toHaveLength(1);
    expect((await h.api('GET', `/api/v1/apps/${t.appId}/deliveries`)).body.data).toHaveLength(1);
    await h.dispatcher.drainDue();
    expect(receiver.requests).toHaveLength(1);
    expect(JSON.parse(receiver.requests[0].body).data).toEqual({ v: 1 });
  });

  it('after the window the same key makes a new message', async () => {
    const t = await createTenant(h, { url: receiver.url });
    const url = `/api/v1/apps/${t.appId}/messages`;
    const first = await h.api('POST', url, {
      eventType: 'message.seen',
      payload: { v: 1 },
      idempotencyKey: 'k',
    });
    h.clock.advance(DAY);
    const later = await h.api('POST', url, {
      eventType: 'message.seen',
      payload: { v: 2 },
      idempotencyKey: 'k',
    });
    expect(later.status).toBe(202);
    expect(later.body.id).not.toBe(first.body.id);
    expect(later.body.deliveries).toBe(1);

    // The new message now owns the key.
    const replay = await h.api('POST', url, {
      eventType: 'message.seen',
      payload: { v: 3 },
      idempotencyKey: 'k',
    });
    expect(replay.status).toBe(200);
    expect(replay.body.id).toBe(later.body.id);

    await h.dispatcher.drainDue();
    expect(receiver.requests.map((r) => JSON.parse(r.body).data.v).sort()).toEqual([1, 2]);
  });

  it('concurrent sends with one key make one message', async () => {
    const t = await createTenant(h, { url: receiver.url });
    const body = { eventType: 'message.seen', payload: {}, idempotencyKey: 'race' };
    const results = await Promise.all(
      Array.from({ length: 8 }, () => h.api('POST', `/api/v1/apps/${t.appId}/messages`, body)),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 202]);
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
    await h.dispatcher.drainDue();
    expect(receiver.requests).toHaveLength(1);
  });

  it('keys are per app', async () => {
    const a = await createTenant(h, { url: receiver.url }, 'A');
    const b = await createTenant(h, { url: receiver.url }, 'B');
    const body = { eventType: 'message.seen', payload: {}, idempotencyKey: 'same' };
    const ra = await h.api('POST', `/api/v1/apps/${a.appId}/messages`, body, { token: a.apiKey });
    const rb = await h.api('POST', `/api/v1/apps/${b.appId}/messages`, body, { token: b.apiKey });
    expect(ra.status).toBe(202);
    expect(rb.status).toBe(202);
    expect(rb.body.id).not.toBe(ra.body.id);
  });
});
