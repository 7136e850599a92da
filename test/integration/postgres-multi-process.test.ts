import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildCli, type BuiltCli } from '../helpers/build-cli.js';
import { Child } from '../helpers/child-process.js';
import { createTestDatabase, describePostgres, type TestDatabase } from '../helpers/postgres.js';

/**
 * Scale-out as it runs in production: one api process, two worker processes and a webhook
 * receiver, all real child processes, on one fresh PostgreSQL database. 5,000 messages go to five
 * endpoints (two serial, one per-key over 16 keys); one worker is SIGKILLed mid-run. Its leases expire (HOOKLINE_LEASE_MS,
 * the minimum 70 s) and the other worker finishes its work, so this test takes about 1.5 minutes.
 */

const ADMIN = 'multi-process-admin-token-0123456789';
const LEASE_MS = 70_000;
const KILL_AFTER_RECEIPTS = 2500;
const LANES = { S1: 1000, S2: 500, P: 3500 } as const; // user.subscribed, message.failed, message.delivered
const RECEIVER = fileURLToPath(new URL('../helpers/recording-receiver.mjs', import.meta.url));

type Receipt = [path: string, messageId: string, seq: number];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describePostgres('scale-out: api + 2 workers + receiver as processes on one PostgreSQL', () => {
  let db: TestDatabase;
  let cli: BuiltCli;
  const ENCRYPTION_KEY = randomBytes(32).toString('base64');
  let dir: string;
  let receiver: Child;
  let receiverUrl: string;
  let api: Child;
  let apiUrl: string;
  let workers: Child[] = [];
  let sql: pg.Client;

  const hookline = (name: string, role: string) =>
    Child.start(name, [cli.main, 'serve', '--role', role], {
      HOOKLINE_DATABASE_URL: db.url,
      HOOKLINE_ADMIN_TOKEN: ADMIN,
      // Every node of one database seals with the same key (each has its own data folder).
      HOOKLINE_ENCRYPTION_KEY: ENCRYPTION_KEY,
      HOOKLINE_EGRESS: 'public-and-loopback', // receivers listen on 127.0.0.1
      HOOKLINE_HOST: '127.0.0.1',
      HOOKLINE_PORT: '0',
      HOOKLINE_DATA_DIR: join(dir, name),
      HOOKLINE_LOG_LEVEL: 'warn',
      HOOKLINE_LEASE_MS: String(LEASE_MS),
      HOOKLINE_BATCH_SIZE: '64',
      HOOKLINE_MAX_INFLIGHT: '256',
      HOOKLINE_DB_POOL_SIZE: '8',
    });
  const listening = async (child: Child) =>
    (await child.waitFor(/Hookline \w+ on http:\/\/127\.0\.0\.1:(\d+)/))[1];

  async function call(method: string, path: string, token: string, body?: unknown) {
    const res = await fetch(`${apiUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Record<string, string> };
  }
  const receipts = async (): Promise<Receipt[]> =>
    (await fetch(`${receiverUrl}/_log`)).json() as Promise<Receipt[]>;
  const receiptCount = async () => Number(await (await fetch(`${receiverUrl}/_count`)).text());

  beforeAll(async () => {
    db = await createTestDatabase('multi_process');
    dir = mkdtempSync(join(tmpdir(), 'hookline-multi-'));
    cli = buildCli();
    receiver = Child.start('receiver', [RECEIVER], { DELAY_MS: '5' });
    receiverUrl = `http://127.0.0.1:${(await receiver.waitFor(/listening on (\d+)/))[1]}`;
    // All three start at once and migrate on start: the advisory lock lets exactly one do it.
    api = hookline('api', 'api');
    workers = [hookline('worker-1', 'worker'), hookline('worker-2', 'worker')];
    apiUrl = `http://127.0.0.1:${await listening(api)}`;
    await Promise.all(workers.map(listening));
    sql = new pg.Client({ connectionString: db.url });
    await sql.connect();
  }, 120_000);

  afterAll(async () => {
    await sql?.end();
    for (const child of [api, ...workers, receiver]) await child?.stop();
    cli?.remove();
    if (dir) rmSync(dir, { recursive: true, force: true });
    await db?.drop();
  });

  it('delivers every accepted message to every matching endpoint, in order where serial, despite a SIGKILLed worker', async () => {
    const app = await call('POST', '/api/v1/apps', ADMIN, { name: 'Scale' });
    expect(app.status).toBe(201);
    const endpointIds: Record<string, string> = {};
    for (const [key, settings] of Object.entries({
      A: { filterTypes: null, ordering: 'parallel', maxConcurrency: 64 },
      B: { filterTypes: ['message.*'], ordering: 'parallel', maxConcurrency: 64 },
      S1: { filterTypes: ['user.subscribed'], ordering: 'serial' },
      S2: { filterTypes: ['message.failed'], ordering: 'serial' },
      K: {
        filterTypes: ['message.delivered'],
        ordering: 'per-key',
        orderingKeyPath: 'k',
        maxConcurrency: 64,
      },
    })) {
      const ep = await call('POST', `/api/v1/apps/${app.body.id}/endpoints`, ADMIN, {
        url: `${receiverUrl}/${key}`,
        timeoutMs: 5000,
        ...settings,
      });
      expect(ep.status).toBe(201);
      endpointIds[key] = ep.body.id;
    }

    // Senders: each serial lane sends one message after the other (so its order is defined); the
    // rest go 16 at a time.
    const accepted = new Map<string, { seq: number; type: string }>();
    const send = async (seq: number, type: string, k: number) => {
      const r = await call('POST', `/api/v1/apps/${app.body.id}/messages`, app.body.apiKey, {
        eventType: type,
        payload: { seq, k },
      });
      if (r.status !== 202)
        throw new Error(`message ${seq}: ${r.status} ${JSON.stringify(r.body)}`);
      accepted.set(r.body.id, { seq, type });
    };
    // A lane sends one message after the other: its order is defined, and it is one key (k) of K.
    const lane = async (from: number, to: number, step: number, type: string, k = 0) => {
      for (let seq = from; seq < to; seq += step) await send(seq, type, k);
    };
    const s2Start = LANES.S1;
    const pStart = LANES.S1 + LANES.S2;
    const total = pStart + LANES.P;
    const sending = Promise.all([
      lane(0, s2Start, 1, 'user.subscribed'),
      lane(s2Start, pStart, 1, 'message.failed'),
      ...Array.from({ length: 16 }, (_, i) => lane(pStart + i, total, 16, 'message.delivered', i)),
    ]);

    // Kill worker 1 mid-run, then note what was in flight: only those may arrive twice.
    const kill = (async () => {
      while ((await receiptCount()) < KILL_AFTER_RECEIPTS) await sleep(10);
      workers[0].proc.kill('SIGKILL');
      await workers[0].exited;
      const { rows } = await sql.query<{ endpoint_id: string; message_id: string }>(
        "SELECT endpoint_id, message_id FROM deliveries WHERE state = 'delivering'",
      );
      return {
        inFlight: new Set(rows.map((r) => `${r.endpoint_id}|${r.message_id}`)),
        receiptsAtKill: await receiptCount(),
      };
    })();
    await sending;
    const { inFlight, receiptsAtKill } = await kill;

    const expected = (type: string) => [
      'A',
      ...(type.startsWith('message.') ? ['B'] : []),
      ...(type === 'user.subscribed' ? ['S1'] : []),
      ...(type === 'message.failed' ? ['S2'] : []),
      ...(type === 'message.delivered' ? ['K'] : []),
    ];
    const expectedPairs = [...accepted].reduce((n, [, m]) => n + expected(m.type).length, 0);
    expect(accepted.size).toBe(total);
    expect(receiptsAtKill).toBeLessThan(expectedPairs); // the kill really was mid-run
    expect(inFlight.size).toBeGreaterThan(0);

    // Wait (bounded) until every delivery is done: the dead worker's leases must expire first.
    const deadline = Date.now() + LEASE_MS + 120_000;
    let states: Record<string, number> = {};
    while (Date.now() < deadline) {
      const { rows } = await sql.query<{ state: string; n: number }>(
        'SELECT state, count(*)::int AS n FROM deliveries GROUP BY state',
      );
      states = Object.fromEntries(rows.map((r) => [r.state, r.n]));
      if ((states.succeeded ?? 0) === expectedPairs || (states.failed ?? 0) > 0) break;
      await sleep(500);
    }
    expect(states).toEqual({ succeeded: expectedPairs });
    expect((await sql.query('SELECT count(*)::int AS n FROM messages')).rows[0].n).toBe(total);

    // Every message reached every matching endpoint, and nothing else arrived.
    const log = await receipts();
    const counts = new Map<string, number>();
    for (const [path, messageId] of log) {
      const key = `${endpointIds[path]}|${messageId}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    const missing: string[] = [];
    for (const [messageId, m] of accepted) {
      for (const key of expected(m.type))
        if (!counts.has(`${endpointIds[key]}|${messageId}`)) missing.push(`${key}:${m.seq}`);
    }
    expect(missing).toEqual([]);
    expect(counts.size).toBe(expectedPairs);

    // Duplicates: counted, each from a delivery that was in flight at the kill, sent at most twice.
    const duplicates = [...counts].filter(([, n]) => n > 1);
    console.log(
      `multi-process: ${log.length} requests for ${expectedPairs} deliveries; ${duplicates.length} duplicates ` +
        `(${inFlight.size} deliveries in flight at the kill, after ${receiptsAtKill} requests)`,
    );
    for (const [key, n] of duplicates) {
      expect(inFlight.has(key), `duplicate ${key} was not in flight at the kill`).toBe(true);
      expect(n).toBe(2);
    }
    expect(log.length).toBe(expectedPairs + duplicates.length);

    // Serial endpoints received their messages in the order they were accepted (a redelivery of
    // the head that was in flight at the kill may repeat it, right after itself).
    const serialOrder = (path: string) =>
      log
        .filter((r) => r[0] === path)
        .map((r) => r[2])
        .filter((seq, i, all) => i === 0 || seq !== all[i - 1]);
    expect(serialOrder('S1')).toEqual(Array.from({ length: LANES.S1 }, (_, i) => i));
    expect(serialOrder('S2')).toEqual(Array.from({ length: LANES.S2 }, (_, i) => s2Start + i));
    // The per-key endpoint received each key's messages in acceptance order (a key is one lane).
    const k = serialOrder('K');
    for (let key = 0; key < 16; key++) {
      const ofKey = k.filter((seq) => (seq! - pStart) % 16 === key);
      const sent = Array.from({ length: LANES.P }, (_, i) => pStart + i).filter(
        (seq) => (seq - pStart) % 16 === key,
      );
      expect(ofKey.filter((seq, i, all) => i === 0 || seq !== all[i - 1])).toEqual(sent);
    }
  }, 300_000);
});
