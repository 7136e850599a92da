import { expect, it } from 'vitest';
import {
  allDeliveries,
  claim,
  createApp,
  createEndpoint,
  ids,
  LEASE_MS,
  record,
  send,
  T0,
} from '../fixtures.js';
import type { SuiteContext } from '../suite.js';

export function claimCases({ store }: SuiteContext): void {
  it('claims a due delivery under a lease, with its message', async () => {
    const app = await createApp(store());
    const ep = await createEndpoint(store(), app.id);
    const m = await send(store(), app.id, { payload: '{"a":1}' });
    const [c, ...rest] = await claim(store(), T0 + 5);
    expect(rest).toEqual([]);
    expect(c.message).toEqual(m.message);
    expect(c.leaseToken).toEqual(expect.any(String));
    expect(c.leaseToken.length).toBeGreaterThan(0);
    expect(c.delivery).toMatchObject({
      appId: app.id,
      messageId: m.message.id,
      endpointId: ep.id,
      state: 'delivering',
      attempts: 0,
      leaseUntil: T0 + 5 + LEASE_MS,
    });
    expect(await store().getDelivery(app.id, c.delivery.id)).toMatchObject({
      state: 'delivering',
      leaseUntil: T0 + 5 + LEASE_MS,
    });
  });

  it('keeps the trace context with the message and an endpoint turning its propagation off', async () => {
    const app = await createApp(store());
    const ep = await createEndpoint(store(), app.id, { propagateTraceContext: false });
    const traceContext = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
    const m = await send(store(), app.id, { traceContext });
    expect(m.message.traceContext).toBe(traceContext);
    const [c] = await claim(store(), T0 + 5);
    expect(c.message.traceContext).toBe(traceContext);
    expect((await store().getEndpoint(app.id, ep.id))?.propagateTraceContext).toBe(false);
    const updated = await store().updateEndpoint({ ...ep, propagateTraceContext: true });
    expect(updated).toBeTruthy();
    expect((await store().getEndpoint(app.id, ep.id))?.propagateTraceContext).toBe(true);
  });

  it('claims at most `limit`, oldest due first', async () => {
    const app = await createApp(store());
    await createEndpoint(store(), app.id);
    const late = await send(store(), app.id, { createdAt: T0 + 30 });
    const early = await send(store(), app.id, { createdAt: T0 + 10 });
    const middle = await send(store(), app.id, { createdAt: T0 + 20 });
    const first = await claim(store(), T0 + 100, 2);
    expect(first.map((c) => c.message.id)).toEqual([early.message.id, middle.message.id]);
    const second = await claim(store(), T0 + 100, 2);
    expect(second.map((c) => c.message.id)).toEqual([late.message.id]);
  });

  it('never lets a backlog of older retries keep a first attempt waiting (two lanes)', async () => {
    const app = await createApp(store());
    const failing = await createEndpoint(store(), app.id, { filterTypes: ['retry.me'] });
    const healthy = await createEndpoint(store(), app.id, { filterTypes: ['fresh.one'] });
    for (let i = 0; i < 30; i++) await send(store(), app.id, { eventType: 'retry.me' });
    for (const c of await claim(store(), T0)) await record(store(), c, 'retry', T0, T0 + 10);
    const fresh = await send(store(), app.id, { eventType: 'fresh.one', createdAt: T0 + 50 });
    // 30 retries due since T0 + 10, a first attempt due at T0 + 50: a claim of 4 takes both lanes.
    const claimed = await claim(store(), T0 + 100, 4);
    expect(claimed).toHaveLength(4);
    expect(claimed.filter((c) => c.delivery.endpointId === healthy.id)).toEqual([
      expect.objectContaining({ message: fresh.message }),
    ]);
    expect(claimed.filter((c) => c.delivery.endpointId === failing.id)).toHaveLength(3);
    // With no first attempt due, retries take the whole claim, oldest first.
    expect(await claim(store(), T0 + 100, 4)).toHaveLength(4);
  });

  it('gives retries their turn under a flood of first attempts', async () => {
    const app = await createApp(store());
    await createEndpoint(store(), app.id);
    const [old] = [await send(store(), app.id)];
    const [c] = await claim(store(), T0);
    await record(store(), c, 'retry', T0, T0 + 10);
    for (let i = 0; i < 20; i++) await send(store(), app.id, { createdAt: T0 + 20 });
    const claimed = await claim(store(), T0 + 100, 4);
    expect(claimed.map((x) => x.message.id)).toContain(old.message.id);
  });

  it('leaves deliveries that are not due yet', async () => {
    const app = await createApp(store());
    await createEndpoint(store(), app.id);
    await send(store(), app.id, { createdAt: T0 + 1000 });
    expect(await claim(store(), T0 + 999)).toEqual([]);
    expect(await claim(store(), T0 + 1000)).toHaveLength(1);
  });

  it('never hands out the same delivery twice while the lease holds', async () => {
    const app = await createApp(store());
    await createEndpoint(store(), app.id);
    await createEndpoint(store(), app.id);
    for (let i = 0; i < 10; i++) await send(store(), app.id);
    const a = await claim(store(), T0, 7);
    const b = await claim(store(), T0 + 1, 100);
    expect(a).toHaveLength(7);
    expect(b).toHaveLength(13);
    expect(new Set([...ids(a), ...ids(b)]).size).toBe(20);
    expect(await claim(store(), T0 + LEASE_MS - 1)).toEqual([]);
  });

  it('gives concurrent claimers disjoint batches that cover everything due', async () => {
    const app = await createApp(store());
    await createEndpoint(store(), app.id);
    for (let i = 0; i < 60; i++) await send(store(), app.id);
    const batches = await Promise.all(Array.from({ length: 6 }, () => claim(store(), T0, 15)));
    const all = batches.flatMap(ids);
    expect(new Set(all).size).toBe(all.length);
    expect(all).toHaveLength(60);
  });

  it('skips the endpoints in the exclusion list', async () => {
    const app = await createApp(store());
    const busy = await createEndpoint(store(), app.id);
    const free = await createEndpoint(store(), app.id);
    await send(store(), app.id);
    await send(store(), app.id);
    const claimed = await claim(store(), T0, 100, [busy.id]);
    expect(claimed.map((c) => c.delivery.endpointId)).toEqual([free.id, free.id]);
    expect(await claim(store(), T0, 100, [busy.id, free.id])).toEqual([]);
    expect((await claim(store(), T0, 100, [])).map((c) => c.delivery.endpointId)).toEqual([
      busy.id,
      busy.id,
    ]);
  });

  it("finds other endpoints' due work behind a long backlog of an excluded endpoint, round-robin", async () => {
    const app = await createApp(store());
    const busy = await createEndpoint(store(), app.id, { filterTypes: ['busy.*'] });
    const others = [];
    for (let i = 0; i < 3; i++)
      others.push(await createEndpoint(store(), app.id, { filterTypes: ['other.*'] }));
    // 50 older deliveries for the busy endpoint: far more than a claim of 5 reads ahead.
    for (let i = 0; i < 50; i++)
      await send(store(), app.id, { eventType: 'busy.x', createdAt: T0 + i });
    for (let i = 0; i < 2; i++)
      await send(store(), app.id, { eventType: 'other.x', createdAt: T0 + 100 + i });
    const first = await claim(store(), T0 + 200, 5, [busy.id]);
    expect(first.every((c) => c.delivery.endpointId !== busy.id)).toBe(true);
    expect(first).toHaveLength(5);
    const second = await claim(store(), T0 + 200, 5, [busy.id]);
    expect(second).toHaveLength(1);
    expect(new Set([...first, ...second].map((c) => c.delivery.endpointId))).toEqual(
      new Set(others.map((e) => e.id)),
    );
    expect(await claim(store(), T0 + 200, 5, [busy.id])).toEqual([]);
  });

  it('applies the exclusion list to expired leases too', async () => {
    const app = await createApp(store());
    const busy = await createEndpoint(store(), app.id);
    await send(store(), app.id);
    expect(await claim(store(), T0, 10, [], 1000)).toHaveLength(1);
    expect(await claim(store(), T0 + 1000, 10, [busy.id])).toEqual([]);
    expect(await claim(store(), T0 + 1000, 10, [])).toHaveLength(1);
  });

  it('never claims finished deliveries', async () => {
    const app = await createApp(store());
    await createEndpoint(store(), app.id);
    await send(store(), app.id);
    await send(store(), app.id);
    const [ok, bad] = await claim(store(), T0);
    await record(store(), ok, 'succeeded', T0 + 1);
    await record(store(), bad, 'failed', T0 + 1);
    expect(await claim(store(), T0 + 10 * LEASE_MS)).toEqual([]);
    expect((await allDeliveries(store(), app.id)).map((d) => d.state).sort()).toEqual([
      'failed',
      'succeeded',
    ]);
  });
}
