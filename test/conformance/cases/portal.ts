import { expect, it } from 'vitest';
import { newPortalSession } from '../../../src/domain/portal.js';
import { sha256Hex } from '../../../src/lib/hash.js';
import { createApp, T0 } from '../fixtures.js';
import type { SuiteContext } from '../suite.js';

const LINK_TTL = 600_000;
const SESSION_TTL = 3_600_000;

export function portalCases({ store, peer, hasPeers }: SuiteContext): void {
  async function opened(appId: string, theme = {}) {
    const made = newPortalSession(
      { appId, theme, linkTtlMs: LINK_TTL, sessionTtlMs: SESSION_TTL },
      T0,
    );
    await store().portal.createSession(made.session);
    return made;
  }

  it('a link is redeemed once, before it expires, and the session lasts its TTL from then', async () => {
    const app = await createApp(store());
    const { session, linkToken } = await opened(app.id, { primaryColor: '#112233', mode: 'dark' });
    const linkHash = sha256Hex(linkToken);
    const redeemed = await store().portal.redeemLink(linkHash, 'credential-1', T0 + 5);
    expect(redeemed).toEqual({
      ...session,
      sessionHash: 'credential-1',
      redeemedAt: T0 + 5,
      expiresAt: T0 + 5 + SESSION_TTL,
    });
    expect(await store().portal.redeemLink(linkHash, 'credential-2', T0 + 6)).toBeNull();
    expect(await store().portal.getSessionByHash('credential-1')).toEqual(redeemed);
    expect(await store().portal.getSessionByHash('credential-2')).toBeNull();
  });

  it('an expired link is not redeemed', async () => {
    const app = await createApp(store());
    const { linkToken } = await opened(app.id);
    expect(await store().portal.redeemLink(sha256Hex(linkToken), 'late', T0 + LINK_TTL)).toBeNull();
  });

  it('concurrent redemptions of one link: exactly one wins', async () => {
    const app = await createApp(store());
    const { linkToken } = await opened(app.id);
    const other = hasPeers ? await peer() : store();
    const results = await Promise.all(
      [store(), other, store(), other].map((s, i) =>
        s.portal.redeemLink(sha256Hex(linkToken), `c${i}`, T0 + 1),
      ),
    );
    expect(results.filter((r) => r !== null)).toHaveLength(1);
  });

  it("ending an app's sessions ends them all and no other app's; deleting the app too", async () => {
    const app = await createApp(store());
    const other = await createApp(store());
    const one = await opened(app.id);
    await opened(app.id);
    const kept = await opened(other.id);
    await store().portal.redeemLink(sha256Hex(one.linkToken), 'one', T0 + 1);
    await store().portal.redeemLink(sha256Hex(kept.linkToken), 'kept', T0 + 1);
    expect(await store().portal.deleteSessionsOfApp(app.id)).toBe(2);
    expect(await store().portal.getSessionByHash('one')).toBeNull();
    expect(await store().portal.getSessionByHash('kept')).not.toBeNull();
    expect(await store().portal.deleteSession(app.id, kept.session.id)).toBe(false);
    expect(await store().deleteApp(other.id)).toBe(true);
    expect(await store().portal.getSessionByHash('kept')).toBeNull();
  });
}
