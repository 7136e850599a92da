import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  createTenant,
  type ApiResponse,
  removeDataDirs,
  startHookline,
  type StartOptions,
  type TestHookline,
} from '../helpers/hookline-app.js';
import { createTestDatabase, describePostgres, type TestDatabase } from '../helpers/postgres.js';

/**
 * A key taken by another request after the batch route checked its keys, before it wrote: the
 * store's write sees it, so the batch is refused naming the item, and none of it is written.
 */
function keyRaceCases(start: () => Promise<TestHookline>): void {
  let h: TestHookline;
  beforeAll(async () => {
    h = await start();
  });
  afterAll(async () => {
    await h?.close();
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('refuses the batch with 409 naming the item, writing none of it, when the key went meanwhile', async () => {
    const t = await createTenant(h, { url: 'http://127.0.0.1:9/hook' });
    const url = `/api/v1/apps/${t.appId}/messages`;
    const theirs = { eventType: 'a.b', payload: { who: 'them' }, idempotencyKey: 'late' };
    const free = await h.app.store.getKeyUse(t.appId, 'late');
    expect(free).toBeNull();
    const other: { taken?: ApiResponse } = {};
    // The route's check answers what it read; another request takes the key before the write.
    vi.spyOn(h.app.store, 'getKeyUse').mockImplementationOnce(async () => {
      other.taken = await h.api('POST', url, theirs);
      return free;
    });
    const res = await h.api('POST', `${url}/batch`, {
      messages: [
        { eventType: 'a.b', payload: { n: 0 } },
        { eventType: 'a.b', payload: { n: 1 } },
        { eventType: 'a.b', payload: { who: 'us' }, idempotencyKey: 'late' },
      ],
    });
    expect(other.taken!.status).toBe(202);
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({
      code: 'idempotency_conflict',
      message: 'messages[2].idempotencyKey: already used for another request',
      details: [
        { field: 'messages[2].idempotencyKey', message: 'already used for another request' },
      ],
    });
    const stored = (await h.api('GET', url)).body.data.map((m: { id: string }) => m.id);
    expect(stored).toEqual([other.taken!.body.id]);

    // The same key with the same request still replays, and the rest of the batch goes in.
    const again = await h.api('POST', `${url}/batch`, {
      messages: [{ eventType: 'a.b', payload: { n: 0 } }, theirs],
    });
    expect(again.status).toBe(202);
    expect(again.body.data[1]).toMatchObject({
      id: other.taken!.body.id,
      idempotentReplayed: true,
    });
    expect((await h.api('GET', url)).body.data).toHaveLength(2);
  });
}

describe('batch keys taken between check and write (SQLite)', () => {
  afterAll(removeDataDirs);
  keyRaceCases(() => startHookline());
});

describePostgres('batch keys taken between check and write (PostgreSQL)', () => {
  let db: TestDatabase;
  afterAll(async () => {
    await db?.drop();
    removeDataDirs();
  });
  keyRaceCases(async () => {
    db = await createTestDatabase('batchkeys');
    const options: StartOptions = { config: { databaseUrl: db.url, dbPoolSize: 4 } };
    return startHookline(options);
  });
});
