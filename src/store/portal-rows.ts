import type { PortalSession } from '../domain/portal.js';

/** A portal_sessions row as both adapters read it (PostgreSQL's bigints arrive as strings). */
export interface PortalSessionRow {
  id: string;
  app_id: string;
  link_hash: string;
  link_expires_at: number | string;
  session_hash: string | null;
  session_ttl_ms: number | string;
  expires_at: number | string | null;
  theme: string;
  created_at: number | string;
  redeemed_at: number | string | null;
}

const num = (v: number | string): number => Number(v);
const numOrNull = (v: number | string | null): number | null => (v === null ? null : Number(v));

export const toPortalSession = (r: PortalSessionRow): PortalSession => ({
  id: r.id,
  appId: r.app_id,
  linkHash: r.link_hash,
  linkExpiresAt: num(r.link_expires_at),
  sessionHash: r.session_hash,
  sessionTtlMs: num(r.session_ttl_ms),
  expiresAt: numOrNull(r.expires_at),
  theme: JSON.parse(r.theme),
  createdAt: num(r.created_at),
  redeemedAt: numOrNull(r.redeemed_at),
});

export const portalSessionParams = (s: PortalSession) => ({
  id: s.id,
  app_id: s.appId,
  link_hash: s.linkHash,
  link_expires_at: s.linkExpiresAt,
  session_hash: s.sessionHash,
  session_ttl_ms: s.sessionTtlMs,
  expires_at: s.expiresAt,
  theme: JSON.stringify(s.theme),
  created_at: s.createdAt,
  redeemed_at: s.redeemedAt,
});

/** The columns, in the order of portalSessionParams. */
export const PORTAL_COLUMNS = [
  'id',
  'app_id',
  'link_hash',
  'link_expires_at',
  'session_hash',
  'session_ttl_ms',
  'expires_at',
  'theme',
  'created_at',
  'redeemed_at',
] as const;
