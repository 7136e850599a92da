import type { Database } from 'better-sqlite3';
import type { BotConnection, BotInvocation, ConnectionError } from '../../domain/bots.js';
import type { Page } from '../../domain/types.js';
import type { SecretBox } from '../../lib/secret-box.js';
import type { BotStore } from '../bot-store.js';
import { decodeCursor, toPage } from '../cursor.js';
import type { ListQuery } from '../store.js';
import {
  botConnectionParams,
  botInvocationParams,
  toBotConnection,
  toBotInvocation,
  type BotConnectionRow,
  type BotInvocationRow,
} from './bot-rows.js';
import { inTransaction } from './in-transaction.js';

/** Connections with their story's name. */
const WITH_STORY = `SELECT c.*, s.name AS story_name FROM bot_connections c
  LEFT JOIN bot_stories s ON s.app_id = c.app_id AND s.id = c.story_id`;

const prepare = (db: Database) => ({
  insert:
    db.prepare(`INSERT INTO bot_connections (id, app_id, story_id, name, url, token, headers, auth_username,
    auth_password, timeout_ms, error_code, error_message, error_at, created_at, updated_at)
    VALUES (@id, @app_id, @story_id, @name, @url, @token, @headers, @auth_username, @auth_password, @timeout_ms,
    @error_code, @error_message, @error_at, @created_at, @updated_at)`),
  update:
    db.prepare(`UPDATE bot_connections SET name=@name, url=@url, token=@token, headers=@headers,
    auth_username=@auth_username, auth_password=@auth_password, timeout_ms=@timeout_ms,
    updated_at=@updated_at WHERE app_id=@app_id AND id=@id AND (@expected IS NULL OR updated_at = @expected)`),
  byId: db.prepare(`${WITH_STORY} WHERE c.app_id = ? AND c.id = ?`),
  byApp: db.prepare(`${WITH_STORY} WHERE c.app_id = ? ORDER BY c.created_at, c.id`),
  nameStory: db.prepare(`INSERT INTO bot_stories (app_id, id, name, updated_at) VALUES (?, ?, ?, ?)
    ON CONFLICT (app_id, id) DO UPDATE SET name = excluded.name, updated_at = excluded.updated_at`),
  delete: db.prepare('DELETE FROM bot_connections WHERE app_id = ? AND id = ?'),
  // Only while the connection exists: a connection deleted mid-invocation takes nothing with it.
  insertInvocation:
    db.prepare(`INSERT INTO bot_invocations (id, app_id, connection_id, at, latency_ms, status_code,
    outcome, error, message_id) SELECT @id, @app_id, @connection_id, @at, @latency_ms, @status_code, @outcome,
    @error, @message_id WHERE EXISTS (SELECT 1 FROM bot_connections WHERE id = @connection_id AND app_id = @app_id)`),
  setError:
    db.prepare(`UPDATE bot_connections SET error_code=@code, error_message=@message, error_at=@at
    WHERE app_id=@app_id AND id=@id`),
  invocations:
    db.prepare(`SELECT * FROM bot_invocations WHERE app_id = @app_id AND connection_id = @connection_id
    AND id < @cursor ORDER BY id DESC LIMIT @limit`),
});

export type WriteRunner = <T>(op: () => T) => Promise<T>;

/**
 * SQLite bot connections. Statements are prepared on first use, so this can be built before the
 * migrations ran; invocation records go through the store's group commit when one is given.
 */
export class SqliteBotStore implements BotStore {
  private prepared: ReturnType<typeof prepare> | null = null;

  constructor(
    private readonly db: Database,
    private readonly box: SecretBox,
    private readonly write: WriteRunner = async (op) => op(),
  ) {}

  private get q(): ReturnType<typeof prepare> {
    this.prepared ??= prepare(this.db);
    return this.prepared;
  }

  async createConnection(connection: BotConnection): Promise<BotConnection> {
    inTransaction(this.db, () => {
      this.q.insert.run(botConnectionParams(connection, this.box));
      this.nameStory(connection);
    });
    return (await this.getConnection(connection.appId, connection.id)) ?? connection;
  }

  private nameStory(c: BotConnection): void {
    if (c.storyName !== null) this.q.nameStory.run(c.appId, c.storyId, c.storyName, c.updatedAt);
  }

  async getConnection(appId: string, id: string): Promise<BotConnection | null> {
    const row = this.q.byId.get(appId, id) as BotConnectionRow | undefined;
    return row ? toBotConnection(row, this.box) : null;
  }

  async listConnections(appId: string): Promise<BotConnection[]> {
    return (this.q.byApp.all(appId) as BotConnectionRow[]).map((r) => toBotConnection(r, this.box));
  }

  async updateConnection(
    connection: BotConnection,
    expectedUpdatedAt?: number,
  ): Promise<BotConnection | null> {
    const params = {
      ...botConnectionParams(connection, this.box),
      expected: expectedUpdatedAt ?? null,
    };
    const updated = inTransaction(this.db, () => {
      if (this.q.update.run(params).changes !== 1) return false;
      this.nameStory(connection);
      return true;
    });
    return updated ? this.getConnection(connection.appId, connection.id) : null;
  }

  async deleteConnection(appId: string, id: string): Promise<boolean> {
    return this.q.delete.run(appId, id).changes === 1;
  }

  recordInvocation(invocation: BotInvocation, error: ConnectionError | null): Promise<void> {
    return this.write(() =>
      inTransaction(this.db, () => {
        const inserted = this.q.insertInvocation.run(botInvocationParams(invocation)).changes === 1;
        if (!inserted) return;
        this.q.setError.run({
          app_id: invocation.appId,
          id: invocation.connectionId,
          code: error?.code ?? null,
          message: error?.message ?? null,
          at: error?.at ?? null,
        });
      }),
    );
  }

  async listInvocations(
    appId: string,
    connectionId: string,
    query: ListQuery,
  ): Promise<Page<BotInvocation>> {
    const cursor = query.cursor === null ? '\uffff' : decodeCursor(query.cursor);
    const rows = this.q.invocations.all({
      app_id: appId,
      connection_id: connectionId,
      cursor,
      limit: query.limit + 1,
    });
    return toPage((rows as BotInvocationRow[]).map(toBotInvocation), query.limit, (i) => i.id);
  }
}
