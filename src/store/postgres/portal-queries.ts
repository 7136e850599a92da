import type pg from 'pg';
import type { PortalSession } from '../../domain/portal.js';
import type { PortalStore } from '../portal-store.js';
import {
  PORTAL_COLUMNS,
  portalSessionParams,
  toPortalSession,
  type PortalSessionRow,
} from '../portal-rows.js';
import type { Guard } from './bot-queries.js';

/** Creates a session. $1..$10 = PORTAL_COLUMNS */
const INSERT_SESSION = `INSERT INTO portal_sessions (${PORTAL_COLUMNS.join(', ')})
  VALUES (${PORTAL_COLUMNS.map((_, i) => `$${i + 1}`).join(', ')})`;

/**
 * Exchanges an unused, unexpired link, in one statement: of two exchanges of one link, the second
 * waits on the row lock, then finds it used. $1 link hash, $2 session hash, $3 now
 */
const REDEEM_LINK = `UPDATE portal_sessions SET session_hash = $2, redeemed_at = $3,
    expires_at = $3 + session_ttl_ms
  WHERE link_hash = $1 AND redeemed_at IS NULL AND link_expires_at > $3 RETURNING *`;

/** The session holding a credential. $1 session hash */
const BY_SESSION_HASH = 'SELECT * FROM portal_sessions WHERE session_hash = $1';

/** Ends one session of an app. $1 app id, $2 id */
const DELETE_SESSION = 'DELETE FROM portal_sessions WHERE app_id = $1 AND id = $2';

/** Ends every session of an app. $1 app id */
const DELETE_SESSIONS_OF_APP = 'DELETE FROM portal_sessions WHERE app_id = $1';

/** PostgreSQL portal sessions (see PortalStore). */
export class PgPortalStore implements PortalStore {
  constructor(
    private readonly pool: pg.Pool,
    private readonly guard: Guard,
  ) {}

  createSession(session: PortalSession): Promise<PortalSession> {
    return this.guard(async () => {
      const v = portalSessionParams(session);
      await this.pool.query(
        INSERT_SESSION,
        PORTAL_COLUMNS.map((c) => v[c]),
      );
      return session;
    });
  }

  redeemLink(linkHash: string, sessionHash: string, now: number): Promise<PortalSession | null> {
    return this.guard(async () => {
      const { rows } = await this.pool.query<PortalSessionRow>(REDEEM_LINK, [
        linkHash,
        sessionHash,
        now,
      ]);
      return rows[0] ? toPortalSession(rows[0]) : null;
    });
  }

  getSessionByHash(sessionHash: string): Promise<PortalSession | null> {
    return this.guard(async () => {
      const { rows } = await this.pool.query<PortalSessionRow>(BY_SESSION_HASH, [sessionHash]);
      return rows[0] ? toPortalSession(rows[0]) : null;
    });
  }

  deleteSession(appId: string, id: string): Promise<boolean> {
    return this.guard(
      async () => ((await this.pool.query(DELETE_SESSION, [appId, id])).rowCount ?? 0) === 1,
    );
  }

  deleteSessionsOfApp(appId: string): Promise<number> {
    return this.guard(
      async () => (await this.pool.query(DELETE_SESSIONS_OF_APP, [appId])).rowCount ?? 0,
    );
  }
}
