import { conflict } from '../lib/errors.js';
import { toMessage, type MessageRow } from './shared-rows.js';
import type { InsertMessageResult, NewMessage } from './store.js';

/** A keyed message as stored: with the digest of the request that created it and its delivery count. */
export interface KeyedMessageRow extends MessageRow {
  request_digest: string | null;
  delivery_count: number | null;
}

/**
 * The answer to a key seen within its window: the original message with its original delivery count,
 * or a 409 when the key comes with another request (as Stripe answers). Rows from before digests were
 * kept have none and replay as before.
 */
export function idempotentReplay(
  existing: KeyedMessageRow,
  incoming: NewMessage,
  countDeliveries: () => number,
): InsertMessageResult {
  if (
    existing.request_digest !== null &&
    incoming.requestDigest != null &&
    existing.request_digest !== incoming.requestDigest
  ) {
    throw conflict(
      `Idempotency-Key ${JSON.stringify(incoming.idempotencyKey)} was used for another request; use a new key for a new message`,
      'idempotency_conflict',
    );
  }
  const deliveries = existing.delivery_count ?? countDeliveries();
  return { message: toMessage(existing), created: false, deliveries };
}
