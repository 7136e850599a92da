import { HooklineError } from '../lib/errors.js';

/**
 * A batch item's error as the batch answers it: a key conflict names the item
 * (`messages[i].idempotencyKey`, as the API's early check does); any other error passes unchanged.
 */
export function batchItemError(error: unknown, index: number): unknown {
  if (!(error instanceof HooklineError) || error.code !== 'idempotency_conflict') return error;
  const field = `messages[${index}].idempotencyKey`;
  const message = 'already used for another request';
  return new HooklineError('idempotency_conflict', `${field}: ${message}`, [{ field, message }]);
}
