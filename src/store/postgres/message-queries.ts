import type { Message, Page } from '../../domain/types.js';
import { decodeCursor, toPage } from '../cursor.js';
import type { KeyUse, ListQuery, MessageFilter } from '../store.js';
import type { Db } from './pool.js';
import { toMessage, type MessageRow } from './rows.js';
import { eventTypeRange } from '../../domain/event-filter.js';

/** One message of an app. $1 app id, $2 message id */
const MESSAGE_BY_ID = 'SELECT * FROM messages WHERE app_id = $1 AND id = $2';

/** The message holding an idempotency key (while its window lasts). $1 app id, $2 key */
const MESSAGE_BY_IDEMPOTENCY_KEY =
  'SELECT * FROM messages WHERE app_id = $1 AND idempotency_key = $2';

export async function getMessageByIdempotencyKey(
  db: Db,
  appId: string,
  key: string,
): Promise<Message | null> {
  const { rows } = await db.query<MessageRow>(MESSAGE_BY_IDEMPOTENCY_KEY, [appId, key]);
  return rows[0] ? toMessage(rows[0]) : null;
}

/** When an idempotency key was used, and for what. $1 app id, $2 key */
const KEY_USE =
  'SELECT created_at, request_digest FROM messages WHERE app_id = $1 AND idempotency_key = $2';

export async function getKeyUse(db: Db, appId: string, key: string): Promise<KeyUse | null> {
  const { rows } = await db.query<{ created_at: number; request_digest: string | null }>(KEY_USE, [
    appId,
    key,
  ]);
  return rows[0]
    ? { createdAt: Number(rows[0].created_at), requestDigest: rows[0].request_digest }
    : null;
}

export async function getMessage(db: Db, appId: string, id: string): Promise<Message | null> {
  const { rows } = await db.query<MessageRow>({
    name: 'hl_message_by_id',
    text: MESSAGE_BY_ID,
    values: [appId, id],
  });
  return rows[0] ? toMessage(rows[0]) : null;
}

/** A page of an app's messages, newest first, filtered by event type and created_at in [since, until). */
export async function listMessages(
  db: Db,
  appId: string,
  filter: MessageFilter,
  query: ListQuery,
): Promise<Page<Message>> {
  const values: unknown[] = [appId, query.limit + 1];
  const where = ['app_id = $1'];
  const add = (clause: string, value: unknown) => {
    values.push(value);
    where.push(clause.replace('?', `$${values.length}`));
  };
  if (query.cursor !== null) add('id < ?', decodeCursor(query.cursor));
  const types = filter.eventType === undefined ? null : eventTypeRange(filter.eventType);
  if (types?.kind === 'exact') add('event_type = ?', types.type);
  if (types?.kind === 'prefix') {
    add('event_type >= ?', types.from);
    add('event_type < ?', types.to);
  }
  if (filter.since !== undefined) add('created_at >= ?', filter.since);
  if (filter.until !== undefined) add('created_at < ?', filter.until);
  const sql = `SELECT * FROM messages WHERE ${where.join(' AND ')} ORDER BY id DESC LIMIT $2`;
  const { rows } = await db.query<MessageRow>(sql, values);
  return toPage(rows.map(toMessage), query.limit, (m) => m.id);
}
