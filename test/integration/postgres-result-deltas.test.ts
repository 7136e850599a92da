import pg from 'pg';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { FOLD, FOLD_TRANSACTION, foldInTransaction } from '../../src/store/postgres/fold-deltas.js';
import { PostgresStore } from '../../src/store/postgres/postgres-store.js';
import { appendResults } from '../../src/store/postgres/record-attempts.js';
import { inTransaction } from '../../src/store/postgres/transaction.js';
import type { AttemptResult, ClaimedDelivery } from '../../src/store/store.js';
import { claim, createApp, createEndpoint, resultOf, send, T0 } from '../conformance/fixtures.js';
import { TEST_KEYS } from '../helpers/encryption.js';
import {
  createTestDatabase,
  describePostgres,
  emptyTables,
  type TestDatabase,
} from '../helpers/postgres.js';

const HOUR = 3_600_000;
const noWake = () => {};

/**
 * A result transaction appends health and rollup deltas; a fold moves them into endpoint_health
 * and endpoint_stats (src/store/postgres/fold-deltas.ts). Whatever the interleaving of workers,
 * folds and crashes, every committed result counts exactly once, and reads see it before its fold.
 */
describePostgres('result deltas on PostgreSQL', () => {
  let db: TestDatabase;
  let a: PostgresStore;
  let b: PostgresStore;

  const open = async () => {
    const store = new PostgresStore({ url: db.url, poolSize: 4, encryption: TEST_KEYS });
    await store.migrate();
    return store;
  };
  beforeAll(async () => {
    db = await createTestDatabase('result_deltas');
    a = await open();
    b = await open();
  });
  beforeEach(() => emptyTables(db.url));
  afterEach(async () => {
    // The fold deletes what it takes; nothing here may leave a delta behind by accident.
    await a.pool.query('DELETE FROM endpoint_health_deltas; DELETE FROM endpoint_stats_deltas');
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await db?.drop();
  });

  const pending = async () => {
    const { rows } = await a.pool.query<{ health: string; stats: string }>(
      `SELECT (SELECT count(*) FROM endpoint_health_deltas) AS health,
        (SELECT count(*) FROM endpoint_stats_deltas) AS stats`,
    );
    return { health: Number(rows[0].health), stats: Number(rows[0].stats) };
  };
  /** The folded rollups alone, without the deltas reads add. */
  const foldedHour = async (endpointId: string) => {
    const { rows } = await a.pool.query<{ n: string }>(
      `SELECT coalesce(sum(succeeded + retrying + failed), 0) AS n FROM endpoint_stats
        WHERE endpoint_id = $1 AND resolution = 'hour'`,
      [endpointId],
    );
    return Number(rows[0].n);
  };
  const hourOf = async (appId: string, endpointId: string) => {
    const [bucket] = await a.statsSeries({
      appId,
      endpointId,
      resolution: 'hour',
      since: T0 - HOUR,
      until: T0 + 2 * HOUR,
    });
    return bucket;
  };
  async function setup(messages: number) {
    const app = await createApp(a);
    const ep = await createEndpoint(a, app.id);
    for (let i = 0; i < messages; i++) await send(a, app.id);
    return { app, ep };
  }
  const outcomeOf = (i: number) => (['succeeded', 'retry', 'failed'] as const)[i % 3];
  const resultsOf = (claims: ClaimedDelivery[], at: number): AttemptResult[] =>
    claims.map((c, i) => resultOf(c, outcomeOf(i), at + i, at + HOUR));

  it('two workers recording one endpoint’s results at once end with exact counts', async () => {
    const { app, ep } = await setup(240);
    const mine = await claim(a, T0, 120);
    const theirs = await claim(b, T0, 120);
    expect(mine.length + theirs.length).toBe(240);
    // Each worker writes its batches one after another, both workers at once.
    const worker = async (store: PostgresStore, claims: ClaimedDelivery[]) => {
      for (let i = 0; i < claims.length; i += 6)
        await store.recordAttempts(resultsOf(claims.slice(i, i + 6), T0 + 1000), T0 + 2000);
    };
    await Promise.all([worker(a, mine), worker(b, theirs)]);
    expect(await pending()).toEqual({ health: 0, stats: 0 });
    // 240 results, 6 per batch: outcomes by position in the batch, two of each.
    expect(await hourOf(app.id, ep.id)).toMatchObject({ succeeded: 80, retrying: 80, failed: 80 });
    expect(await foldedHour(ep.id)).toBe(240);

    // One last batch in order: a success then three failures, whatever came before.
    for (let i = 0; i < 4; i++) await send(a, app.id);
    const last = await claim(a, T0 + 3000, 4);
    const at = T0 + 10_000;
    const r = await a.recordAttempts(
      last.map((c, i) => resultOf(c, i === 0 ? 'succeeded' : 'failed', at + i)),
      at + 4,
    );
    expect(r.health.at(-1)?.after).toMatchObject({
      consecutiveFailures: 3,
      failingSince: at + 1,
      lastSuccessAt: at,
    });
    const [health] = await b.endpointHealth(app.id, [ep.id], at + 5);
    expect(health).toMatchObject({
      consecutiveFailures: 3,
      failingSince: at + 1,
      lastSuccessAt: at,
    });
    expect(health.lastDay.succeeded + health.lastDay.retrying + health.lastDay.failed).toBe(244);
  });

  it('reads see results before their fold; a node stopped before folding loses none', async () => {
    const { app, ep } = await setup(6);
    const claims = await claim(a, T0, 6);
    // The result transaction commits, then its node dies before the fold.
    const appended = await appendResults(
      a.pool,
      claims.map((c, i) => resultOf(c, i < 2 ? 'succeeded' : 'failed', T0 + 100 + i)),
      T0 + 200,
      noWake,
    );
    expect(appended.endpointIds).toEqual([ep.id]);
    expect(await pending()).toEqual({ health: 1, stats: 2 });
    expect(await foldedHour(ep.id)).toBe(0);

    expect(await hourOf(app.id, ep.id)).toMatchObject({ succeeded: 2, retrying: 0, failed: 4 });
    const [health] = await b.endpointHealth(app.id, [ep.id], T0 + 300);
    expect(health).toMatchObject({
      consecutiveFailures: 4,
      failingSince: T0 + 102,
      lastSuccessAt: T0 + 101,
    });
    expect(health.lastHour.failed).toBe(4);
    expect(await b.failingEndpoints(app.id, 10)).toEqual([ep.id]);

    // The next fold, by any node for any endpoint, takes the deltas left behind: once.
    const other = await createEndpoint(a, app.id);
    await send(a, app.id);
    const [next] = (await claim(b, T0 + 400)).filter((c) => c.delivery.endpointId === other.id);
    const r = await b.recordAttempts([resultOf(next, 'succeeded', T0 + 500)], T0 + 500);
    expect(await pending()).toEqual({ health: 0, stats: 0 });
    expect(r.health.map((t) => t.after.endpointId).sort()).toEqual([ep.id, other.id].sort());
    expect(await foldedHour(ep.id)).toBe(6);
    expect(await hourOf(app.id, ep.id)).toMatchObject({ succeeded: 2, retrying: 0, failed: 4 });
    expect((await a.endpointHealth(app.id, [ep.id], T0 + 600))[0]).toMatchObject({
      consecutiveFailures: 4,
      failingSince: T0 + 102,
      lastSuccessAt: T0 + 101,
    });
  });

  it('a fold whose connection dies before it commits changes nothing; the next one counts once', async () => {
    const { app, ep } = await setup(3);
    const claims = await claim(a, T0, 3);
    await appendResults(
      a.pool,
      claims.map((c) => resultOf(c, 'failed', T0 + 100)),
      T0 + 100,
      noWake,
    );
    const folding = new pg.Client({ connectionString: db.url });
    folding.on('error', () => {}); // the server ends this session below
    await folding.connect();
    await folding.query('BEGIN');
    const half = await foldInTransaction(folding, [ep.id], T0 + 100, {});
    expect(half.health.at(-1)?.after.consecutiveFailures).toBe(3);
    // The fold took the deltas and wrote the counters, uncommitted: its process is killed.
    const { rows } = await folding.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    await a.pool.query('SELECT pg_terminate_backend($1)', [rows[0].pid]);
    await folding.end().catch(() => {});

    expect(await pending()).toEqual({ health: 1, stats: 2 });
    expect(await foldedHour(ep.id)).toBe(0);
    expect(await hourOf(app.id, ep.id)).toMatchObject({ failed: 3 });

    await send(a, app.id);
    const [next] = await claim(a, T0 + 200);
    await a.recordAttempts([resultOf(next, 'failed', T0 + 200)], T0 + 200);
    expect(await pending()).toEqual({ health: 0, stats: 0 });
    expect(await foldedHour(ep.id)).toBe(4);
    expect((await a.endpointHealth(app.id, [ep.id], T0 + 300))[0]).toMatchObject({
      consecutiveFailures: 4,
      failingSince: T0 + 100,
      lastHour: expect.objectContaining({ failed: 4 }),
    });
  });

  it('a fold reaches the deltas through indexes only, however many dead rows earlier folds left', async () => {
    const { app, ep } = await setup(0);
    // Deleted deltas stay in the tables as dead rows until autovacuum comes (up to a minute).
    await a.pool.query(
      `INSERT INTO endpoint_health_deltas (endpoint_id, app_id, failures)
        SELECT $1, $2, 0 FROM generate_series(1, 5000);
      INSERT INTO endpoint_stats_deltas (app_id, endpoint_id, resolution, bucket_start)
        SELECT $2, $1, 'hour', 0 FROM generate_series(1, 5000)`
        .replace(/\$1/g, `'${ep.id}'`)
        .replace(/\$2/g, `'${app.id}'`),
    );
    await a.pool.query('DELETE FROM endpoint_health_deltas; DELETE FROM endpoint_stats_deltas');
    const plan = await inTransaction(
      a.pool,
      async ({ db }) =>
        (await db.query({ text: `EXPLAIN (FORMAT JSON) ${FOLD}`, values: [[ep.id]] })).rows[0][
          'QUERY PLAN'
        ],
      FOLD_TRANSACTION,
    );
    const scans: string[] = [];
    const walk = (node: { 'Node Type': string; 'Relation Name'?: string; Plans?: unknown[] }) => {
      if (node['Relation Name']?.endsWith('_deltas')) scans.push(node['Node Type']);
      for (const child of node.Plans ?? []) walk(child as typeof node);
    };
    walk(plan[0].Plan);
    expect(scans.length).toBeGreaterThanOrEqual(4);
    expect(scans.filter((s) => !/^(Index|Index Only) Scan$|^ModifyTable$/.test(s))).toEqual([]);
  });
});
