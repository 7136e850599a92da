import { afterAll, beforeAll, expect, it } from 'vitest';
import { HooklineError } from '../../src/lib/errors.js';
import { PostgresStore } from '../../src/store/postgres/postgres-store.js';
import type { InsertMessageResult } from '../../src/store/store.js';
import { appRecord, messageRecord, WINDOW_MS } from '../conformance/fixtures.js';
import { createTestDatabase, describePostgres, type TestDatabase } from '../helpers/postgres.js';
import { TEST_KEYS } from '../helpers/encryption.js';

/**
 * Concurrent inserts share one statement and one commit (group-commit.ts, message-batch.ts). A
 * message that cannot go in must fail alone, and an idempotency key sent at the same time through
 * two stores (two pools, as two api processes hold) must still make exactly one message.
 */
describePostgres('PostgreSQL grouped ingest: failures and duplicate keys', () => {
  let db: TestDatabase;
  let one: PostgresStore;
  let two: PostgresStore;

  beforeAll(async () => {
    db = await createTestDatabase('pg_grouped');
    one = new PostgresStore({ url: db.url, poolSize: 4, encryption: TEST_KEYS });
    await one.migrate();
    two = new PostgresStore({ url: db.url, poolSize: 4, encryption: TEST_KEYS });
  });

  afterAll(async () => {
    await one?.close();
    await two?.close();
    await db?.drop();
  });

  it('a group with one message of a missing app commits the others and rejects that one with 404', async () => {
    const app = await one.createApp(appRecord());
    const good = Array.from({ length: 5 }, () => messageRecord(app.id));
    const bad = messageRecord('app_that_does_not_exist');
    // Issued in the same tick: they form one group.
    const settled = await Promise.allSettled(
      [...good.slice(0, 2), bad, ...good.slice(2)].map((m) => one.insertMessage(m, WINDOW_MS)),
    );
    const rejected = settled[2]!;
    expect(rejected.status).toBe('rejected');
    const error = (rejected as PromiseRejectedResult).reason as HooklineError;
    expect(error).toBeInstanceOf(HooklineError);
    expect(error.status).toBe(404);
    const accepted = settled.filter((s, i) => i !== 2);
    expect(accepted.every((s) => s.status === 'fulfilled')).toBe(true);
    for (const m of good) expect(await one.getMessage(app.id, m.id)).toMatchObject({ id: m.id });
    expect(await one.getMessage('app_that_does_not_exist', bad.id)).toBeNull();
  });

  it('one key sent many times at once through two stores makes one message; the rest replay it', async () => {
    const app = await one.createApp(appRecord());
    const key = 'same-key-everywhere';
    const send = (store: PostgresStore) =>
      store.insertMessage(
        messageRecord(app.id, { idempotencyKey: key, requestDigest: 'digest-1' }),
        WINDOW_MS,
      );
    const results: InsertMessageResult[] = await Promise.all(
      Array.from({ length: 20 }, (_, i) => send(i % 2 === 0 ? one : two)),
    );
    const created = results.filter((r) => r.created);
    expect(created).toHaveLength(1);
    const id = created[0]!.message.id;
    expect(results.every((r) => r.message.id === id)).toBe(true);
    const page = await one.listMessages(app.id, {}, { limit: 100, cursor: null });
    expect(page.data.map((m) => m.id)).toEqual([id]);
  });

  it('the same key with another request, at the same time, is a 409 and makes no second message', async () => {
    const app = await one.createApp(appRecord());
    const key = 'contested-key';
    const settled = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) =>
        (i % 2 === 0 ? one : two).insertMessage(
          messageRecord(app.id, { idempotencyKey: key, requestDigest: `digest-${i % 2}` }),
          WINDOW_MS,
        ),
      ),
    );
    const page = await one.listMessages(app.id, {}, { limit: 100, cursor: null });
    expect(page.data).toHaveLength(1);
    const winner = page.data[0]!.id;
    for (const s of settled) {
      if (s.status === 'fulfilled') expect(s.value.message.id).toBe(winner);
      else expect((s.reason as HooklineError).status).toBe(409);
    }
    // Both digests were sent five times: the losing one's five are all refused.
    expect(settled.filter((s) => s.status === 'rejected')).toHaveLength(5);
  });
});
