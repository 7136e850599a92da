import { expect, it } from 'vitest';
import type { Store } from '../../../src/store/store.js';
import {
  claim,
  createApp,
  createEndpoint,
  ids,
  messageRecord,
  record,
  recoverFailed,
  resultOf,
  send,
  T0,
} from '../fixtures.js';
import type { SuiteContext } from '../suite.js';

const W = 60_000;

/**
 * Several nodes on one database (one store per node). Adapters without peers (SQLite: one process
 * owns the file) run the same cases with concurrent callers of one store.
 */
export function clusterCases(ctx: SuiteContext): void {
  async function nodes(n: number): Promise<Store[]> {
    const out = [ctx.store()];
    for (let i = 1; i < n; i++) out.push(ctx.hasPeers ? await ctx.peer() : ctx.store());
    return out;
  }

  it('nodes claiming at once get disjoint batches', async () => {
    const [a, b, c] = await nodes(3);
    const app = await createApp(a);
    await createEndpoint(a, app.id);
    await createEndpoint(a, app.id);
    await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        [a, b, c][i % 3].insertMessage(messageRecord(app.id), W),
      ),
    );
    const batches = await Promise.all([a, b, c, a, b, c].map((s) => claim(s, T0, 25)));
    const all = batches.flatMap(ids);
    expect(all).toHaveLength(120);
    expect(new Set(all).size).toBe(120);
  });

  it('a message sent on one node sees endpoint changes made on another at once', async () => {
    const [a, b] = await nodes(2);
    const app = await createApp(a);
    const ep = await createEndpoint(a, app.id);
    expect((await send(b, app.id)).deliveries).toBe(1);
    await a.updateEndpoint({ ...ep, disabled: true });
    expect(await b.stats(app.id)).toMatchObject({ pending: 0, held: 1 });
    await send(b, app.id);
    expect(await b.stats(app.id)).toMatchObject({ pending: 0, held: 2 });
    await createEndpoint(a, app.id, { filterTypes: ['message.*'] });
    await send(b, app.id);
    expect(await b.stats(app.id)).toMatchObject({ pending: 1, held: 3 });
  });

  it('a node routes by endpoints as another node changed them: filter, ordering, deletion', async () => {
    const [a, b] = await nodes(2);
    const app = await createApp(a);
    const ep = await createEndpoint(a, app.id);
    expect((await send(b, app.id)).deliveries).toBe(1);
    await a.updateEndpoint({ ...ep, filterTypes: ['user.*'] });
    expect((await send(b, app.id, { eventType: 'message.delivered' })).deliveries).toBe(0);
    await a.updateEndpoint({ ...ep, filterTypes: null, ordering: 'serial' });
    const queued = await send(b, app.id);
    expect(queued.deliveries).toBe(1);
    const [parked] = (
      await b.listDeliveries(
        app.id,
        { messageId: queued.message.id },
        {
          limit: 10,
          cursor: null,
        },
      )
    ).data;
    // The first message's delivery is still due, so the serial endpoint's second one waits.
    expect(parked.nextAttemptAt).toBeNull();
    await a.deleteEndpoint(app.id, ep.id);
    expect((await send(b, app.id)).deliveries).toBe(0);
  });

  it('one idempotency key sent to several nodes at once creates one message', async () => {
    const [a, b, c] = await nodes(3);
    const app = await createApp(a);
    await createEndpoint(a, app.id);
    const results = await Promise.all(
      [a, b, c, a, b, c].map((s) =>
        s.insertMessage(messageRecord(app.id, { idempotencyKey: 'k' }), W),
      ),
    );
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r.message.id)).size).toBe(1);
    expect((await a.stats(app.id)).pending).toBe(1);
  });

  it("a lease that expired on one node is taken over by another; the first node's late result is ignored", async () => {
    const [a, b] = await nodes(2);
    const app = await createApp(a);
    await createEndpoint(a, app.id);
    await send(a, app.id);
    const [onA] = await claim(a, T0, 10, [], 1000);
    const [onB] = await claim(b, T0 + 1000);
    expect(onB.delivery.id).toBe(onA.delivery.id);
    await record(a, onA, 'succeeded', T0 + 1001);
    expect(await b.getDelivery(app.id, onA.delivery.id)).toMatchObject({ state: 'delivering' });
    await record(b, onB, 'succeeded', T0 + 1002);
    expect(await a.getDelivery(app.id, onA.delivery.id)).toMatchObject({
      state: 'succeeded',
      attempts: 1,
    });
  });

  it('a serial endpoint has at most one delivery in flight across nodes, delivered in order', async () => {
    const [n1, n2, n3] = await nodes(3);
    const app = await createApp(n1);
    const serial = await createEndpoint(n1, app.id, { ordering: 'serial' });
    await createEndpoint(n1, app.id, { ordering: 'parallel' });
    const perProducer = 25;
    const sentOrder: string[][] = [[], []];

    // Two producers on two nodes, each sending one message after the other.
    const producers = [n1, n2].map(async (node, p) => {
      for (let i = 0; i < perProducer; i++) {
        const r = await node.insertMessage(
          messageRecord(app.id, { payload: `{"p":${p},"i":${i}}` }),
          W,
        );
        sentOrder[p].push(r.message.id);
      }
    });
    let producing = true;
    void Promise.all(producers).then(() => (producing = false));

    // Two workers on two other nodes; a serial delivery may only be claimed while none is held.
    const held = new Set<number>();
    let maxHeld = 0;
    const delivered: string[] = [];
    let retried = 0;
    const worker = async (node: Store) => {
      for (let idle = 0; idle < 200;) {
        const batch = await claim(node, T0 + 1, 4);
        if (batch.length === 0) {
          if (
            !producing &&
            (await node.stats(app.id)).pending + (await node.stats(app.id)).delivering === 0
          )
            return;
          idle++;
          await new Promise((r) => setTimeout(r, 2));
          continue;
        }
        idle = 0;
        for (const c of batch) if (c.delivery.endpointId === serial.id) held.add(c.delivery.id);
        maxHeld = Math.max(maxHeld, held.size);
        for (const c of batch) {
          await new Promise((r) => setImmediate(r));
          const isSerial = c.delivery.endpointId === serial.id;
          const retry = isSerial && c.delivery.attempts === 0 && c.delivery.id % 7 === 0;
          if (isSerial) held.delete(c.delivery.id);
          if (retry) retried++;
          else if (isSerial) delivered.push(c.message.id);
          await node.recordAttempts(
            [resultOf(c, retry ? 'retry' : 'succeeded', T0 + 1, T0 + 1)],
            T0 + 1,
          );
        }
      }
      throw new Error('workers gave up waiting');
    };
    await Promise.all([worker(n2), worker(n3), ...producers]);

    expect(maxHeld).toBe(1);
    expect(retried).toBeGreaterThan(0);
    expect(delivered).toHaveLength(2 * perProducer);
    expect(new Set(delivered).size).toBe(2 * perProducer);
    for (const sent of sentOrder) expect(delivered.filter((id) => sent.includes(id))).toEqual(sent);
    expect(await n1.stats(app.id)).toEqual({
      pending: 0,
      delivering: 0,
      succeeded: 4 * perProducer,
      failed: 0,
      held: 0,
    });
  });

  it('nodes may record results and recover at the same time without losing the serial head', async () => {
    const [n1, n2] = await nodes(2);
    const app = await createApp(n1);
    const serial = await createEndpoint(n1, app.id, { ordering: 'serial' });
    for (let i = 0; i < 6; i++) await send(n1, app.id, { createdAt: T0 + i });
    // Fail the first three one after another, then recover them while the fourth is in flight.
    for (let i = 0; i < 3; i++) {
      const [c] = await claim(n1, T0 + 10);
      await record(n1, c, 'failed', T0 + 10);
    }
    const [fourth] = await claim(n2, T0 + 11);
    const [recovered] = await Promise.all([
      recoverFailed(n1, app.id, serial.id, { since: T0, until: T0 + 100 }, T0 + 12),
      n2.recordAttempts([resultOf(fourth, 'succeeded', T0 + 12)], T0 + 12),
    ]);
    expect(recovered).toBe(3);
    const order: number[] = [];
    for (let i = 0; i < 5; i++) {
      const batch = await claim(i % 2 ? n1 : n2, T0 + 20 + i);
      expect(batch).toHaveLength(1);
      order.push(batch[0].delivery.createdAt - T0);
      await record(n1, batch[0], 'succeeded', T0 + 20 + i);
    }
    // Whichever committed first, nothing is stuck and the recovered ones keep their order.
    expect([...order].sort((x, y) => x - y)).toEqual([0, 1, 2, 4, 5]);
    expect(order.filter((x) => x < 3)).toEqual([0, 1, 2]);
  });
}
