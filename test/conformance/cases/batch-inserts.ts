import { expect, it } from 'vitest';
import type { NewMessage } from '../../../src/store/store.js';
import { allDeliveries, createApp, createEndpoint, messageRecord, send, T0 } from '../fixtures.js';
import type { SuiteContext } from '../suite.js';

const W = 60_000;

/** Store.insertMessages: a batch request's messages, all or nothing, keys checked where written. */
export function batchInsertCases({ store, peer, hasPeers }: SuiteContext): void {
  async function messagesOf(appId: string) {
    return (await store().listMessages(appId, {}, { limit: 100, cursor: null })).data;
  }
  const keyed = (appId: string, key: string, digest: string, over: Partial<NewMessage> = {}) =>
    messageRecord(appId, {
      idempotencyKey: key,
      requestDigest: digest,
      createdAt: T0 + 1,
      ...over,
    });

  for (const ordering of ['parallel', 'serial'] as const) {
    it(`writes every item in order, replaying keys seen before and inside the batch (${ordering})`, async () => {
      const app = await createApp(store());
      await createEndpoint(store(), app.id, { ordering });
      const first = await send(
        store(),
        app.id,
        { idempotencyKey: 'k0', requestDigest: 'd0', createdAt: T0 },
        W,
      );
      const batch = [
        keyed(app.id, 'k0', 'd0'),
        keyed(app.id, 'k1', 'd1'),
        keyed(app.id, 'k1', 'd1'),
        messageRecord(app.id, { payload: '{"n":3}', createdAt: T0 + 1 }),
      ];
      const results = await store().insertMessages(batch, W);
      expect(results.map((r) => r.created)).toEqual([false, true, false, true]);
      expect(results.map((r) => r.deliveries)).toEqual([1, 1, 1, 1]);
      expect(results[0].message).toEqual(first.message);
      expect(results[1].message.id).toBe(batch[1].id);
      expect(results[2].message.id).toBe(batch[1].id);
      expect(results[3].message).toMatchObject({ id: batch[3].id, payload: '{"n":3}' });
      const ids = (await messagesOf(app.id)).map((m) => m.id).sort();
      expect(ids).toEqual([first.message.id, batch[1].id, batch[3].id].sort());
      expect(await allDeliveries(store(), app.id)).toHaveLength(3);
    });

    it(`writes nothing of the batch when a key is held for another request, naming the item (${ordering})`, async () => {
      const app = await createApp(store());
      await createEndpoint(store(), app.id, { ordering });
      // Taken after the API's early check would have passed: only the write can see it.
      const holder = await send(
        store(),
        app.id,
        { idempotencyKey: 'taken', requestDigest: 'theirs', createdAt: T0 },
        W,
      );
      const batch = [
        messageRecord(app.id, { createdAt: T0 + 1 }),
        keyed(app.id, 'fresh', 'd1'),
        keyed(app.id, 'taken', 'ours'),
      ];
      await expect(store().insertMessages(batch, W)).rejects.toMatchObject({
        code: 'idempotency_conflict',
        status: 409,
        details: [{ field: 'messages[2].idempotencyKey' }],
      });
      expect((await messagesOf(app.id)).map((m) => m.id)).toEqual([holder.message.id]);
      expect(await allDeliveries(store(), app.id)).toHaveLength(1);
      expect(await store().getKeyUse(app.id, 'fresh')).toBeNull();
      // The same batch with the holder's digest is a replay of that item, and the rest goes in.
      const again = await store().insertMessages(
        [...batch.slice(0, 2), keyed(app.id, 'taken', 'theirs')],
        W,
      );
      expect(again.map((r) => r.created)).toEqual([true, true, false]);
      expect(again[2].message).toEqual(holder.message);
      expect(await messagesOf(app.id)).toHaveLength(3);
    });
  }

  it('refuses a key given twice in the batch for different requests, writing nothing', async () => {
    const app = await createApp(store());
    await createEndpoint(store(), app.id);
    const batch = [keyed(app.id, 'twice', 'a'), keyed(app.id, 'twice', 'b')];
    await expect(store().insertMessages(batch, W)).rejects.toMatchObject({
      code: 'idempotency_conflict',
      details: [{ field: 'messages[1].idempotencyKey' }],
    });
    expect(await messagesOf(app.id)).toEqual([]);
  });

  it('takes a key whose window has passed as a new message', async () => {
    const app = await createApp(store());
    await createEndpoint(store(), app.id);
    const old = await send(
      store(),
      app.id,
      { idempotencyKey: 'aged', requestDigest: 'a', createdAt: T0 },
      W,
    );
    const [result] = await store().insertMessages(
      [keyed(app.id, 'aged', 'b', { createdAt: T0 + W + 1 })],
      W,
    );
    expect(result.created).toBe(true);
    expect(result.message.id).not.toBe(old.message.id);
    expect(await store().getMessageByIdempotencyKey(app.id, 'aged')).toEqual(result.message);
  });

  it('lets exactly one of a batch and a single insert racing for a key have it', async () => {
    const app = await createApp(store());
    await createEndpoint(store(), app.id);
    const other = hasPeers ? await peer() : store();
    for (let round = 0; round < 10; round++) {
      const key = `race-${round}`;
      const batch = [messageRecord(app.id), keyed(app.id, key, 'batch')];
      const [fromBatch, alone] = await Promise.allSettled([
        store().insertMessages(batch, W),
        other.insertMessage(keyed(app.id, key, 'alone'), W),
      ]);
      // One wins; the loser is refused, and a refused batch left nothing behind.
      expect([fromBatch.status, alone.status].sort()).toEqual(['fulfilled', 'rejected']);
      const unkeyed = await store().getMessage(app.id, batch[0].id);
      if (fromBatch.status === 'rejected') {
        expect(fromBatch.reason).toMatchObject({
          code: 'idempotency_conflict',
          details: [{ field: 'messages[1].idempotencyKey' }],
        });
        expect(unkeyed).toBeNull();
      } else {
        expect(fromBatch.value.map((r) => r.created)).toEqual([true, true]);
        expect(unkeyed).not.toBeNull();
      }
    }
  });
}
