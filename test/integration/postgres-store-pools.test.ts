import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migratePostgres } from '../../src/store/postgres/migrate.js';
import { storePools, type StorePools } from '../../src/store/postgres/store-pools.js';
import { createTestDatabase, describePostgres, type TestDatabase } from '../helpers/postgres.js';

/**
 * dbPoolSize split between the grouped inserts (which plan once), the dispatcher (which never
 * plans a scan of a whole table where an index serves) and everything else.
 */
describePostgres('PostgreSQL connections of one process', () => {
  let db: TestDatabase;
  const opened: StorePools[] = [];
  const open = (poolSize: number, delivers = true) => {
    const pools = storePools(
      { url: db.url, poolSize, connectionTimeoutMs: 5000, applicationName: 'hookline-split' },
      () => undefined,
      { delivers },
    );
    opened.push(pools);
    return pools;
  };
  const show = async (pool: pg.Pool, setting: string) =>
    (await pool.query<Record<string, string>>(`SHOW ${setting}`)).rows[0]![setting];
  const appName = async (pool: pg.Pool) =>
    (
      await pool.query<{ application_name: string }>(
        'SELECT application_name FROM pg_stat_activity WHERE pid = pg_backend_pid()',
      )
    ).rows[0]!.application_name;

  beforeAll(async () => {
    db = await createTestDatabase('store_pools');
    const pool = new pg.Pool({ connectionString: db.url, max: 1 });
    await migratePostgres(pool);
    await pool.end();
  });
  afterAll(async () => {
    for (const p of opened)
      for (const pool of new Set([p.pool, p.groups, p.delivery])) await pool.end();
    await db?.drop();
  });

  it('gives a quarter to the groups, which plan once, and a third to the dispatcher', async () => {
    const pools = open(10);
    expect(pools.groupsInFlight).toBe(2);
    expect(pools.groups.options.max).toBe(2);
    expect(pools.delivery.options.max).toBe(3);
    expect(pools.pool.options.max).toBe(5);
    expect(await show(pools.groups, 'plan_cache_mode')).toBe('force_generic_plan');
    expect(await show(pools.groups, 'enable_seqscan')).toBe('on');
    expect(await appName(pools.groups)).toBe('hookline-split-ingest');
    expect(await show(pools.delivery, 'enable_seqscan')).toBe('off');
    expect(await show(pools.delivery, 'enable_bitmapscan')).toBe('off');
    expect(await show(pools.delivery, 'plan_cache_mode')).toBe('force_generic_plan');
    expect(await appName(pools.delivery)).toBe('hookline-split-delivery');
    expect(await show(pools.pool, 'plan_cache_mode')).toBe('auto');
    expect(await show(pools.pool, 'enable_seqscan')).toBe('on');
  });

  it('keeps no connections for a dispatcher in a process that runs none (role api)', () => {
    const pools = open(10, false);
    expect(pools.groups.options.max).toBe(2);
    expect(pools.delivery).toBe(pools.pool);
    expect(pools.pool.options.max).toBe(8);
  });

  describe('other sizes', () => {
    it.each([
      // size, then groups, delivery (0: shares the rest), rest; the dispatcher's share is at
      // least two and leaves at least two
      [2, 1, 0, 1],
      [3, 1, 0, 2],
      [4, 1, 0, 3],
      [5, 1, 2, 2],
      [6, 1, 2, 3],
      [20, 5, 6, 9],
    ])('splits %i connections', (size, groups, delivery, rest) => {
      const pools = open(size);
      expect(pools.groups.options.max).toBe(groups);
      if (delivery === 0) expect(pools.delivery).toBe(pools.pool);
      else expect(pools.delivery.options.max).toBe(delivery);
      expect(pools.pool.options.max).toBe(rest);
    });

    it('does not split a pool of one connection', async () => {
      const pools = open(1);
      expect(pools.groups).toBe(pools.pool);
      expect(pools.delivery).toBe(pools.pool);
      expect(pools.pool.options.max).toBe(1);
      expect(await show(pools.pool, 'plan_cache_mode')).toBe('auto');
    });
  });

  it('joins claimed rows back by key even while the planner takes deliveries for small', async () => {
    // A new database: deliveries never analysed, so the planner guesses it holds a few pages. The
    // claim and the result batches join a handful of ids back to it like this.
    const join = `EXPLAIN UPDATE deliveries d SET updated_at = 1
      FROM unnest(ARRAY[1, 2, 3]::bigint[]) AS r(id) WHERE d.id = r.id`;
    const plan = async (pool: pg.Pool) =>
      (await pool.query<{ 'QUERY PLAN': string }>(join)).rows
        .map((r) => r['QUERY PLAN'])
        .join('\n');
    const pools = open(10);
    // The control: with the planner's own choice, a sequential scan of the whole table.
    expect(await plan(pools.pool)).toMatch(/Seq Scan on deliveries/);
    const delivery = await plan(pools.delivery);
    expect(delivery).not.toMatch(/Seq Scan on deliveries|Bitmap/);
    expect(delivery).toMatch(/Index Scan using deliveries_pkey on deliveries/);
  });
});
