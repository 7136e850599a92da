import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { TEST_KEYS } from '../../../test/helpers/encryption.js';
import {
  claim,
  createApp,
  createEndpoint,
  resultOf,
  send,
  T0,
} from '../../../test/conformance/fixtures.js';
import { SqliteStore } from './sqlite-store.js';

/** The tables that grow with traffic: a statement must never read one of them whole. */
const BIG = ['messages', 'deliveries', 'attempts'];

/**
 * Statements that do read a big table whole, on purpose: the per-state counts of GET /stats
 * (a count of every row is the answer).
 */
const WHOLE_TABLE_ON_PURPOSE = [/GROUP BY state, leased/];

/** Every SQL text the store prepares, from the moment this is called. */
function recordPrepared(db: Database): Set<string> {
  const seen = new Set<string>();
  const prepare = db.prepare.bind(db);
  db.prepare = ((sql: string) => {
    seen.add(sql);
    return prepare(sql);
  }) as Database['prepare'];
  return seen;
}

/** The query plan of `sql`, every parameter bound to NULL (the plan does not depend on values). */
function planOf(db: Database, sql: string): string[] {
  const stmt = db.prepare(`EXPLAIN QUERY PLAN ${sql}`);
  const named = new Set([...sql.matchAll(/[@$:]([A-Za-z_]\w*)/g)].map((m) => m[1]));
  const positional = (sql.match(/\?/g) ?? []).length;
  const args: unknown[] = Array.from({ length: positional }, () => null);
  if (named.size > 0) args.push(Object.fromEntries([...named].map((n) => [n, null])));
  return (stmt.all(...args) as Array<{ detail: string }>).map((r) => r.detail);
}

/**
 * Plan lines that read a big table, or one of its indexes, from end to end; a partial index (of
 * one state) holds only the rows of that state, and a scan of it is not a scan of the history.
 */
function wholeTableReads(db: Database, plan: string[]): string[] {
  const partial = new Set(
    db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND sql LIKE '% WHERE %'")
      .pluck()
      .all() as string[],
  );
  return plan.filter((line) => {
    const scan = /^SCAN (\w+)(?: USING (?:COVERING )?INDEX (\w+))?/.exec(line);
    return scan !== null && BIG.includes(scan[1]) && !(scan[2] && partial.has(scan[2]));
  });
}

describe('the SQLite store’s query plans', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hookline-plans-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('read the growing tables through an index in every statement the engine and the API run', async () => {
    const store = new SqliteStore({ file: join(dir, 'hookline.db'), encryption: TEST_KEYS });
    const seen = recordPrepared(store.db);
    await store.migrate();
    const app = await createApp(store);
    const parallel = await createEndpoint(store, app.id);
    const serial = await createEndpoint(store, app.id, { ordering: 'serial' });
    await createEndpoint(store, app.id, { ordering: 'per-key', orderingKeyPath: 'customer' });
    for (let i = 0; i < 3; i++)
      await send(store, app.id, { payload: `{"customer":"c${i % 2}"}`, createdAt: T0 });
    await send(store, app.id, { idempotencyKey: 'k1', createdAt: T0 });
    const first = await claim(store, T0, 4);
    const rest = await claim(store, T0, 100, [serial.id]);
    const claimed = [...first, ...rest];
    const outcomes = ['succeeded', 'retry', 'failed'] as const;
    await store.recordAttempts(
      claimed.map((c, i) => resultOf(c, outcomes[i % 3], T0 + 1, T0 + 1000)),
      T0 + 1,
    );
    await store.releaseDeliveries([]);
    await store.nextDueAt();
    await store.backlog(T0 + 2, 1000);
    await store.appBacklog(app.id);
    await store.stats(app.id);
    for (const state of [undefined, 'pending', 'delivering', 'failed', 'succeeded'] as const) {
      await store.listDeliveries(app.id, { state }, { limit: 10, cursor: null });
      await store.listDeliveries(
        app.id,
        { state, endpointId: parallel.id },
        {
          limit: 10,
          cursor: null,
        },
      );
    }
    const msg = claimed[0].message.id;
    await store.listDeliveries(app.id, { messageId: msg }, { limit: 10, cursor: null });
    await store.listMessages(app.id, {}, { limit: 10, cursor: null });
    await store.listAttempts(app.id, { messageId: msg }, { limit: 10, cursor: null });
    const delivery = claimed[0].delivery.id;
    const ofDelivery = await store.listAttempts(
      app.id,
      { deliveryId: delivery },
      {
        limit: 10,
        cursor: null,
      },
    );
    expect(ofDelivery.data.map((a) => a.deliveryId)).toEqual([delivery]);
    await store.retryDelivery(app.id, claimed[0].delivery.id, T0 + 3);
    const purge = { before: T0 + 10, limit: 10, after: null, now: T0 + 10 };
    await store.dropPayloads(purge);
    await store.purgeMessages(purge);
    await store.purgeHistory(T0, 10);

    const statements = [...seen]; // before planOf prepares its own
    const offenders = statements
      .filter((sql) => BIG.some((t) => sql.includes(t)))
      .filter((sql) => !WHOLE_TABLE_ON_PURPOSE.some((re) => re.test(sql)))
      .map((sql) => ({
        sql: sql.replace(/\s+/g, ' '),
        reads: wholeTableReads(store.db, planOf(store.db, sql)),
      }))
      .filter((s) => s.reads.length > 0);
    expect(offenders).toEqual([]);
    expect(statements.length).toBeGreaterThan(40);
    // The claim reads each lane of the one due index in due order, and the next due time is
    // the first entry of each lane (migration 017).
    const plansOf = (part: string) =>
      statements.filter((sql) => sql.includes(part)).map((sql) => planOf(store.db, sql).join('; '));
    const lanes = plansOf('AND next_attempt_at <= @now\n    ORDER BY next_attempt_at, id');
    expect(lanes).toHaveLength(2);
    for (const plan of lanes)
      expect(plan).toBe(
        'SEARCH deliveries USING INDEX deliveries_due (<expr>=? AND next_attempt_at<?)',
      );
    // A delivery's attempts are read through its message's (migration 018).
    const byDelivery = plansOf('delivery_id = @deliveryId');
    expect(byDelivery).toHaveLength(1);
    for (const plan of byDelivery)
      expect(plan).toMatch(/SEARCH attempts USING INDEX attempts_message \(message_id=\?/);
    for (const plan of plansOf('SELECT min(next_attempt_at) AS due'))
      expect(plan).toMatch(
        /^(CO-ROUTINE.*)?(SEARCH deliveries USING INDEX deliveries_due \(<expr>=\? AND next_attempt_at>\?\).*){2}/,
      );
    await store.close();
  });
});
