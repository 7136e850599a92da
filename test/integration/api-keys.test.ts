import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiKeys, SHARED_KEY_TTL_MS } from '../../src/api/api-keys.js';
import type { App } from '../../src/domain/types.js';
import { observeChanges, type StoreChanges } from '../../src/store/change-feed.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import type { Store } from '../../src/store/store.js';
import { createApp } from '../conformance/fixtures.js';
import { TEST_KEYS } from '../helpers/encryption.js';

/**
 * The API key cache: a key found once costs no read, and any app write through the observed store
 * (rotation, deletion) refuses the old key from the moment the write is answered.
 */
describe('API keys', () => {
  let raw: SqliteStore;
  let store: Store;
  let changes: StoreChanges;
  /** Key-hash reads that reached the store. */
  let reads: number;
  /** When set, a read waits for it after reading (a read still in flight). */
  let gate: Promise<void> | null;
  const reader = {
    getAppByKeyHash: async (hash: string): Promise<App | null> => {
      reads++;
      const app = await raw.getAppByKeyHash(hash);
      if (gate) await gate;
      return app;
    },
  };

  beforeEach(async () => {
    raw = new SqliteStore({ file: ':memory:', encryption: TEST_KEYS });
    await raw.migrate();
    ({ store, changes } = observeChanges(raw));
    reads = 0;
    gate = null;
  });
  afterEach(async () => store.close());

  it('a key found once is answered without reading the store again', async () => {
    const keys = new ApiKeys(reader, changes);
    const app = await createApp(store);
    expect((await keys.find(app.apiKeyHash))?.id).toBe(app.id);
    expect((await keys.find(app.apiKeyHash))?.id).toBe(app.id);
    expect(reads).toBe(1);
  });

  it('unknown keys are never cached: a key made later is found', async () => {
    const keys = new ApiKeys(reader, changes);
    expect(await keys.find('hash-later')).toBeNull();
    const app = await createApp(store, { apiKeyHash: 'hash-later' });
    expect((await keys.find('hash-later'))?.id).toBe(app.id);
  });

  it('a rotated key is refused as soon as the rotation is written; the new one is found', async () => {
    const keys = new ApiKeys(reader, changes);
    const app = await createApp(store);
    await keys.find(app.apiKeyHash);
    await store.updateApp({ ...app, apiKeyHash: 'hash-rotated', updatedAt: app.updatedAt + 1 });
    expect(await keys.find(app.apiKeyHash)).toBeNull();
    expect((await keys.find('hash-rotated'))?.apiKeyHash).toBe('hash-rotated');
  });

  it("a deleted app's key is refused at once", async () => {
    const keys = new ApiKeys(reader, changes);
    const app = await createApp(store);
    await keys.find(app.apiKeyHash);
    await store.deleteApp(app.id);
    expect(await keys.find(app.apiKeyHash)).toBeNull();
  });

  it('a read that began before a rotation is not cached: the old key never comes back', async () => {
    const keys = new ApiKeys(reader, changes);
    const app = await createApp(store);
    let open!: () => void;
    gate = new Promise((resolve) => (open = resolve));
    const inFlight = keys.find(app.apiKeyHash); // has read the old app, not yet returned
    await store.updateApp({ ...app, apiKeyHash: 'hash-rotated', updatedAt: app.updatedAt + 1 });
    gate = null;
    open();
    expect((await inFlight)?.id).toBe(app.id); // concurrent with the rotation, as before caching
    expect(await keys.find(app.apiKeyHash)).toBeNull();
  });

  it('without a change feed (another process may write: PostgreSQL) every lookup reads', async () => {
    const keys = new ApiKeys(reader, null);
    const app = await createApp(store);
    await keys.find(app.apiKeyHash);
    await keys.find(app.apiKeyHash);
    expect(reads).toBe(2);
  });

  it('without a change feed, a write that checks the key again may take it from memory, for a bounded time', async () => {
    let now = 1_000;
    const keys = new ApiKeys(reader, null, () => now);
    const app = await createApp(store);
    expect(await keys.findForWrite(app.apiKeyHash)).toMatchObject({ current: true });
    // From memory: the caller is told to have the write check the key.
    expect(await keys.findForWrite(app.apiKeyHash)).toMatchObject({
      app: { id: app.id },
      current: false,
    });
    expect(reads).toBe(1);
    // `find` still reads every time.
    await keys.find(app.apiKeyHash);
    expect(reads).toBe(2);
    now += SHARED_KEY_TTL_MS;
    expect(await keys.findForWrite(app.apiKeyHash)).toMatchObject({ current: true });
    expect(reads).toBe(3);
    // A write found it outdated: the next lookup reads, and a key the store no longer knows is
    // not kept.
    keys.forget(app.apiKeyHash);
    await store.deleteApp(app.id);
    expect(await keys.findForWrite(app.apiKeyHash)).toBeNull();
    expect(await keys.findForWrite(app.apiKeyHash)).toBeNull();
    expect(reads).toBe(5);
  });

  it('with a change feed, a write lookup is the exact cache (current)', async () => {
    const keys = new ApiKeys(reader, changes);
    const app = await createApp(store);
    await keys.findForWrite(app.apiKeyHash);
    expect(await keys.findForWrite(app.apiKeyHash)).toMatchObject({ current: true });
    expect(reads).toBe(1);
  });
});
