import type { Database } from 'better-sqlite3';
import type { PortalSession } from '../../domain/portal.js';
import type { PortalStore } from '../portal-store.js';
import { portalSessionParams, toPortalSession, type PortalSessionRow } from '../portal-rows.js';

const prepare = (db: Database) => ({
  insert:
    db.prepare(`INSERT INTO portal_sessions (id, app_id, link_hash, link_expires_at, session_hash,
    session_ttl_ms, expires_at, theme, created_at, redeemed_at) VALUES (@id, @app_id, @link_hash,
    @link_expires_at, @session_hash, @session_ttl_ms, @expires_at, @theme, @created_at, @redeemed_at)`),
  // One statement: of two exchanges of one link, only the first finds it unused.
  redeem: db.prepare(`UPDATE portal_sessions SET session_hash = @session_hash, redeemed_at = @now,
    expires_at = @now + session_ttl_ms
    WHERE link_hash = @link_hash AND redeemed_at IS NULL AND link_expires_at > @now RETURNING *`),
  bySessionHash: db.prepare('SELECT * FROM portal_sessions WHERE session_hash = ?'),
  deleteOne: db.prepare('DELETE FROM portal_sessions WHERE app_id = ? AND id = ?'),
  deleteOfApp: db.prepare('DELETE FROM portal_sessions WHERE app_id = ?'),
});

/** SQLite portal sessions. Statements are prepared on first use (after the migrations ran). */
export class SqlitePortalStore implements PortalStore {
  private prepared: ReturnType<typeof prepare> | null = null;

  constructor(private readonly db: Database) {}

  private get q(): ReturnType<typeof prepare> {
    this.prepared ??= prepare(this.db);
    return this.prepared;
  }

  async createSession(session: PortalSession): Promise<PortalSession> {
    this.q.insert.run(portalSessionParams(session));
    return session;
  }

  async redeemLink(
    linkHash: string,
    sessionHash: string,
    now: number,
  ): Promise<PortalSession | null> {
    const row = this.q.redeem.get({ link_hash: linkHash, session_hash: sessionHash, now }) as
      PortalSessionRow | undefined;
    return row ? toPortalSession(row) : null;
  }

  async getSessionByHash(sessionHash: string): Promise<PortalSession | null> {
    const row = this.q.bySessionHash.get(sessionHash) as PortalSessionRow | undefined;
    return row ? toPortalSession(row) : null;
  }

  async deleteSession(appId: string, id: string): Promise<boolean> {
    return this.q.deleteOne.run(appId, id).changes === 1;
  }

  async deleteSessionsOfApp(appId: string): Promise<number> {
    return this.q.deleteOfApp.run(appId).changes;
  }
}
