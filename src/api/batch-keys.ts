import { HooklineError, type ErrorDetail } from '../lib/errors.js';
import type { NewMessage } from '../store/store.js';
import type { ApiContext } from './context.js';

/**
 * A batch whose idempotency keys clash, found before anything is written (nothing of a batch is
 * written unless all of it can be): a key given twice for different messages, or a key already used
 * within the window for another request. Each clash names its item's `idempotencyKey`.
 */
export async function keyConflicts(
  ctx: ApiContext,
  appId: string,
  messages: NewMessage[],
  now: number,
): Promise<HooklineError | null> {
  const problems: ErrorDetail[] = [];
  const inBatch = new Map<string, string | null | undefined>();
  for (const [i, m] of messages.entries()) {
    if (m.idempotencyKey === null) continue;
    const field = `messages[${i}].idempotencyKey`;
    if (inBatch.has(m.idempotencyKey)) {
      if (inBatch.get(m.idempotencyKey) !== m.requestDigest)
        problems.push({ field, message: 'given earlier in this batch for another message' });
      continue;
    }
    inBatch.set(m.idempotencyKey, m.requestDigest);
    const use = await ctx.store.getKeyUse(appId, m.idempotencyKey);
    if (
      use !== null &&
      use.createdAt > now - ctx.idempotencyWindowMs &&
      use.requestDigest !== null &&
      use.requestDigest !== m.requestDigest
    )
      problems.push({ field, message: 'already used for another request' });
  }
  if (problems.length === 0) return null;
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
  return new HooklineError(
    'idempotency_conflict',
    `${problems[0].field}: ${problems[0].message}${more}`,
    problems,
  );
}
