/** One page of a list: at most `limit` items after `cursor`. */
export interface ListQuery {
  limit: number;
  /** Opaque cursor from a previous page's nextCursor. */
  cursor: string | null;
}
