import type { ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../../src/lib/clock.js';
import {
  createTenant,
  removeDataDirs,
  sendMessage,
  startHookline,
  type TestHookline,
} from '../helpers/hookline-app.js';
import { createTestDatabase, describePostgres, type TestDatabase } from '../helpers/postgres.js';
import { startReceiver, type ReceivedRequest, type Receiver } from '../helpers/receiver.js';

/** 10,000 keys on SQLite; fewer on PostgreSQL, where two workers share them (npm test's budget). */
const SQLITE_KEYS = Number(process.env.PER_KEY_KEYS ?? 10_000);
const POSTGRES_KEYS = Math.min(SQLITE_KEYS, 2_000);
let KEYS = SQLITE_KEYS;
const messageCount = () => KEYS + KEYS / 5;
const RETRY_MS = 1000;

/**
 * A receiver that checks per-key order as it goes: it holds each request a moment (so keys overlap),
 * fails the first try of every 7th message, and records any key seen twice at once.
 */
function keyCheckingReceiver(): {
  handle: (req: ReceivedRequest, res: ServerResponse) => void;
  arrivals: Map<string, number[]>;
  overlaps: string[];
  maxKeysAtOnce: () => number;
} {
  const arrivals = new Map<string, number[]>();
  const busy = new Set<string>();
  const tried = new Set<number>();
  const overlaps: string[] = [];
  let most = 0;
  return {
    arrivals,
    overlaps,
    maxKeysAtOnce: () => most,
    handle(req, res) {
      const { user, seq } = JSON.parse(req.body).data as { user: string; seq: number };
      if (busy.has(user)) overlaps.push(`${user}: ${seq}`);
      busy.add(user);
      most = Math.max(most, busy.size);
      const list = arrivals.get(user) ?? [];
      list.push(seq);
      arrivals.set(user, list);
      const fail = seq % 7 === 0 && !tried.has(seq);
      tried.add(seq);
      setImmediate(() => {
        busy.delete(user);
        res.statusCode = fail ? 503 : 200;
        res.end();
      });
    },
  };
}

/** Sends messageCount() messages over KEYS users, in batches, and returns each user's seqs in order. */
async function sendAll(h: TestHookline, appId: string): Promise<Map<string, number[]>> {
  const sent = new Map<string, number[]>();
  const total = messageCount();
  for (let from = 0; from < total; from += 50) {
    const messages = Array.from({ length: Math.min(50, total - from) }, (_, i) => {
      const seq = from + i;
      const user = `u${seq % KEYS}`;
      sent.set(user, [...(sent.get(user) ?? []), seq]);
      return { eventType: 'message.received', payload: { user, seq } };
    });
    const r = await h.api('POST', `/api/v1/apps/${appId}/messages/batch`, { messages });
    expect(r.status, JSON.stringify(r.body)).toBe(202);
  }
  return sent;
}

async function deliverEverything(nodes: TestHookline[], clock: FakeClock): Promise<void> {
  for (let round = 0; round < 20; round++) {
    const counts = await Promise.all(nodes.map((n) => n.dispatcher.drainDue()));
    if (counts.every((c) => c === 0)) {
      const pending = await nodes[0].api(
        'GET',
        `/api/v1/apps/${appIdOf(nodes[0])}/deliveries?state=pending&limit=1`,
      );
      if (pending.body.data.length === 0) return;
    }
    clock.advance(RETRY_MS);
  }
  throw new Error('deliveries still pending after 20 rounds');
}

let currentApp = '';
const appIdOf = (_h: TestHookline) => currentApp;

/** Per key: one at a time, in acceptance order (a retried head repeats right after itself). */
function expectOrderedPerKey(arrivals: Map<string, number[]>, sent: Map<string, number[]>) {
  expect(arrivals.size).toBe(KEYS);
  const wrong: string[] = [];
  for (const [user, seqs] of sent) {
    const got = (arrivals.get(user) ?? []).filter((s, i, all) => i === 0 || s !== all[i - 1]);
    if (JSON.stringify(got) !== JSON.stringify(seqs)) wrong.push(`${user}: ${got} vs ${seqs}`);
  }
  expect(wrong.slice(0, 5)).toEqual([]);
}

async function scenario(nodes: TestHookline[], receiver: Receiver, clock: FakeClock) {
  const check = keyCheckingReceiver();
  receiver.setDefault({ kind: 'handler', handle: check.handle });
  const t = await createTenant(nodes[0], {
    url: receiver.url,
    ordering: 'per-key',
    orderingKeyPath: 'user',
    maxConcurrency: 32,
    retryPolicy: { preset: 'custom', waitsMs: [RETRY_MS, RETRY_MS] },
  });
  currentApp = t.appId;
  const sent = await sendAll(nodes[0], t.appId);
  await deliverEverything(nodes, clock);

  expect(check.overlaps).toEqual([]);
  expectOrderedPerKey(check.arrivals, sent);
  // Keys do not wait for each other: many were in flight at once, up to maxConcurrency per node.
  expect(check.maxKeysAtOnce()).toBeGreaterThan(4);
  expect(receiver.maxInFlight()).toBeLessThanOrEqual(32 * nodes.length);
  const failed = await nodes[0].api('GET', `/api/v1/apps/${t.appId}/deliveries?state=failed`);
  expect(failed.body.data).toEqual([]);
}

describe('per-key ordering on SQLite', () => {
  let h: TestHookline;
  let receiver: Receiver;
  beforeAll(async () => {
    receiver = await startReceiver();
    h = await startHookline();
  });
  afterAll(async () => {
    await receiver?.close();
    await h?.close();
    removeDataDirs();
  });

  it('delivers 12,000 messages over 10,000 keys one at a time per key, in order, keys in parallel, with retries', async () => {
    await scenario([h], receiver, h.clock);
  }, 300_000);

  it('holds only the failing head’s own key while it is retried; an exhausted head lets its key move on', async () => {
    const r = await startReceiver();
    try {
      const t = await createTenant(h, {
        url: r.url,
        ordering: 'per-key',
        retryPolicy: { preset: 'custom', waitsMs: [RETRY_MS] },
      });
      r.setDefault({
        kind: 'handler',
        handle: (req, res) => {
          res.statusCode = JSON.parse(req.body).data.id === 'a-1' ? 500 : 200;
          res.end();
        },
      });
      // Statuses carry their message's token: a-1 and a-2 share a key, b-1 has its own.
      const status = (id: string, token: number) =>
        sendMessage(h, t.appId, { id, message_token: token, status: 'read' }, 'message.status');
      const payloads = async () => r.requests.map((q) => JSON.parse(q.body).data.id);
      await status('a-1', 1);
      await status('a-2', 1);
      await status('b-1', 2);
      await h.dispatcher.drainDue();
      expect(await payloads()).toEqual(['a-1', 'b-1']); // a-2 waits behind a-1; b-1 does not
      h.clock.advance(RETRY_MS);
      await h.dispatcher.drainDue();
      // a-1 failed for good: its key moves on to a-2.
      expect(await payloads()).toEqual(['a-1', 'b-1', 'a-1', 'a-2']);
      const failed = await h.api('GET', `/api/v1/apps/${t.appId}/deliveries?state=failed`);
      expect(failed.body.data).toHaveLength(1);
    } finally {
      await r.close();
    }
  }, 120_000);
});

const NODE_KEY = Buffer.alloc(32, 7).toString('base64');

describePostgres('per-key ordering on PostgreSQL, two workers', () => {
  let db: TestDatabase;
  let receiver: Receiver;
  const nodes: TestHookline[] = [];
  const clock = new FakeClock(Date.now());
  beforeAll(async () => {
    db = await createTestDatabase('per_key');
    receiver = await startReceiver();
    for (let i = 0; i < 2; i++)
      nodes.push(
        await startHookline({
          clock,
          // Nodes of one database share its encryption key.
          config: { databaseUrl: db.url, dbPoolSize: 10, batchSize: 100, encryptionKey: NODE_KEY },
        }),
      );
  });
  afterAll(async () => {
    for (const n of nodes) await n.close();
    await receiver?.close();
    await db?.drop();
    removeDataDirs();
  });

  it('keeps each key in order across two workers, keys in parallel, with retries', async () => {
    KEYS = POSTGRES_KEYS;
    await scenario(nodes, receiver, clock);
  }, 300_000);
});
