import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { App } from '../../domain/types.js';
import type { Store } from '../../store/store.js';

/**
 * An app's Viber auth token names its app: `<appId>.<48 hex chars>`. The /pa API finds the app
 * from the token's prefix and then compares the whole token in constant time, so no token index
 * is needed in the store. The token also keys the viber format's signatures.
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
  store: Pick<Store, 'getApp'>,
  token: string,
): Promise<App | null> {
  const dot = token.lastIndexOf('.');
  if (dot <= 0 || token.length > 256) return null;
  const app = await store.getApp(token.slice(0, dot));
  if (!app || app.viberAuthToken === null) return null;
  return sameToken(app.viberAuthToken, token) ? app : null;
}
