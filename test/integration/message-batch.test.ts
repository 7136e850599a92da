import { describe, expect, it } from 'vitest';
import { MAX_BATCH_MESSAGES } from '../../src/api/routes/message-batch.js';
import { createTenant } from '../helpers/hookline-app.js';
import { useHooklineFixture } from '../helpers/hookline-fixture.js';

const { h, receiver } = useHooklineFixture();

describe('POST /apps/:appId/messages/batch', () => {
  it('accepts every message in request order, each with its deliveries, and delivers them', async () => {
    const t = await createTenant(h, { url: receiver.url });
    const messages = Array.from({ length: 5 }, (_, i) => ({
      eventType: 'message.delivered',
      payload: { n: i },
    }));
    const res = await h.api('POST', `/api/v1/apps/${t.appId}/messages/batch`, { messages });
    expect(res.status).toBe(202);
    expect(res.body.data.map((m: { payload: { n: number } }) => m.payload.n)).toEqual([
      0, 1, 2, 3, 4,
    ]);
    expect(res.body.data[0]).toMatchObject({
      appId: t.appId,
      eventType: 'message.delivered',
      deliveries: 1,
      idempotentReplayed: false,
    });
    // Ids sort in request order, as the message list does.
    const ids = res.body.data.map((m: { id: string }) => m.id);
    expect([...ids].sort()).toEqual(ids);
    await h.dispatcher.drainDue();
    expect(receiver.requests.map((r) => JSON.parse(r.body).data.n).sort()).toEqual([0, 1, 2, 3, 4]);
  });

  it('replays items whose idempotency key was seen, inside the batch too', async () => {
    const t = await createTenant(h, { url: receiver.url });
    const url = `/api/v1/apps/${t.appId}/messages`;
    const earlier = await h.api('POST', url, {
      eventType: 'a.b',
      payload: { v: 0 },
      idempotencyKey: 'k0',
    });
    const res = await h.api('POST', `${url}/batch`, {
      messages: [
        { eventType: 'a.b', payload: { v: 0 }, idempotencyKey: 'k0' },
        { eventType: 'a.b', payload: { v: 2 }, idempotencyKey: 'k1' },
        { eventType: 'a.b', payload: { v: 2 }, idempotencyKey: 'k1' },
      ],
    });
    expect(res.status).toBe(202);
    expect(res.body.data.map((m: { idempotentReplayed: boolean }) => m.idempotentReplayed)).toEqual(
      [true, false, true],
    );
    expect(res.body.data[0].id).toBe(earlier.body.id);
    expect(res.body.data[2].id).toBe(res.body.data[1].id);
    expect(res.body.data[2].payload).toEqual({ v: 2 });
    const again = await h.api('POST', `${url}/batch`, {
      messages: [{ eventType: 'a.b', payload: { v: 2 }, idempotencyKey: 'k1' }],
    });
    expect(again.status).toBe(200);
    expect((await h.api('GET', url)).body.data).toHaveLength(2);
  });

  it('writes nothing when any item is bad, and names each bad item', async () => {
    const t = await createTenant(h, { url: receiver.url });
    const url = `/api/v1/apps/${t.appId}/messages`;
    const res = await h.api('POST', `${url}/batch`, {
      messages: [
        { eventType: 'a.b', payload: { ok: true } },
        { eventType: 'a.b', payload: [1, 2] },
        { eventType: 'a.b', payload: {}, endpointId: 'ep_missing' },
      ],
    });
    expect(res.status).toBe(400);
    expect(res.body.message).toBe('messages[1].payload: must be a JSON object (and 1 more)');
    expect(res.body.details).toEqual([
      { field: 'messages[1].payload', message: 'must be a JSON object' },
      { field: 'messages[2].endpointId', message: 'no endpoint ep_missing in this app' },
    ]);
    expect((await h.api('GET', url)).body.data).toHaveLength(0);
  });

  it('refuses a schema error with the item named, an empty batch, and one over the limit', async () => {
    const t = await createTenant(h, { url: receiver.url });
    const url = `/api/v1/apps/${t.appId}/messages/batch`;
    const badType = await h.api('POST', url, {
      messages: [
        { eventType: 'a.b', payload: {} },
        { eventType: 'bad type!', payload: {} },
      ],
    });
    expect(badType.status).toBe(400);
    expect(badType.body.details[0].field).toBe('messages[1].eventType');
    expect((await h.api('POST', url, { messages: [] })).status).toBe(400);
    const tooMany = Array.from({ length: MAX_BATCH_MESSAGES + 1 }, () => ({
      eventType: 'a.b',
      payload: {},
    }));
    const over = await h.api('POST', url, { messages: tooMany });
    expect(over.status).toBe(400);
    expect((await h.api('GET', `/api/v1/apps/${t.appId}/messages`)).body.data).toHaveLength(0);
  });

  it('refuses a payload over the limit with 413 naming the item', async () => {
    const t = await createTenant(h, { url: receiver.url });
    const big = 'x'.repeat(300 * 1024);
    const res = await h.api('POST', `/api/v1/apps/${t.appId}/messages/batch`, {
      messages: [{ eventType: 'a.b', payload: { big } }],
    });
    expect(res.status).toBe(413);
    expect(res.body.details[0].field).toBe('messages[0].payload');
  });

  it('is scoped to the app the key belongs to', async () => {
    const a = await createTenant(h, { url: receiver.url }, 'A');
    const b = await createTenant(h, { url: receiver.url }, 'B');
    const res = await h.api(
      'POST',
      `/api/v1/apps/${b.appId}/messages/batch`,
      { messages: [{ eventType: 'a.b', payload: {} }] },
      { headers: { authorization: `Bearer ${a.apiKey}` } },
    );
    expect(res.status).toBe(404);
  });
});
