import type { PortalSession } from '../domain/portal.js';

/**
 * Persistence of portal sessions, in domain terms. Part of the `Store` contract as `store.portal`.
 * Deleting an app deletes its sessions.
 */
export interface PortalStore {
  createSession(session: PortalSession): Promise<PortalSession>;
  /**
   * Exchanges a link, once: when the link with this digest is unused and unexpired at `now`, it is
   * marked used, given the credential's digest and its expiry (now + its TTL), all in one
   * statement, so two exchanges of one link cannot both succeed. Null otherwise.
   */
  redeemLink(linkHash: string, sessionHash: string, now: number): Promise<PortalSession | null>;
  getSessionByHash(sessionHash: string): Promise<PortalSession | null>;
  /** Ends one session of the app. */
  deleteSession(appId: string, id: string): Promise<boolean>;
  /** Ends every session of the app, redeemed or not; returns how many. */
  deleteSessionsOfApp(appId: string): Promise<number>;
}
