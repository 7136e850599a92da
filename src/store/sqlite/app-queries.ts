import type { Database } from 'better-sqlite3';
import type { App, Page } from '../../domain/types.js';
import type { SecretBox } from '../../lib/secret-box.js';
import { viberTokenColumns } from '../shared-rows.js';
import { decodeCursor, toPage } from '../cursor.js';
import type { ListQuery } from '../store.js';
import { toApp, type AppRow } from './rows.js';
import { inTransaction } from './in-transaction.js';

const prepare = (db: Database) => ({
  insertStmt: db.prepare(`INSERT INTO apps (id, uid, name, metadata, api_key_hash, viber_auth_token,
    viber_auth_token_digest, instance_settings, created_at, updated_at) VALUES (@id, @uid, @name,
    @metadata, @apiKeyHash, @viberAuthToken, @viberAuthTokenDigest, @instanceSettings, @createdAt,
    @updatedAt)`),
  updateStmt:
    db.prepare(`UPDATE apps SET uid=@uid, name=@name, metadata=@metadata, api_key_hash=@apiKeyHash,
    viber_auth_token=@viberAuthToken, viber_auth_token_digest=@viberAuthTokenDigest,
    instance_settings=@instanceSettings, updated_at=@updatedAt
    WHERE id=@id AND (@expected IS NULL OR updated_at = @expected)`),
  byId: db.prepare('SELECT * FROM apps WHERE id = ?'),
  byKey: db.prepare('SELECT * FROM apps WHERE api_key_hash = ?'),
  byViberToken: db.prepare('SELECT * FROM apps WHERE viber_auth_token_digest = ?'),
  byUid: db.prepare('SELECT * FROM apps WHERE uid = ?'),
  page: db.prepare('SELECT * FROM apps WHERE id < @cursor ORDER BY id DESC LIMIT @limit'),
  deleteAttempts: db.prepare(
    'DELETE FROM attempts WHERE endpoint_id IN (SELECT id FROM endpoints WHERE app_id = ?)',
  ),
  deleteStmt: db.prepare('DELETE FROM apps WHERE id = ?'),
});

const appParams = (app: App, box: SecretBox) => {
  const viber = viberTokenColumns(app, box);
  return {
    ...app,
    metadata: JSON.stringify(app.metadata),
    viberAuthToken: viber.token,
    viberAuthTokenDigest: viber.digest,
    instanceSettings: JSON.stringify(app.instanceSettings),
  };
};

export class SqliteApps {
  private readonly q: ReturnType<typeof prepare>;
  constructor(
    private readonly db: Database,
    private readonly box: SecretBox,
  ) {
    this.q = prepare(db);
  }

  create(app: App): App {
    this.q.insertStmt.run(appParams(app, this.box));
    return app;
  }

  get(id: string): App | null {
    const row = this.q.byId.get(id) as AppRow | undefined;
    return row ? toApp(row, this.box) : null;
  }

  getByUid(uid: string): App | null {
    const row = this.q.byUid.get(uid) as AppRow | undefined;
    return row ? toApp(row, this.box) : null;
  }

  getByKeyHash(hash: string): App | null {
    const row = this.q.byKey.get(hash) as AppRow | undefined;
    return row ? toApp(row, this.box) : null;
  }

  getByViberTokenDigest(digest: string): App | null {
    const row = this.q.byViberToken.get(digest) as AppRow | undefined;
    return row ? toApp(row, this.box) : null;
  }

  list(query: ListQuery, onlyId?: string): Page<App> {
    if (onlyId !== undefined) {
      const app = this.get(onlyId);
      return { data: app && query.cursor === null ? [app] : [], nextCursor: null };
    }
    const cursor = query.cursor === null ? '\uffff' : decodeCursor(query.cursor);
    const rows = this.q.page.all({ cursor, limit: query.limit + 1 }) as AppRow[];
    return toPage(
      rows.map((r) => toApp(r, this.box)),
      query.limit,
      (a) => a.id,
    );
  }

  update(app: App, expectedUpdatedAt?: number): App | null {
    const info = this.q.updateStmt.run({
      ...appParams(app, this.box),
      expected: expectedUpdatedAt ?? null,
    });
    return info.changes === 1 ? app : null;
  }

  delete(id: string): boolean {
    return inTransaction(this.db, () => {
      this.q.deleteAttempts.run(id);
      return this.q.deleteStmt.run(id).changes === 1;
    });
  }
}
