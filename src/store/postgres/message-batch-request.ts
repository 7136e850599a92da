import type pg from 'pg';
import type { InsertMessageResult, NewMessage } from '../store.js';
import { batchItemError } from '../batch-item-error.js';
import { isConnectionError } from './connection-errors.js';
import { accepted, planBatch, writeBatch } from './message-batch.js';
import { assertKeyCurrent, withAppCheck, writeMessage } from './message-insert.js';
import type { RoutingCache } from './routing-cache.js';
import { inTransaction, type Tx } from './transaction.js';
import type { Wake } from './wake-notify.js';

/**
 * One batch request's messages, all or nothing, in one transaction (Store.insertMessages). Those
 * whose every target is a parallel endpoint go in one statement (message-batch.ts); the others, and
 * any the statement left out (a key already held, endpoints changed), then go one by one
 * (message-insert.ts) in the same transaction. A key is thus checked where it is written, under the
 * unique index (a holder not yet committed, on any node, is waited for), and an item whose key
 * another request holds throws its conflict, which rolls the whole batch back.
 */
export async function insertBatchRequest(
  pool: pg.Pool,
  cache: RoutingCache,
  messages: NewMessage[],
  windowMs: number,
  wake: Wake,
): Promise<InsertMessageResult[]> {
  if (messages.length === 0) return [];
  return withAppCheck(messages[0].appId, () =>
    inTransaction(pool, async (tx) => {
      const checked = new Set<string>();
      for (const m of messages) {
        const key = `${m.appId}\n${m.keyDigest ?? ''}`;
        if (checked.has(key)) continue;
        checked.add(key);
        await assertKeyCurrent(tx.db, m);
      }
      const written = await writeTogether(tx, cache, messages, wake);
      const results: InsertMessageResult[] = [];
      for (const [i, m] of messages.entries()) {
        const together = written.get(m);
        if (together !== undefined) {
          results.push({ message: accepted(m), created: true, deliveries: together });
          continue;
        }
        try {
          results.push(await writeMessage(tx, m, windowMs, wake));
        } catch (error) {
          throw batchItemError(error, i);
        }
      }
      return results;
    }),
  );
}

/**
 * The messages that can go in one statement, in a savepoint: if the statement fails (a deadlock
 * with an endpoint update, say), it alone rolls back and they all go one by one. Answers each
 * message written with its delivery count.
 */
async function writeTogether(
  tx: Tx,
  cache: RoutingCache,
  messages: NewMessage[],
  wake: Wake,
): Promise<Map<NewMessage, number>> {
  const { routing, batch, alone } = await planBatch(cache, messages);
  const written = new Map<NewMessage, number>();
  if (batch.length === 0) {
    // Nothing checked the routing that sent these alone: read it again next time.
    for (const m of alone) cache.forget(m.appId);
    return written;
  }
  await tx.db.query('SAVEPOINT batch_statement');
  try {
    const result = await writeBatch(tx.db, batch, routing);
    await tx.db.query('RELEASE SAVEPOINT batch_statement');
    for (const app of result.stale) cache.forget(app);
    for (const r of batch)
      if (result.ids.has(r.message.id)) written.set(r.message, r.targets.length);
    if (batch.some((r) => written.has(r.message) && r.targets.some((t) => !t.endpoint.disabled)))
      tx.afterCommit(wake);
  } catch (error) {
    if (isConnectionError(error)) throw error;
    await tx.db.query('ROLLBACK TO SAVEPOINT batch_statement');
    for (const app of routing.keys()) cache.forget(app);
  }
  return written;
}
