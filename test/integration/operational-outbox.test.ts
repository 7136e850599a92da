import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { outboxMessageKey } from '../../src/delivery/operational-webhooks.js';
import { newId } from '../../src/lib/ids.js';
import {
  createTenant,
  removeDataDirs,
  sendMessage,
  startHookline,
  tempDataDir,
  type TestHookline,
} from '../helpers/hookline-app.js';
import { createTestDatabase, describePostgres, type TestDatabase } from '../helpers/postgres.js';
import { startReceiver, status, type Receiver } from '../helpers/receiver.js';

const MINUTE = 60_000;
const WINDOW_MS = 24 * 60 * MINUTE;
/** Each test starts Hookline two to four times: slow on a busy machine. */
const SLOW = { timeout: 120_000 };

/**
 * The operational outbox survives a crash: an event is committed with the change it reports, and
 * a process that dies before making it a message leaves it for the next start, which sends it once.
 * Run on SQLite (restart on the same data folder) and PostgreSQL (another node on the database).
 */
function outboxCrashCases(
  database: () => { config: Record<string, string | number> },
  severalNodes = false,
): void {
  let ops: Receiver;
  let tenant: Receiver;
  const running: TestHookline[] = [];
  beforeEach(async () => {
    ops = await startReceiver();
    tenant = await startReceiver();
  });
  afterEach(async () => {
    for (const h of running.splice(0)) await h.close();
    await ops.close();
    await tenant.close();
  });
  afterAll(removeDataDirs);

  async function start(dataDir = tempDataDir()): Promise<TestHookline> {
    const h = await startHookline({ dataDir, config: database().config });
    running.push(h);
    return h;
  }
  /** Closes it as a crash would leave it: what the outbox holds is not read first. */
  async function crash(h: TestHookline): Promise<void> {
    running.splice(running.indexOf(h), 1);
    await h.close();
  }
  /** The process dies right after its commits: nothing it writes to the outbox is made a message. */
  const dyingAfterCommits = (h: TestHookline) => {
    h.app.operational.wake = () => {};
  };
  async function operationalApp(h: TestHookline): Promise<string> {
    const app = await h.api('POST', '/api/v1/apps', { name: 'ops', uid: 'hookline-operational' });
    expect(app.status).toBe(201);
    const ep = await h.api('POST', `/api/v1/apps/${app.body.id}/endpoints`, {
      url: ops.url,
      retryPolicy: { preset: 'custom', waitsMs: [MINUTE] },
    });
    expect(ep.status).toBe(201);
    return app.body.id as string;
  }
  /** Lets a started process send what its outbox holds, then delivers it. */
  async function settle(h: TestHookline): Promise<void> {
    await h.app.operational.settled();
    await h.dispatcher.drainDue();
  }
  const received = () =>
    ops.requests.map((r) => JSON.parse(r.body) as { type: string; data: unknown });
  const messagesOf = async (h: TestHookline, appId: string) =>
    (await h.api('GET', `/api/v1/apps/${appId}/messages?limit=50`)).body.data as unknown[];

  it(
    'an event committed with its change is sent once after a crash before it became a message',
    SLOW,
    async () => {
      const dataDir = tempDataDir();
      const first = await start(dataDir);
      const opsAppId = await operationalApp(first);
      const t = await createTenant(first, { url: tenant.url });
      dyingAfterCommits(first);
      tenant.script(status(410));
      await sendMessage(first, t.appId, { i: 1 });
      await first.dispatcher.drainDue(); // 410 Gone: disabled, with endpoint.disabled in the outbox
      const enabled = await first.api(
        'PATCH',
        `/api/v1/apps/${t.appId}/endpoints/${t.endpointId}`,
        {
          disabled: false,
        },
      );
      expect(enabled.status).toBe(200);
      await first.dispatcher.drainDue();
      expect(await messagesOf(first, opsAppId)).toEqual([]);
      await crash(first);

      const second = await start(dataDir);
      await settle(second);
      const about = { appId: t.appId, endpointId: t.endpointId, url: tenant.url };
      expect(received()).toMatchObject([
        { type: 'endpoint.disabled', data: { ...about, reason: 'gone' } },
        { type: 'endpoint.enabled', data: about },
      ]);
      expect(received()).toHaveLength(2);
      await crash(second);

      // Sent and deleted: a third start sends nothing again.
      const third = await start(dataDir);
      await settle(third);
      expect(received()).toHaveLength(2);
      expect(await messagesOf(third, opsAppId)).toHaveLength(2);
    },
  );

  it(
    'an event made a message just before the crash, still in the outbox, is not sent twice',
    SLOW,
    async () => {
      const dataDir = tempDataDir();
      const first = await start(dataDir);
      const opsAppId = await operationalApp(first);
      const t = await createTenant(first, { url: tenant.url });
      dyingAfterCommits(first);
      const off = await first.api('PATCH', `/api/v1/apps/${t.appId}/endpoints/${t.endpointId}`, {
        disabled: true,
      });
      expect(off.status).toBe(200);
      // What a pass does before it deletes the row: claimed, made a message with its key. Then the crash.
      const now = first.clock.now();
      const [event] = await first.app.store.claimOperationalEvents(now, 10, MINUTE);
      expect(event.eventType).toBe('endpoint.disabled');
      await first.app.store.insertMessage(
        {
          id: newId('msg', now),
          appId: opsAppId,
          eventType: event.eventType,
          payload: event.payload,
          idempotencyKey: outboxMessageKey(event.id),
          endpointId: null,
          orderingKey: null,
          createdAt: now,
        },
        WINDOW_MS,
      );
      await crash(first);

      const second = await start(dataDir);
      // On PostgreSQL the dead node's claim holds until its lease ends; on SQLite the start frees it.
      second.clock.advance(2 * MINUTE);
      second.app.operational.wake();
      await settle(second);
      expect(received().map((e) => e.type)).toEqual(['endpoint.disabled']);
      expect(await messagesOf(second, opsAppId)).toHaveLength(1);
      expect(await second.app.store.claimOperationalEvents(second.clock.now(), 10, MINUTE)).toEqual(
        [],
      );
    },
  );

  it.runIf(severalNodes)(
    'nodes sending a dead node’s leftovers at once send each once',
    SLOW,
    async () => {
      const first = await start();
      const opsAppId = await operationalApp(first);
      const t = await createTenant(first, { url: tenant.url });
      dyingAfterCommits(first);
      for (let i = 0; i < 12; i++) {
        const res = await first.api('PATCH', `/api/v1/apps/${t.appId}/endpoints/${t.endpointId}`, {
          disabled: i % 2 === 0,
        });
        expect(res.status).toBe(200);
      }
      await crash(first);
      const nodes = await Promise.all([start(), start(), start()]);
      for (const node of nodes) node.app.operational.wake();
      for (const node of nodes) await node.app.operational.settled();
      for (const node of nodes) await node.dispatcher.drainDue();
      const types = received().map((e) => e.type);
      expect(types).toHaveLength(12);
      expect(types.slice(0, 2).sort()).toEqual(['endpoint.disabled', 'endpoint.enabled']);
      expect(await messagesOf(nodes[0], opsAppId)).toHaveLength(12);
    },
  );
}

// Each test starts Hookline two or three times: slow on a busy machine.
describe('operational outbox across a crash: SQLite', { timeout: 120_000 }, () => {
  outboxCrashCases(() => ({ config: {} }));
});

describePostgres('operational outbox across a crash: PostgreSQL', () => {
  vi.setConfig({ testTimeout: 120_000 });
  let db: TestDatabase | null = null;
  beforeEach(async () => {
    db = await createTestDatabase('outbox');
  });
  afterEach(async () => {
    await db?.drop();
  });
  outboxCrashCases(() => ({ config: { databaseUrl: db!.url, dbPoolSize: 4 } }), true);
});
