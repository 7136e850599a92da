import type { Database } from 'better-sqlite3';
import type { Message, Page } from '../../domain/types.js';
import { decodeCursor, toPage } from '../cursor.js';
import type { KeyUse, ListQuery, MessageFilter } from '../store.js';
import { toMessage, type MessageRow } from './rows.js';
import { StatementCache } from './statement-cache.js';
import { eventTypeRange } from '../../domain/event-filter.js';

const prepare = (db: Database) => ({
  byId: db.prepare('SELECT * FROM messages WHERE id = ? AND app_id = ?'),
  byKey: db.prepare('SELECT * FROM messages WHERE app_id = ? AND idempotency_key = ?'),
  keyUse: db.prepare(
    'SELECT created_at, request_digest FROM messages WHERE app_id = ? AND idempotency_key = ?',
  ),
});

/** Messages as the API reads them. */
export class SqliteMessages {
  private readonly q: ReturnType<typeof prepare>;
  private readonly statements: StatementCache;

  constructor(db: Database) {
    this.q = prepare(db);
    this.statements = new StatementCache(db);
  }

  getByIdempotencyKey(appId: string, key: string): Message | null {
    const row = this.q.byKey.get(appId, key) as MessageRow | undefined;
    return row ? toMessage(row) : null;
  }

  keyUse(appId: string, key: string): KeyUse | null {
    const row = this.q.keyUse.get(appId, key) as
      { created_at: number; request_digest: string | null } | undefined;
    return row ? { createdAt: row.created_at, requestDigest: row.request_digest } : null;
  }

  get(appId: string, id: string): Message | null {
    const row = this.q.byId.get(id, appId) as MessageRow | undefined;
    return row ? toMessage(row) : null;
  }

  list(appId: string, filter: MessageFilter, query: ListQuery): Page<Message> {
    const where = ['app_id = @appId', 'id < @cursor'];
    const types = filter.eventType === undefined ? null : eventTypeRange(filter.eventType);
    const range: Record<string, string> = {};
    if (types?.kind === 'exact') {
      where.push('event_type = @typeExact');
      range.typeExact = types.type;
    } else if (types?.kind === 'prefix') {
      where.push('event_type >= @typeFrom AND event_type < @typeTo');
      Object.assign(range, { typeFrom: types.from, typeTo: types.to });
    }
    if (filter.since !== undefined) where.push('created_at >= @since');
    if (filter.until !== undefined) where.push('created_at < @until');
    const sql = `SELECT * FROM messages WHERE ${where.join(' AND ')} ORDER BY id DESC LIMIT @limit`;
    const stmt = this.statements.get(sql);
    const cursor = query.cursor === null ? '\uffff' : decodeCursor(query.cursor);
    const rows = stmt.all({
      ...filter,
      ...range,
      appId,
      cursor,
      limit: query.limit + 1,
    }) as MessageRow[];
    return toPage(rows.map(toMessage), query.limit, (m) => m.id);
  }
}
