import { expect, it } from 'vitest';
import { claim, createApp, createEndpoint, record, send, T0 } from '../fixtures.js';
import type { SuiteContext } from '../suite.js';

export function nextDueAndStatsCases({ store }: SuiteContext): void {
  it('nextDueAt is null when nothing waits', async () => {
    expect(await store().nextDueAt()).toBeNull();
    const app = await createApp(store());
    await send(store(), app.id); // no endpoints: nothing to deliver
    expect(await store().nextDueAt()).toBeNull();
  });

  it('nextDueAt is the earliest pending due time', async () => {
    const app = await createApp(store());
    await createEndpoint(store(), app.id);
    await send(store(), app.id, { createdAt: T0 + 300 });
    await send(store(), app.id, { createdAt: T0 + 100 });
    await send(store(), app.id, { createdAt: T0 + 200 });
    expect(await store().nextDueAt()).toBe(T0 + 100);
  });

  it('nextDueAt counts lease expiries and scheduled retries, not parked or finished deliveries', async () => {
    const app = await createApp(store());
    await createEndpoint(store(), app.id, { ordering: 'serial' });
    await send(store(), app.id);
    await send(store(), app.id); // parked behind the first
    const [head] = await claim(store(), T0, 10, [], 5000);
    expect(await store().nextDueAt()).toBe(T0 + 5000);
    await record(store(), head, 'retry', T0 + 1, T0 + 3000);
    expect(await store().nextDueAt()).toBe(T0 + 3000);
    const [again] = await claim(store(), T0 + 3000);
    await record(store(), again, 'succeeded', T0 + 3001);
    const [second] = await claim(store(), T0 + 3001);
    await record(store(), second, 'failed', T0 + 3002);
    expect(await store().nextDueAt()).toBeNull();
  });

  it('counts deliveries per state, overall and per app', async () => {
    const a = await createApp(store());
    const b = await createApp(store());
    await createEndpoint(store(), a.id);
    await createEndpoint(store(), b.id);
    for (let i = 0; i < 4; i++) await send(store(), a.id, { createdAt: T0 + i });
    await send(store(), b.id, { createdAt: T0 + 10 });
    const [ok, bad, inFlight] = await claim(store(), T0 + 20, 3);
    expect([ok, bad, inFlight].every((c) => c.delivery.appId === a.id)).toBe(true);
    await record(store(), ok, 'succeeded', T0 + 21);
    await record(store(), bad, 'failed', T0 + 21);
    expect(await store().stats(a.id)).toEqual({
      pending: 1,
      delivering: 1,
      succeeded: 1,
      failed: 1,
      held: 0,
    });
    expect(await store().stats(b.id)).toEqual({
      pending: 1,
      delivering: 0,
      succeeded: 0,
      failed: 0,
      held: 0,
    });
    expect(await store().stats()).toEqual({
      pending: 2,
      delivering: 1,
      succeeded: 1,
      failed: 1,
      held: 0,
    });
    expect(await store().stats('app_unknown')).toEqual({
      pending: 0,
      delivering: 0,
      succeeded: 0,
      failed: 0,
      held: 0,
    });
  });
}
