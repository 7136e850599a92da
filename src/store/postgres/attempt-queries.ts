import type { Attempt, Page } from '../../domain/types.js';
import { decodeNumericCursor, toPage } from '../cursor.js';
import type { AttemptFilter, ListQuery } from '../store.js';
import type { Db } from './pool.js';
import { toAttempt, withoutNul, type AttemptRow } from './rows.js';

/**
 * Inserts attempts from parallel arrays; the statement that uses it adds which to keep.
 * $1 app ids, $2 delivery ids, $3 message ids, $4 endpoint ids, $5 at, $6 duration ms,
 * $7 status codes, $8 response headers, $9 response bodies, $10 error kinds, $11 error messages,
 * $12 test flags, $13 request headers
 */
export const INSERT_ATTEMPT_ROWS = `INSERT INTO attempts (app_id, delivery_id, message_id, endpoint_id, at, duration_ms,
    status_code, response_headers, response_body, error_kind, error_message, test, request_headers)
  SELECT t.* FROM unnest($1::text[], $2::bigint[], $3::text[], $4::text[], $5::bigint[], $6::int4[], $7::int4[],
    $8::text[], $9::text[], $10::text[], $11::text[], $12::bool[], $13::text[])
    AS t(app_id, delivery_id, message_id, endpoint_id, at, duration_ms, status_code, response_headers, response_body,
      error_kind, error_message, test, request_headers)`;

/** Columns of attempts as parallel arrays, for INSERT_ATTEMPT_ROWS. */
export function attemptArrays(attempts: Array<Omit<Attempt, 'id'>>): unknown[][] {
  return [
    attempts.map((a) => a.appId),
    attempts.map((a) => a.deliveryId),
    attempts.map((a) => a.messageId),
    attempts.map((a) => a.endpointId),
    attempts.map((a) => a.at),
    attempts.map((a) => Math.round(a.durationMs)),
    attempts.map((a) => a.statusCode),
    attempts.map((a) => JSON.stringify(a.responseHeaders)),
    attempts.map((a) => withoutNul(a.responseBody)),
    attempts.map((a) => a.errorKind),
    attempts.map((a) => withoutNul(a.errorMessage)),
    attempts.map((a) => a.test),
    attempts.map((a) => withoutNul(JSON.stringify(a.requestHeaders))),
  ];
}

/** Records one attempt made outside the delivery engine (the simulator's test sends). $1..$13 as above */
const INSERT_ONE_ATTEMPT = `INSERT INTO attempts (app_id, delivery_id, message_id, endpoint_id, at, duration_ms,
    status_code, response_headers, response_body, error_kind, error_message, test, request_headers)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`;

export async function insertAttempt(db: Db, attempt: Omit<Attempt, 'id'>): Promise<Attempt> {
  const values = attemptArrays([attempt]).map((column) => column[0]);
  const { rows } = await db.query<{ id: number }>({
    name: 'hl_insert_one_attempt',
    text: INSERT_ONE_ATTEMPT,
    values,
  });
  return { ...attempt, id: rows[0].id };
}

/** A page of an app's attempts (real or test), newest first, filtered by message, endpoint, delivery. */
export async function listAttempts(
  db: Db,
  appId: string,
  filter: AttemptFilter,
  query: ListQuery,
): Promise<Page<Attempt>> {
  const values: unknown[] = [appId, query.limit + 1, filter.test ?? false];
  const where = ['app_id = $1', 'test = $3'];
  const add = (clause: string, value: unknown) => {
    values.push(value);
    where.push(clause.replace('?', `$${values.length}`));
  };
  if (query.cursor !== null) add('id < ?', decodeNumericCursor(query.cursor));
  if (filter.messageId !== undefined) add('message_id = ?', filter.messageId);
  if (filter.endpointId !== undefined) add('endpoint_id = ?', filter.endpointId);
  if (filter.deliveryId !== undefined) add('delivery_id = ?', filter.deliveryId);
  const sql = `SELECT * FROM attempts WHERE ${where.join(' AND ')} ORDER BY id DESC LIMIT $2`;
  const { rows } = await db.query<AttemptRow>(sql, values);
  return toPage(rows.map(toAttempt), query.limit, (a) => a.id);
}
