import { badRequest } from '../lib/errors.js';

/** Opaque cursors: the sort key of the last row of a page, base64url-encoded. */
export function encodeCursor(key: string | number): string {
  return Buffer.from(String(key), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): string {
  const key = Buffer.from(cursor, 'base64url').toString('utf8');
  if (key.length === 0 || key.length > 200)
    throw badRequest('cursor: not a cursor from this API', [
      { field: 'cursor', message: 'invalid cursor' },
    ]);
  return key;
}

export function decodeNumericCursor(cursor: string): number {
  const key = decodeCursor(cursor);
  if (!/^\d{1,15}$/.test(key))
    throw badRequest('cursor: not a cursor from this API', [
      { field: 'cursor', message: 'invalid cursor' },
    ]);
  return Number(key);
}

/** Builds a page from `limit + 1` fetched rows. */
export function toPage<T>(
  rows: T[],
  limit: number,
  keyOf: (row: T) => string | number,
): { data: T[]; nextCursor: string | null } {
  const data = rows.length > limit ? rows.slice(0, limit) : rows;
  const last = data[data.length - 1];
  return {
    data,
    nextCursor: rows.length > limit && last !== undefined ? encodeCursor(keyOf(last)) : null,
  };
}
