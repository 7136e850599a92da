import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { observeChanges, type StoreChange } from '../../src/store/change-feed.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import type { Store } from '../../src/store/store.js';
import {
  attemptOf,
  claim,
  createApp,
  createEndpoint,
  endpointRecord,
  recoverFailed,
  send,
  T0,
} from '../conformance/fixtures.js';
import { TEST_KEYS } from '../helpers/encryption.js';

/** Writes through the observed store signal what they changed, once committed, and nothing else. */
describe('store change feed', () => {
  let raw: SqliteStore;
  let store: Store;
  let seen: StoreChange[];
  let unsubscribe: () => void;

  beforeEach(async () => {
    raw = new SqliteStore({ file: ':memory:', encryption: TEST_KEYS });
    await raw.migrate();
    const observed = observeChanges(raw);
    store = observed.store;
    seen = [];
    unsubscribe = observed.changes.subscribe((change) => seen.push(change));
  });
  afterEach(async () => store.close());

  /** What `write` signalled, and the list emptied for the next one. */
  async function signalled(write: () => Promise<unknown>): Promise<StoreChange[]> {
    seen = [];
    await write();
    return seen;
  }

  it('apps: changes and deletions refresh caches; creation signals nothing', async () => {
    const app = await createApp(store);
    expect(seen).toEqual([]);
    expect(await signalled(() => store.updateApp({ ...app, name: 'Renamed' }))).toEqual([
      { kind: 'appChanged', appId: app.id },
    ]);
    expect(await signalled(() => store.deleteApp(app.id))).toEqual([
      { kind: 'appChanged', appId: app.id },
    ]);
    expect(await signalled(() => store.deleteApp(app.id))).toEqual([]);
  });

  it('endpoints: every write refreshes the endpoint; an update may release work', async () => {
    const app = await createApp(store);
    const endpoint = endpointRecord(app.id);
    expect(await signalled(() => store.createEndpoint(endpoint))).toEqual([
      { kind: 'endpointChanged', endpointId: endpoint.id },
    ]);
    expect(await signalled(() => store.updateEndpoint({ ...endpoint, disabled: true }))).toEqual([
      { kind: 'endpointChanged', endpointId: endpoint.id },
      { kind: 'workAdded' },
    ]);
    expect(await signalled(() => store.deleteEndpoint(app.id, endpoint.id))).toEqual([
      { kind: 'endpointChanged', endpointId: endpoint.id },
    ]);
    // Nothing changed: nothing is signalled.
    expect(await signalled(() => store.updateEndpoint(endpoint))).toEqual([]);
    expect(await signalled(() => store.deleteEndpoint(app.id, endpoint.id))).toEqual([]);
  });

  it('a write that fails signals nothing', async () => {
    const app = await createApp(store);
    const endpoint = await createEndpoint(store, app.id);
    seen = [];
    await expect(store.createEndpoint(endpoint)).rejects.toThrow();
    expect(seen).toEqual([]);
  });

  it('messages, retries and recoveries add work only when they make a delivery due', async () => {
    const app = await createApp(store);
    expect(await signalled(() => send(store, app.id))).toEqual([]);
    await createEndpoint(store, app.id);
    expect(await signalled(() => send(store, app.id))).toEqual([{ kind: 'workAdded' }]);
    expect(
      await signalled(() => recoverFailed(store, app.id, 'ep_none', { since: 0, until: T0 }, T0)),
    ).toEqual([]);

    const [claimed] = await claim(store, T0);
    // The dispatcher's own writes signal nothing: it knows what it did.
    expect(
      await signalled(() =>
        store.recordAttempts(
          [
            {
              deliveryId: claimed.delivery.id,
              endpointId: claimed.delivery.endpointId,
              leaseToken: claimed.leaseToken,
              attempt: attemptOf(claimed, T0, { statusCode: 500 }),
              outcome: 'failed',
              nextAttemptAt: null,
            },
          ],
          T0,
        ),
      ),
    ).toEqual([]);
    expect(await signalled(() => store.retryDelivery(app.id, claimed.delivery.id, T0))).toEqual([
      { kind: 'workAdded' },
    ]);
    expect(await signalled(() => store.retryDelivery(app.id, 999_999, T0))).toEqual([]);

    // In flight: retrying changes nothing, so nothing is woken.
    const [inFlight] = await claim(store, T0 + 1);
    expect(await signalled(() => store.retryDelivery(app.id, inFlight.delivery.id, T0))).toEqual(
      [],
    );
  });

  it('deliveries a verification held add work only when some are released', async () => {
    const app = await createApp(store);
    const endpoint = await createEndpoint(store, app.id);
    await send(store, app.id);
    const held = T0 + 600_000;
    const [claimed] = await claim(store, T0);
    // The dispatcher's release (holding it for the verification's end) signals nothing.
    expect(
      await signalled(() =>
        store.releaseDeliveries([
          { deliveryId: claimed.delivery.id, leaseToken: claimed.leaseToken, nextAttemptAt: held },
        ]),
      ),
    ).toEqual([]);
    expect(
      await signalled(() => store.releaseHeldDeliveries(app.id, endpoint.id, held + 1, T0 + 10)),
    ).toEqual([]);
    expect(
      await signalled(() => store.releaseHeldDeliveries(app.id, endpoint.id, held, T0 + 10)),
    ).toEqual([{ kind: 'workAdded' }]);
  });

  it('passes everything else through, and stops after unsubscribe', async () => {
    expect(store.capabilities).toBe(raw.capabilities);
    expect(store.bins).toBe(raw.bins);
    expect(store.bots).toBe(raw.bots);
    const app = await createApp(store);
    expect(await store.getApp(app.id)).toEqual(app);
    unsubscribe();
    expect(await signalled(() => store.updateApp({ ...app, name: 'Quiet' }))).toEqual([]);
  });

  it('a method replaced on the store (as tests do) reads as the replacement', async () => {
    const replacement = async () => null;
    Object.defineProperty(store, 'nextDueAt', { value: replacement });
    expect(store.nextDueAt).toBe(replacement);
    expect(raw.nextDueAt).toBe(replacement);
  });
});
