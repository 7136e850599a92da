import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ClaimedDelivery, Store } from '../../src/store/store.js';
import { sqliteHarness } from '../conformance/sqlite-harness.js';
import { claim, createApp, createEndpoint, LEASE_MS, send, T0 } from '../conformance/fixtures.js';

/** A claim that waits on the store for work (ClaimArgs.waitMs), on both forms of the SQLite store. */
const WAIT_MS = 30_000; // past any test's timeout (only the store's own answer ends a wait), within a lease

/** Tracks a parked claim without waiting on it. */
function park(store: Store, over: { excludeEndpointIds?: string[] } = {}) {
  const state: { claimed: ClaimedDelivery[] | null } = { claimed: null };
  const promise = store
    .claimDue({ now: Date.now(), limit: 10, leaseMs: LEASE_MS, waitMs: WAIT_MS, ...over })
    .then((claimed) => (state.claimed = claimed));
  return { state, promise };
}

/** Lets the store's own follow-up work run (group commits flush on setImmediate). */
async function settle(store: Store): Promise<void> {
  await store.ping();
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
}

for (const threaded of [false, true]) {
  describe(`a parked claim (${threaded ? 'store thread' : 'in process'})`, () => {
    const harness = sqliteHarness(`parked-${threaded ? 'threaded' : 'plain'}`, { threaded });
    let store: Store;
    beforeAll(() => harness.setup?.());
    afterAll(() => harness.teardown?.());
    afterEach(() => store?.close());

    it('is answered by the commit that makes work due, with that work', async () => {
      store = await harness.open();
      expect(store.capabilities.parkedClaims).toBe(true);
      const app = await createApp(store);
      await createEndpoint(store, app.id);
      const parked = park(store);
      await settle(store);
      expect(parked.state.claimed).toBeNull();
      const sent = await send(store, app.id);
      const claimed = await parked.promise;
      expect(claimed.map((c) => c.message.id)).toEqual([sent.message.id]);
      expect(claimed[0]!.delivery.state).toBe('delivering');
      // The lease is real: nothing is left to claim.
      expect(await claim(store, Date.now())).toEqual([]);
    });

    it('is answered by a write outside the group commit that makes work due again', async () => {
      store = await harness.open();
      const app = await createApp(store);
      await createEndpoint(store, app.id);
      await send(store, app.id);
      const [leased] = await claim(store, Date.now());
      const parked = park(store);
      await settle(store);
      expect(parked.state.claimed).toBeNull();
      await store.releaseDeliveries([
        { deliveryId: leased!.delivery.id, leaseToken: leased!.leaseToken, nextAttemptAt: 0 },
      ]);
      expect((await parked.promise).map((c) => c.delivery.id)).toEqual([leased!.delivery.id]);
    });

    it('takes what is due at once, without waiting', async () => {
      store = await harness.open();
      const app = await createApp(store);
      await createEndpoint(store, app.id);
      const sent = await send(store, app.id);
      const claimed = await park(store).promise;
      expect(claimed.map((c) => c.message.id)).toEqual([sent.message.id]);
    });

    it('stays parked for work its dispatcher excluded, until woken', async () => {
      store = await harness.open();
      const app = await createApp(store);
      const ep = await createEndpoint(store, app.id);
      const parked = park(store, { excludeEndpointIds: [ep.id] });
      await send(store, app.id);
      await settle(store);
      expect(parked.state.claimed).toBeNull();
      await store.wakeParkedClaims!();
      expect(await parked.promise).toEqual([]);
      // Woken with its exclusions gone, the next claim takes it.
      expect(await park(store).promise).toHaveLength(1);
    });

    it('is answered, empty, when the store closes', async () => {
      store = await harness.open();
      const parked = park(store);
      await settle(store);
      await store.close();
      expect(await parked.promise).toEqual([]);
    });
  });
}

describe('a parked claim and time', () => {
  const harness = sqliteHarness('parked-time');
  let store: Store;
  beforeAll(() => harness.setup?.());
  afterAll(() => harness.teardown?.());
  afterEach(async () => {
    vi.useRealTimers();
    await store?.close();
  });

  it('is answered when a delivery falls due, and empty at its deadline', async () => {
    // Only timers and Date are faked: the group commit's setImmediate runs as usual.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], now: T0 });
    store = await harness.open();
    const app = await createApp(store);
    await createEndpoint(store, app.id);
    await send(store, app.id, { createdAt: T0 });
    const [first] = await claim(store, T0);
    await store.releaseDeliveries([
      { deliveryId: first!.delivery.id, leaseToken: first!.leaseToken, nextAttemptAt: T0 + 5_000 },
    ]);

    const parked = park(store);
    await settle(store);
    await vi.advanceTimersByTimeAsync(4_999);
    await settle(store);
    expect(parked.state.claimed).toBeNull();
    await vi.advanceTimersByTimeAsync(1);
    expect((await parked.promise).map((c) => c.delivery.id)).toEqual([first!.delivery.id]);

    const idle = park(store);
    await vi.advanceTimersByTimeAsync(WAIT_MS - 1);
    await settle(store);
    expect(idle.state.claimed).toBeNull();
    await vi.advanceTimersByTimeAsync(1);
    expect(await idle.promise).toEqual([]);
  });
});
