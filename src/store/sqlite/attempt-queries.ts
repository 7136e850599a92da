import type { Database } from 'better-sqlite3';
import type { Attempt, Page } from '../../domain/types.js';
import { decodeNumericCursor, toPage } from '../cursor.js';
import type { AttemptFilter, ListQuery } from '../store.js';
import { attemptParams, toAttempt, type AttemptRow } from './rows.js';
import { StatementCache } from './statement-cache.js';

const MAX_ID = Number.MAX_SAFE_INTEGER;

const prepare = (db: Database) => ({
  insert:
    db.prepare(`INSERT INTO attempts (app_id, delivery_id, message_id, endpoint_id, at, duration_ms,
    status_code, response_headers, response_body, error_kind, error_message, test, request_headers) VALUES
    (@app_id, @delivery_id, @message_id, @endpoint_id, @at, @duration_ms, @status_code, @response_headers,
    @response_body, @error_kind, @error_message, @test, @request_headers)`),
});

/** Attempts as the API sees them, and test attempts made outside the engine (simulator). */
export class SqliteAttempts {
  private readonly q: ReturnType<typeof prepare>;
  private readonly statements: StatementCache;

  constructor(db: Database) {
    this.q = prepare(db);
    this.statements = new StatementCache(db);
  }

  list(appId: string, filter: AttemptFilter, query: ListQuery): Page<Attempt> {
    const where = ['app_id = @appId', 'id < @cursor', 'test = @test'];
    if (filter.messageId !== undefined) where.push('message_id = @messageId');
    if (filter.endpointId !== undefined) where.push('endpoint_id = @endpointId');
    if (filter.deliveryId !== undefined) {
      where.push('delivery_id = @deliveryId');
      // Through the message's attempts (a delivery's are among them; no index by delivery).
      if (filter.messageId === undefined)
        where.push('message_id = (SELECT message_id FROM deliveries WHERE id = @deliveryId)');
    }
    const sql = `SELECT * FROM attempts WHERE ${where.join(' AND ')} ORDER BY id DESC LIMIT @limit`;
    const cursor = query.cursor === null ? MAX_ID : decodeNumericCursor(query.cursor);
    const params = { ...filter, appId, cursor, test: filter.test ? 1 : 0, limit: query.limit + 1 };
    const rows = this.statements.get(sql).all(params) as AttemptRow[];
    return toPage(rows.map(toAttempt), query.limit, (a) => a.id);
  }

  insert(attempt: Omit<Attempt, 'id'>): Attempt {
    const info = this.q.insert.run(attemptParams(attempt));
    return { ...attempt, id: Number(info.lastInsertRowid) };
  }
}
