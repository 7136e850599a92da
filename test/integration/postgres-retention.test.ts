import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, describePostgres, type TestDatabase } from '../helpers/postgres.js';
import {
  createTenant,
  type Json,
  removeDataDirs,
  sendMessage,
  startHookline,
  type TestHookline,
} from '../helpers/hookline-app.js';
import { startReceiver, status, type Receiver } from '../helpers/receiver.js';

const DAY = 86_400_000;
const TABLES = ['messages', 'deliveries', 'attempts', 'endpoint_stats', 'message_webhooks'];

/** Retention on PostgreSQL with a fake clock: rows go, the tables stop growing, unsettled work stays. */
describePostgres('retention on PostgreSQL', () => {
  let db: TestDatabase;
  let ok: Receiver;
  let failing: Receiver;
  let h: TestHookline;
  let sql: pg.Client;

  beforeAll(async () => {
    db = await createTestDatabase('retention');
    ok = await startReceiver();
    failing = await startReceiver(status(500));
    h = await startHookline({
      config: {
        databaseUrl: db.url,
        dbPoolSize: 4,
        retentionDays: 1,
        // Never disabled for failing: its deliveries stay retrying (held would be settled).
        disableAfterMs: 'off',
      },
    });
    sql = new pg.Client({ connectionString: db.url });
    await sql.connect();
  });
  afterAll(async () => {
    await sql?.end();
    await h?.close();
    await ok?.close();
    await failing?.close();
    await db?.drop();
    removeDataDirs();
  });

  const unsettled = async (appId: string) =>
    (await h.api('GET', `/api/v1/apps/${appId}/deliveries?limit=250`)).body.data
      .filter((d: Json) => d.state === 'pending' || d.state === 'delivering')
      .map((d: Json) => d.id)
      .sort();
  /** Pages of the tables retention empties, after the VACUUM autovacuum would run. */
  async function pages(): Promise<number> {
    await sql.query(`VACUUM ${TABLES.join(', ')}`);
    const { rows } = await sql.query<{ bytes: string }>(
      `SELECT sum(pg_total_relation_size(t::regclass)) AS bytes FROM unnest($1::text[]) t`,
      [TABLES],
    );
    return Number(rows[0].bytes) / 8192;
  }

  it('deletes settled messages each pass, keeps retrying ones, and the tables stop growing', async () => {
    const t = await createTenant(h, { url: ok.url });
    await h.api('POST', `/api/v1/apps/${t.appId}/endpoints`, {
      url: failing.url,
      retryPolicy: { preset: 'custom', waitsMs: new Array(10).fill(7 * DAY) },
      filterTypes: ['order.failed'],
    });
    const retrying = await sendMessage(h, t.appId, { retrying: true }, 'order.failed');
    const sizes: number[] = [];
    for (let cycle = 0; cycle < 8; cycle++) {
      const messages = Array.from({ length: 40 }, (_, i) => ({
        eventType: 'message.delivered',
        payload: { text: randomBytes(2000).toString('hex'), i, cycle },
      }));
      expect(
        (await h.api('POST', `/api/v1/apps/${t.appId}/messages/batch`, { messages })).status,
      ).toBe(202);
      await h.dispatcher.drainDue();
      h.clock.advance(DAY + 3_600_000);
      const before = await unsettled(t.appId);
      const totals = await h.app.retention.runPass();
      expect(totals).toMatchObject({ messages: 40, deliveries: 40, attempts: 40 });
      expect(await unsettled(t.appId)).toEqual(before);
      sizes.push(await pages());
    }
    const left = (await h.api('GET', `/api/v1/apps/${t.appId}/messages?limit=250`)).body.data;
    expect(left.map((m: Json) => m.id)).toEqual([retrying]);
    // The first cycles size the tables; then each pass frees what the next cycle fills. A cycle
    // writes some 20 pages of (incompressible) payloads: without retention, 8 cycles add 140 or more.
    // The retrying message's own retries may add a page or so.
    expect(Math.max(...sizes.slice(3))).toBeLessThan(Math.max(...sizes.slice(0, 3)) + 10);
  });
});
