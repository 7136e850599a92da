import { expect, it } from 'vitest';
import { allDeliveries, createApp, createEndpoint, messageRecord, send, T0 } from '../fixtures.js';
import type { SuiteContext } from '../suite.js';

const W = 60_000;

export function idempotencyCases({ store }: SuiteContext): void {
  async function messagesOf(appId: string) {
    return (await store().listMessages(appId, {}, { limit: 100, cursor: null })).data;
  }

  it('returns the original message within the window and writes nothing', async () => {
    const app = await createApp(store());
    await createEndpoint(store(), app.id);
    const first = await send(
      store(),
      app.id,
      { idempotencyKey: 'order-1', payload: '{"v":1}', createdAt: T0 },
      W,
    );
    const again = await send(
      store(),
      app.id,
      { idempotencyKey: 'order-1', payload: '{"v":2}', createdAt: T0 + W - 1 },
      W,
    );
    expect(first).toMatchObject({ created: true, deliveries: 1 });
    // No digest (a row from before digests): a replay whatever the body, with the original count.
    expect(again).toEqual({ message: first.message, created: false, deliveries: 1 });
    expect(await messagesOf(app.id)).toEqual([first.message]);
    expect(await allDeliveries(store(), app.id)).toHaveLength(1);
  });

  it('accepts the key again as a new message once the window has passed', async () => {
    const app = await createApp(store());
    await createEndpoint(store(), app.id);
    const first = await send(store(), app.id, { idempotencyKey: 'order-1', createdAt: T0 }, W);
    const later = await send(
      store(),
      app.id,
      { idempotencyKey: 'order-1', createdAt: T0 + W + 1 },
      W,
    );
    expect(later).toMatchObject({ created: true, deliveries: 1 });
    expect(later.message.id).not.toBe(first.message.id);
    // From now on the key means the newer message.
    const third = await send(
      store(),
      app.id,
      { idempotencyKey: 'order-1', createdAt: T0 + W + 2 },
      W,
    );
    expect(third).toEqual({ message: later.message, created: false, deliveries: 1 });
    expect(await messagesOf(app.id)).toHaveLength(2);
    expect(await allDeliveries(store(), app.id)).toHaveLength(2);
  });

  it('refuses the key with another request digest (409 idempotency_conflict) and writes nothing', async () => {
    const app = await createApp(store());
    await createEndpoint(store(), app.id);
    const key = { idempotencyKey: 'order-2', requestDigest: 'digest-a' };
    const first = await send(store(), app.id, { ...key, createdAt: T0 }, W);
    const clash = send(
      store(),
      app.id,
      { ...key, requestDigest: 'digest-b', createdAt: T0 + 1 },
      W,
    );
    await expect(clash).rejects.toMatchObject({ code: 'idempotency_conflict', status: 409 });
    expect(await store().getKeyUse(app.id, 'order-2')).toEqual({
      createdAt: T0,
      requestDigest: 'digest-a',
    });
    // The same digest replays, with the count the first answer gave, though an endpoint came since.
    await createEndpoint(store(), app.id);
    const replay = await send(store(), app.id, { ...key, createdAt: T0 + 2 }, W);
    expect(replay).toEqual({ message: first.message, created: false, deliveries: 1 });
    expect(await messagesOf(app.id)).toEqual([first.message]);
    expect(await allDeliveries(store(), app.id)).toHaveLength(1);
    // Past the window the key is free for another request.
    const later = await send(
      store(),
      app.id,
      { ...key, requestDigest: 'digest-b', createdAt: T0 + W + 1 },
      W,
    );
    expect(later).toMatchObject({ created: true, deliveries: 2 });
  });

  it('keeps keys of different apps apart', async () => {
    const a = await createApp(store());
    const b = await createApp(store());
    const ra = await send(store(), a.id, { idempotencyKey: 'same' });
    const rb = await send(store(), b.id, { idempotencyKey: 'same' });
    expect(ra.created).toBe(true);
    expect(rb.created).toBe(true);
    expect(rb.message.appId).toBe(b.id);
  });

  it('never deduplicates messages without a key', async () => {
    const app = await createApp(store());
    expect((await send(store(), app.id)).created).toBe(true);
    expect((await send(store(), app.id)).created).toBe(true);
    expect(await messagesOf(app.id)).toHaveLength(2);
  });

  it('creates exactly one message when the same key arrives many times at once', async () => {
    const app = await createApp(store());
    await createEndpoint(store(), app.id);
    const results = await Promise.all(
      Array.from({ length: 8 }, () =>
        store().insertMessage(
          messageRecord(app.id, { idempotencyKey: 'burst', requestDigest: 'same' }),
          W,
        ),
      ),
    );
    const created = results.filter((r) => r.created);
    expect(created).toHaveLength(1);
    for (const r of results) {
      expect(r.message.id).toBe(created[0].message.id);
      expect(r.deliveries).toBe(1);
    }
    expect(await messagesOf(app.id)).toHaveLength(1);
    expect(await allDeliveries(store(), app.id)).toHaveLength(1);
  });
}
