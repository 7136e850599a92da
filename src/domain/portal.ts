import { sha256Hex } from '../lib/hash.js';
import { newId, newToken } from '../lib/ids.js';

/** How the portal looks, chosen by whoever opens the session (the provider). */
export interface PortalTheme {
  /** `#rrggbb` */
  primaryColor?: string;
  /** An https URL of the provider's logo. */
  logoUrl?: string;
  mode?: 'light' | 'dark';
}

/**
 * A portal session: opened from a one-time link, scoped to one app. Both tokens are kept only as
 * SHA-256 digests; the link's token is shown once (in the link), the session's once (on exchange).
 */
export interface PortalSession {
  id: string;
  appId: string;
  linkHash: string;
  linkExpiresAt: number;
  /** Set when the link is exchanged; null until then. */
  sessionHash: string | null;
  /** How long the session lasts once the link is exchanged. */
  sessionTtlMs: number;
  /** Set when the link is exchanged (redeemedAt + sessionTtlMs). */
  expiresAt: number | null;
  theme: PortalTheme;
  createdAt: number;
  redeemedAt: number | null;
}

/** Prefixes that tell a portal token from an app key or the admin token at a glance. */
export const PORTAL_LINK_PREFIX = 'hlpl';
export const PORTAL_SESSION_PREFIX = 'hlps';

export const isPortalSessionToken = (token: string): boolean =>
  token.startsWith(`${PORTAL_SESSION_PREFIX}_`);

/** A new, unredeemed session and its link token (shown once). */
export function newPortalSession(
  input: { appId: string; theme: PortalTheme; linkTtlMs: number; sessionTtlMs: number },
  now: number,
): { session: PortalSession; linkToken: string } {
  const linkToken = newToken(PORTAL_LINK_PREFIX, 32);
  return {
    linkToken,
    session: {
      id: newId('ps', now),
      appId: input.appId,
      linkHash: sha256Hex(linkToken),
      linkExpiresAt: now + input.linkTtlMs,
      sessionHash: null,
      sessionTtlMs: input.sessionTtlMs,
      expiresAt: null,
      theme: input.theme,
      createdAt: now,
      redeemedAt: null,
    },
  };
}

/** A fresh session credential for a link being exchanged. */
export function newPortalCredential(): { token: string; hash: string } {
  const token = newToken(PORTAL_SESSION_PREFIX, 32);
  return { token, hash: sha256Hex(token) };
}

/** A redeemed session still in force at `now`. */
export const isSessionLive = (session: PortalSession, now: number): boolean =>
  session.sessionHash !== null && session.expiresAt !== null && now < session.expiresAt;
