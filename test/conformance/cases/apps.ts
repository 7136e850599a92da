import { expect, it } from 'vitest';
import { sha256Hex } from '../../../src/lib/hash.js';
import { appRecord, createApp, T0 } from '../fixtures.js';
import type { SuiteContext } from '../suite.js';

export function appCases({ store }: SuiteContext): void {
  it('creates an app and reads it back by id and by key hash', async () => {
    const app = appRecord({
      name: 'Acme',
      metadata: { tier: 'gold' },
      viberAuthToken: 'viber-token-1',
    });
    expect(await store().createApp(app)).toEqual(app);
    expect(await store().getApp(app.id)).toEqual(app);
    expect(await store().getAppByKeyHash(app.apiKeyHash)).toEqual(app);
    expect(await store().getApp('app_unknown')).toBeNull();
    expect(await store().getAppByKeyHash('no-such-hash')).toBeNull();
  });

  it('replaces the mutable fields on update; the old key hash no longer finds it', async () => {
    const app = await createApp(store());
    const updated = {
      ...app,
      name: 'Renamed',
      metadata: { a: '1' },
      apiKeyHash: 'rotated-hash',
      updatedAt: T0 + 5,
    };
    expect(await store().updateApp(updated)).toEqual(updated);
    expect(await store().getApp(app.id)).toEqual(updated);
    expect(await store().getAppByKeyHash(app.apiKeyHash)).toBeNull();
    expect(await store().getAppByKeyHash('rotated-hash')).toEqual(updated);
  });

  it('finds an app by the SHA-256 of its Viber token, and no longer once the token changes', async () => {
    const app = await createApp(store(), { viberAuthToken: 'viber-token-a' });
    await createApp(store()); // no token: its null digest matches nothing
    expect(await store().getAppByViberTokenDigest(sha256Hex('viber-token-a'))).toEqual(app);
    const renewed = { ...app, viberAuthToken: 'viber-token-b', updatedAt: T0 + 1 };
    expect(await store().updateApp(renewed)).toEqual(renewed);
    expect(await store().getAppByViberTokenDigest(sha256Hex('viber-token-a'))).toBeNull();
    expect(await store().getAppByViberTokenDigest(sha256Hex('viber-token-b'))).toEqual(renewed);
    expect(await store().getAppByViberTokenDigest('viber-token-b')).toBeNull();
  });

  it('answers null when updating an unknown app', async () => {
    expect(await store().updateApp(appRecord())).toBeNull();
  });

  it('lists apps newest first, or only the given one', async () => {
    const a = await createApp(store());
    const b = await createApp(store());
    expect((await store().listApps({ limit: 10, cursor: null })).data.map((x) => x.id)).toEqual([
      b.id,
      a.id,
    ]);
    expect(await store().listApps({ limit: 10, cursor: null }, a.id)).toEqual({
      data: [a],
      nextCursor: null,
    });
    expect((await store().listApps({ limit: 10, cursor: null }, 'app_unknown')).data).toEqual([]);
  });

  it('deletes an app once', async () => {
    const app = await createApp(store());
    expect(await store().deleteApp(app.id)).toBe(true);
    expect(await store().getApp(app.id)).toBeNull();
    expect(await store().deleteApp(app.id)).toBe(false);
  });
}
