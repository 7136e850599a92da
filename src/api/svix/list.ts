import { Type } from '@sinclair/typebox';
import { invalidField } from '../../lib/errors.js';

/** Svix list parameters: `limit`, `iterator` (Hookline's cursor), `order`; other filters pass. */
export const SvixListQuery = Type.Object({
  limit: Type.Integer({ minimum: 1, maximum: 250, default: 50 }),
  iterator: Type.Optional(Type.String({ minLength: 1, maxLength: 400 })),
  order: Type.Optional(Type.String()),
});

/** Hookline lists newest first, Svix's `descending`; `ascending` is refused rather than ignored. */
export function listQuery(query: { limit: number; iterator?: string; order?: string }) {
  if (query.order !== undefined && query.order !== 'descending')
    throw invalidField('order', 'Hookline lists newest first: only "descending" is supported');
  return { limit: query.limit, cursor: query.iterator ?? null };
}

/** Svix's ListResponse: `iterator` continues the list, `done` says there is nothing after. */
export const listResponse = <T>(data: T[], nextCursor: string | null) => ({
  data,
  iterator: nextCursor,
  prevIterator: null,
  done: nextCursor === null,
});
