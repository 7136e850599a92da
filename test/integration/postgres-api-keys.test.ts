import pg from 'pg';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { createTestDatabase, describePostgres, type TestDatabase } from '../helpers/postgres.js';
import {
  createTenant,
  removeDataDirs,
  startHookline,
  type TestHookline,
} from '../helpers/hookline-app.js';

/**
 * Two nodes on one database. POST /messages may take an app from memory on a node (the key is
 * checked again by the insert, NewMessage.keyDigest): a key rotated or an app deleted on the other
 * node must be refused by it at once, for plain messages, keyed replays and explicit endpoints,
 * and nothing written.
 */
describePostgres('API keys across PostgreSQL nodes', () => {
  let db: TestDatabase;
  let a: TestHookline;
  let b: TestHookline;
  let sql: pg.Client;

  beforeAll(async () => {
    db = await createTestDatabase('api_keys');
    a = await startHookline({ config: { databaseUrl: db.url, dbPoolSize: 4 } });
    b = await startHookline({ config: { databaseUrl: db.url, dbPoolSize: 4 } });
    sql = new pg.Client({ connectionString: db.url });
    await sql.connect();
  });
  afterAll(async () => {
    await sql?.end();
    await a?.close();
    await b?.close();
    await db?.drop();
    removeDataDirs();
  });

  const send = (
    h: TestHookline,
    appId: string,
    token: string,
    extra: Record<string, unknown> = {},
    headers: Record<string, string> = {},
  ) =>
    h.api(
      'POST',
      `/api/v1/apps/${appId}/messages`,
      { eventType: 'message.delivered', payload: { n: 1 }, ...extra },
      { token, headers },
    );

  const messages = async (appId: string) =>
    (
      await sql.query<{ n: number }>('SELECT count(*)::int AS n FROM messages WHERE app_id = $1', [
        appId,
      ])
    ).rows[0]!.n;

  it('a key rotated on one node is refused at once by another that kept it in memory', async () => {
    const t = await createTenant(a, { url: 'http://127.0.0.1:9/hook' });
    const reads = vi.spyOn(b.app.store, 'getAppByKeyHash');
    expect((await send(b, t.appId, t.apiKey)).status).toBe(202);
    expect((await send(b, t.appId, t.apiKey, {}, { 'idempotency-key': 'k1' })).status).toBe(202);
    expect((await send(b, t.appId, t.apiKey, { endpointId: t.endpointId })).status).toBe(202);
    // Read by the first request, and again before the explicit endpoint was looked up; the keyed
    // request took the app from memory.
    expect(reads).toHaveBeenCalledTimes(2);

    const rotated = await a.api('POST', `/api/v1/apps/${t.appId}/api-key/rotate`);
    expect(rotated.status).toBe(200);
    const before = await messages(t.appId);
    for (const [extra, headers] of [
      [{}, {}],
      [{}, { 'idempotency-key': 'k1' }], // a replay would show the stored message
      [{}, { 'idempotency-key': 'k2' }],
      [{ endpointId: t.endpointId }, {}],
    ] as const) {
      const res = await send(b, t.appId, t.apiKey, extra, headers);
      expect(res.status).toBe(401);
      expect(res.body).toMatchObject({ code: 'unauthorized' });
    }
    expect(await messages(t.appId)).toBe(before);
    // Refused from the store, not only from memory: the entry is gone, and the key stays refused.
    expect((await send(b, t.appId, t.apiKey)).status).toBe(401);
    expect((await send(b, t.appId, rotated.body.apiKey)).status).toBe(202);
    expect(await messages(t.appId)).toBe(before + 1);
    reads.mockRestore();
  });

  it('an app deleted on one node: its key is refused at once by the other', async () => {
    const t = await createTenant(a, { url: 'http://127.0.0.1:9/hook' }, 'Gone');
    expect((await send(b, t.appId, t.apiKey)).status).toBe(202);
    expect((await a.api('DELETE', `/api/v1/apps/${t.appId}`)).status).toBe(204);
    const res = await send(b, t.appId, t.apiKey);
    expect(res.status).toBe(401);
    expect(await messages(t.appId)).toBe(0);
  });

  it('other routes never take the key from memory', async () => {
    const t = await createTenant(a, { url: 'http://127.0.0.1:9/hook' }, 'Reads');
    expect((await send(b, t.appId, t.apiKey)).status).toBe(202);
    expect(
      (await b.api('GET', `/api/v1/apps/${t.appId}/messages`, undefined, { token: t.apiKey }))
        .status,
    ).toBe(200);
    await a.api('POST', `/api/v1/apps/${t.appId}/api-key/rotate`);
    const list = await b.api('GET', `/api/v1/apps/${t.appId}/messages`, undefined, {
      token: t.apiKey,
    });
    expect(list.status).toBe(401);
  });
});
