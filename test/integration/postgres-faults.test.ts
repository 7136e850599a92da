import { afterAll, beforeAll, expect, it } from 'vitest';
import { HooklineError } from '../../src/lib/errors.js';
import { PostgresStore } from '../../src/store/postgres/postgres-store.js';
import { appRecord, endpointRecord, messageRecord, WINDOW_MS } from '../conformance/fixtures.js';
import { closedPort } from '../helpers/free-port.js';
import {
  ADMIN_URL,
  createTestDatabase,
  describePostgres,
  type TestDatabase,
} from '../helpers/postgres.js';
import { TcpProxy } from '../helpers/tcp-proxy.js';
import { TEST_KEYS } from '../helpers/encryption.js';

/** Resolves on the next call of the returned listener; rejects after `ms` (a hang guard, not a timing check). */
function nextCall(ms = 10_000) {
  let resolve!: () => void;
  const promise = new Promise<void>((r, reject) => {
    resolve = r;
    setTimeout(() => reject(new Error('no wake-up arrived')), ms).unref();
  });
  return { promise, listener: () => resolve() };
}

async function rejection(p: Promise<unknown>): Promise<HooklineError> {
  const error = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(HooklineError);
  return error as HooklineError;
}

describePostgres('PostgreSQL faults and wake-ups', () => {
  let db: TestDatabase;
  let proxy: TcpProxy;
  const stores: PostgresStore[] = [];
  const open = (
    url: string,
    extra: Partial<ConstructorParameters<typeof PostgresStore>[0]> = {},
  ) => {
    const s = new PostgresStore({
      url,
      poolSize: 3,
      connectionTimeoutMs: 2000,
      encryption: TEST_KEYS,
      ...extra,
    });
    stores.push(s);
    return s;
  };
  const viaProxy = () => {
    const u = new URL(db.url);
    u.port = String(proxy.port);
    return u.toString();
  };
  const terminate = (applicationName: string) =>
    stores[0].pool.query(
      'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database()',
      [applicationName],
    );

  beforeAll(async () => {
    db = await createTestDatabase('faults');
    proxy = await new TcpProxy(Number(new URL(ADMIN_URL).port || 5432)).start();
    await open(db.url).migrate();
  });
  afterAll(async () => {
    for (const s of stores) await s.close();
    await proxy?.stop();
    await db?.drop();
  });

  it('an unreachable server gives a one-line error naming the host', async () => {
    const port = await closedPort();
    const store = open(`postgres://postgres@127.0.0.1:${port}/hookline`);
    const error = await rejection(store.checkConnection());
    expect(error.message).toBe(
      `cannot connect to PostgreSQL at 127.0.0.1:${port}: connection refused (is the server running and listening there?)`,
    );
    expect(error).toMatchObject({ status: 503, code: 'store_unavailable' });
    expect((await rejection(store.migrate())).message).toContain(`127.0.0.1:${port}`);
  });

  it('a database that does not exist, or a user that may not log in, is named with the host', async () => {
    const missing = new URL(db.url);
    missing.pathname = '/hookline_no_such_database';
    const e1 = await rejection(open(missing.toString()).checkConnection());
    expect(e1.message).toMatch(
      /^PostgreSQL at 127\.0\.0\.1:\d+: database "hookline_no_such_database" does not exist$/,
    );
    const stranger = new URL(db.url);
    stranger.username = 'hookline_no_such_role';
    const e2 = await rejection(open(stranger.toString()).checkConnection());
    expect(e2.message).toMatch(
      /^PostgreSQL at 127\.0\.0\.1:\d+ refused the login: role "hookline_no_such_role" does not exist$/,
    );
    expect(e2.message).not.toContain('\n');
  });

  it('answers 503 store_unavailable while the database is away, and works again when it is back', async () => {
    const store = open(viaProxy(), { applicationName: 'hookline-proxy' });
    const app = await store.createApp(appRecord());
    await store.createEndpoint(endpointRecord(app.id));
    await proxy.cut();
    for (const call of [
      () => store.getApp(app.id),
      () => store.insertMessage(messageRecord(app.id), WINDOW_MS),
      () => store.claimDue({ now: Date.now(), limit: 10, leaseMs: 60_000 }),
      () => store.nextDueAt(),
    ]) {
      const error = await rejection(call());
      expect(error).toMatchObject({ status: 503, code: 'store_unavailable' });
      expect(error.message).toContain(`127.0.0.1:${proxy.port}/${db.name}`);
    }
    await proxy.restore();
    expect(await store.getApp(app.id)).toEqual(app);
    const sent = await store.insertMessage(messageRecord(app.id), WINDOW_MS);
    expect(sent).toMatchObject({ created: true, deliveries: 1 });
  });

  it('gets over its connections being killed (a server restart): any failure is a 503, then it works', async () => {
    const store = open(db.url, { applicationName: 'hookline-killed' });
    const app = await store.createApp(appRecord());
    await Promise.all([store.getApp(app.id), store.getApp(app.id), store.getApp(app.id)]); // fill the pool
    const killed = await terminate('hookline-killed');
    expect(killed.rowCount).toBeGreaterThan(0);
    let ok = 0;
    for (let i = 0; i < 10; i++) {
      try {
        expect(await store.getApp(app.id)).toEqual(app);
        ok++;
      } catch (error) {
        expect(error).toMatchObject({ status: 503, code: 'store_unavailable' });
      }
    }
    expect(ok).toBeGreaterThanOrEqual(7);
  });

  it('wakes listeners in other processes through LISTEN/NOTIFY when work becomes due', async () => {
    const listening = open(db.url);
    const sender = open(db.url);
    const app = await sender.createApp(appRecord());
    await sender.createEndpoint(endpointRecord(app.id));
    const connected = nextCall();
    const stop = listening.onWake(connected.listener);
    await connected.promise; // the listener wakes once when it starts listening
    const woke = nextCall();
    stop();
    listening.onWake(woke.listener);
    await sender.insertMessage(messageRecord(app.id), WINDOW_MS);
    await woke.promise;
  });

  it('relistens after its LISTEN connection is killed', async () => {
    const listening = open(db.url, { applicationName: 'hookline-wakes', wakePollMs: 3_600_000 });
    const sender = open(db.url);
    const app = await sender.createApp(appRecord());
    await sender.createEndpoint(endpointRecord(app.id));
    let calls = nextCall();
    listening.onWake(() => calls.listener());
    await calls.promise;
    calls = nextCall();
    await terminate('hookline-wakes-listen');
    await calls.promise; // woken on reconnect (work may have been added meanwhile)
    calls = nextCall();
    await sender.insertMessage(messageRecord(app.id), WINDOW_MS);
    await calls.promise; // and notifications flow again
  });

  it('falls back to polling wake-ups while it cannot listen', async () => {
    const listening = open(viaProxy(), { wakePollMs: 20 });
    let calls = nextCall();
    let count = 0;
    listening.onWake(() => {
      count++;
      calls.listener();
    });
    await calls.promise;
    await proxy.cut();
    const before = count;
    for (let i = 0; i < 3; i++) {
      calls = nextCall();
      await calls.promise;
    }
    expect(count - before).toBeGreaterThanOrEqual(3);
    await proxy.restore();
  });
});
