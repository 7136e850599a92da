import { afterAll, beforeAll, expect, it } from 'vitest';
import { openPostgresStore } from '../../src/store/postgres/open.js';
import {
  ADMIN_URL,
  createTestDatabase,
  describePostgres,
  type TestDatabase,
} from '../helpers/postgres.js';
import {
  createTenant,
  removeDataDirs,
  sendMessage,
  startHookline,
  type TestHookline,
} from '../helpers/hookline-app.js';
import { startReceiver, type Receiver } from '../helpers/receiver.js';
import { TcpProxy } from '../helpers/tcp-proxy.js';
import { TEST_KEYS } from '../helpers/encryption.js';

/** The API and dispatcher on PostgreSQL, in process; the database reached through a proxy we can cut. */
describePostgres('Hookline on PostgreSQL', () => {
  let db: TestDatabase;
  let proxy: TcpProxy;
  let receiver: Receiver;
  let h: TestHookline;

  beforeAll(async () => {
    db = await createTestDatabase('api');
    proxy = await new TcpProxy(Number(new URL(ADMIN_URL).port || 5432)).start();
    receiver = await startReceiver();
    const url = new URL(db.url);
    url.port = String(proxy.port);
    h = await startHookline({ config: { databaseUrl: url.toString(), dbPoolSize: 4 } });
  });
  afterAll(async () => {
    await h?.close();
    await receiver?.close();
    await proxy?.stop();
    await db?.drop();
    removeDataDirs();
  });

  it('accepts and delivers a message end to end', async () => {
    expect(h.app.store.capabilities.dialect).toBe('postgres');
    const t = await createTenant(h, { url: `${receiver.url}/hook` });
    const id = await sendMessage(h, t.appId, { n: 1 });
    expect(await h.dispatcher.drainDue()).toBe(1);
    expect(receiver.requests.map((r) => r.headers['webhook-id'])).toEqual([id]);
  });

  it('answers 503 store_unavailable while the database is down, and recovers when it is back', async () => {
    const t = await createTenant(h, { url: `${receiver.url}/hook2` });
    await proxy.cut();
    const send = await h.api('POST', `/api/v1/apps/${t.appId}/messages`, {
      eventType: 'message.delivered',
      payload: { n: 2 },
    });
    expect(send.status).toBe(503);
    expect(send.body).toMatchObject({ code: 'store_unavailable', details: [] });
    expect(send.body.message).toContain(`127.0.0.1:${proxy.port}/${db.name}`);
    const list = await h.api('GET', `/api/v1/apps/${t.appId}/messages`);
    expect(list.status).toBe(503);
    const health = await h.api('GET', '/healthz');
    expect(health.status).toBe(503);
    expect(health.body).toMatchObject({ status: 'unavailable', store: 'postgres' });

    await proxy.restore();
    const before = receiver.requests.length;
    const id = await sendMessage(h, t.appId, { n: 3 });
    expect(await h.dispatcher.drainDue()).toBe(1);
    expect(receiver.requests.slice(before).map((r) => r.headers['webhook-id'])).toEqual([id]);
    expect((await h.api('GET', '/healthz')).status).toBe(200);
  });

  it('a running worker carries on by itself once the database is back', async () => {
    const url = new URL(db.url);
    url.port = String(proxy.port);
    const store = await openPostgresStore({
      url: url.toString(),
      poolSize: 4,
      migrate: true,
      encryption: TEST_KEYS,
    });
    const worker = await startHookline({
      store,
      autoStartDispatcher: true,
      config: { pollMs: 20 },
    });
    try {
      const t = await createTenant(worker, { url: `${receiver.url}/hook3` });
      const before = receiver.requests.length;
      const first = await sendMessage(worker, t.appId, { n: 4 });
      await receiver.waitFor(before + 1);
      await proxy.cut();
      // The worker keeps looping against a database that is away (claims fail; it logs and waits).
      const down = await worker.api('POST', `/api/v1/apps/${t.appId}/messages`, {
        eventType: 'message.delivered',
        payload: { n: 5 },
      });
      expect(down.status).toBe(503);
      for (let failedClaims = 0; failedClaims < 3; failedClaims++)
        await worker.awaitNext('idle', (e) => e.claimError !== undefined, {
          what: 'after a failed claim',
        });
      await proxy.restore();
      const second = await sendMessage(worker, t.appId, { n: 6 });
      await receiver.waitFor(before + 2);
      expect(receiver.requests.slice(before).map((r) => r.headers['webhook-id'])).toEqual([
        first,
        second,
      ]);
    } finally {
      await worker.close();
    }
  });
});
