import { expect, it } from 'vitest';
import {
  allDeliveries,
  claim,
  createApp,
  createEndpoint,
  record,
  recoverFailed,
  send,
  T0,
} from '../fixtures.js';
import type { SuiteContext } from '../suite.js';

export function recoveryCases({ store }: SuiteContext): void {
  /** Four messages at T0, +10, +20, +30 to one endpoint; all failed except the one at +20. */
  async function history() {
    const app = await createApp(store());
    const ep = await createEndpoint(store(), app.id);
    const other = await createEndpoint(store(), app.id);
    for (const offset of [0, 10, 20, 30]) await send(store(), app.id, { createdAt: T0 + offset });
    for (const c of await claim(store(), T0 + 100)) {
      const keep = c.delivery.endpointId === ep.id && c.delivery.createdAt === T0 + 20;
      await record(store(), c, keep ? 'succeeded' : 'failed', T0 + 100);
    }
    return { app, ep, other };
  }

  it('re-queues the failed deliveries created in [since, until)', async () => {
    const { app, ep } = await history();
    const n = await recoverFailed(
      store(),
      app.id,
      ep.id,
      { since: T0 + 10, until: T0 + 30 },
      T0 + 500,
    );
    expect(n).toBe(1);
    const mine = await allDeliveries(store(), app.id, { endpointId: ep.id });
    expect(mine.map((d) => [d.createdAt - T0, d.state])).toEqual([
      [0, 'failed'],
      [10, 'pending'],
      [20, 'succeeded'],
      [30, 'failed'],
    ]);
    expect(mine[1]).toMatchObject({ attempts: 0, nextAttemptAt: T0 + 500, leaseUntil: null });
    const claimed = await claim(store(), T0 + 500);
    expect(claimed.map((c) => c.delivery.id)).toEqual([mine[1].id]);
  });

  it('includes `since` and excludes `until`', async () => {
    const { app, ep } = await history();
    expect(
      await recoverFailed(store(), app.id, ep.id, { since: T0, until: T0 + 30 }, T0 + 500),
    ).toBe(2);
    expect(
      await recoverFailed(store(), app.id, ep.id, { since: T0 + 30, until: T0 + 31 }, T0 + 500),
    ).toBe(1);
    expect(
      await recoverFailed(store(), app.id, ep.id, { since: T0, until: T0 + 1000 }, T0 + 500),
    ).toBe(0);
  });

  it('touches only the given endpoint', async () => {
    const { app, ep, other } = await history();
    await recoverFailed(store(), app.id, ep.id, { since: T0, until: T0 + 1000 }, T0 + 500);
    const others = await allDeliveries(store(), app.id, { endpointId: other.id });
    expect(others.map((d) => d.state)).toEqual(['failed', 'failed', 'failed', 'failed']);
  });

  it('holds recovered deliveries of a disabled endpoint; recover of held sends them once enabled', async () => {
    const { app, ep } = await history();
    const disabled = await store().updateEndpoint({ ...ep, disabled: true });
    expect(
      await recoverFailed(store(), app.id, ep.id, { since: T0, until: T0 + 1000 }, T0 + 500),
    ).toBe(3);
    expect(await claim(store(), T0 + 500, 100, [])).toEqual([]);
    const held = await allDeliveries(store(), app.id, { endpointId: ep.id, state: 'held' });
    expect(held.map((d) => d.nextAttemptAt)).toEqual([null, null, null]);
    await store().updateEndpoint({ ...disabled!, disabled: false });
    expect(await claim(store(), T0 + 500, 100, [])).toEqual([]);
    const window = { since: T0, until: T0 + 1000 };
    expect(
      await recoverFailed(store(), app.id, ep.id, window, T0 + 600, { states: ['held'] }),
    ).toBe(3);
    expect(await claim(store(), T0 + 600, 100, [])).toHaveLength(3);
  });
}
