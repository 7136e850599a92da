import { expect, it } from 'vitest';
import { createApp, createEndpoint, T0 } from '../fixtures.js';
import type { SuiteContext } from '../suite.js';

/** Updates conditional on the version read (`updatedAt`): what keeps read-modify-writes from losing. */
export function versionedUpdateCases({ store }: SuiteContext): void {
  it('updates an app only while it still has the version the caller read', async () => {
    const app = await createApp(store());
    const rotated = { ...app, apiKeyHash: 'rotated', updatedAt: T0 + 1 };
    expect(await store().updateApp(rotated, app.updatedAt)).toEqual(rotated);
    // A writer that read the app before the rotation loses, and writes nothing.
    const stale = { ...app, name: 'Stale', updatedAt: T0 + 2 };
    expect(await store().updateApp(stale, app.updatedAt)).toBeNull();
    expect(await store().getApp(app.id)).toEqual(rotated);
    expect(await store().getAppByKeyHash(app.apiKeyHash)).toBeNull();
    // The same change on the fresh read goes through.
    const renamed = { ...rotated, name: 'Fresh', updatedAt: T0 + 3 };
    expect(await store().updateApp(renamed, rotated.updatedAt)).toEqual(renamed);
    expect(await store().getAppByKeyHash('rotated')).toEqual(renamed);
  });

  it('updates an endpoint only while it still has the version the caller read', async () => {
    const app = await createApp(store());
    const ep = await createEndpoint(store(), app.id);
    const rotated = {
      ...ep,
      secrets: [{ secret: 'whsec_new', createdAt: T0 + 1, expiresAt: null }],
      updatedAt: T0 + 1,
    };
    expect(await store().updateEndpoint(rotated, ep.updatedAt)).toEqual(rotated);
    expect(await store().updateEndpoint({ ...ep, url: 'http://127.0.0.1:9/x' }, ep.updatedAt)).toBe(
      null,
    );
    expect(await store().getEndpoint(app.id, ep.id)).toEqual(rotated);
  });

  it('lets only one of two writers that read the same version win', async () => {
    const app = await createApp(store());
    const a = { ...app, apiKeyHash: 'key-a', updatedAt: T0 + 1 };
    const b = { ...app, apiKeyHash: 'key-b', updatedAt: T0 + 1 };
    const results = await Promise.all([
      store().updateApp(a, app.updatedAt),
      store().updateApp(b, app.updatedAt),
    ]);
    expect(results.filter((r) => r !== null)).toHaveLength(1);
    const winner = results.find((r) => r !== null);
    expect(await store().getApp(app.id)).toEqual(winner);
  });
}
