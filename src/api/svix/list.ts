import { Type } from '@sinclair/typebox';
import { SvixInputError } from './errors.js';

/** Svix list parameters: `limit`, `iterator` (Hookline's cursor), `order`; other filters pass. */
export const SvixListQuery = Type.Object({
  limit: Type.Integer({ minimum: 1, maximum: 250, default: 50 }),
  iterator: Type.Optional(Type.String({ minLength: 1, maxLength: 400 })),
  order: Type.Optional(Type.String()),
});

/** Hookline lists newest first, Svix's `descending`; `ascending` is refused rather than ignored. */
export function listQuery(query: { limit: number; iterator?: string; order?: string }) {
  if (query.order !== undefined && query.order !== 'descending')
    throw new SvixInputError(
      'query',
      'order',
      'Hookline lists newest first: only "descending" is supported',
    );
  return { limit: query.limit, cursor: query.iterator ?? null };
}

/** Svix's ListResponse: `iterator` continues the list, `done` says there is nothing after. */
export const listResponse = <T>(data: T[], nextCursor: string | null) => ({
  data,
  iterator: nextCursor,
  prevIterator: null,
  done: nextCursor === null,
});

/** Svix list filters Hookline cannot apply: refused by name rather than ignored. */
const UNSUPPORTED_FILTERS: Record<string, string> = {
  status: 'filter attempts by status through GET /api/v1/apps/{appId}/deliveries?state=',
  status_code_class: 'not kept per attempt',
  channel: 'Hookline has no channels',
  tag: 'messages have no tags',
};

export function refuseFilters(query: Record<string, unknown>): void {
  for (const [name, why] of Object.entries(UNSUPPORTED_FILTERS))
    if (query[name] !== undefined)
      throw new SvixInputError('query', name, `not supported by Hookline: ${why}`);
}
