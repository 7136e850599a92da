import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { App } from '../../domain/types.js';
import { sha256Hex } from '../../lib/hash.js';
import type { Store } from '../../store/store.js';

/**
 * An app's Viber auth token: `<appId>.<48 hex chars>`. Tokens are sealed at rest, so the /pa API
 * finds the app by the token's SHA-256 (kept beside it) and then compares the whole token in
 * constant time. The token also keys the viber format's signatures.
 */
export function newViberAuthToken(appId: string): string {
  return `${appId}.${randomBytes(24).toString('hex')}`;
}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The app whose Viber auth token this is, or null. */
export async function appByViberToken(
  store: Pick<Store, 'getAppByViberTokenDigest'>,
  token: string,
): Promise<App | null> {
  if (token.length === 0 || token.length > 256) return null;
  const app = await store.getAppByViberTokenDigest(sha256Hex(token));
  if (!app || app.viberAuthToken === null) return null;
  return sameToken(app.viberAuthToken, token) ? app : null;
}
