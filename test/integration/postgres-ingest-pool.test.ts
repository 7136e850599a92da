import { afterAll, beforeAll, expect, it } from 'vitest';
import { ingestPools, type IngestPools } from '../../src/store/postgres/ingest-pool.js';
import { createTestDatabase, describePostgres, type TestDatabase } from '../helpers/postgres.js';

/** dbPoolSize split between the grouped inserts, which plan once, and everything else. */
describePostgres('PostgreSQL ingest connections', () => {
  let db: TestDatabase;
  const opened: IngestPools[] = [];
  const open = (poolSize: number) => {
    const pools = ingestPools(
      { url: db.url, poolSize, connectionTimeoutMs: 5000, applicationName: 'hookline-split' },
      () => undefined,
    );
    opened.push(pools);
    return pools;
  };
  const planMode = async (pool: IngestPools['pool']) =>
    (await pool.query<{ plan_cache_mode: string }>('SHOW plan_cache_mode')).rows[0]!
      .plan_cache_mode;

  beforeAll(async () => {
    db = await createTestDatabase('ingest_pool');
  });
  afterAll(async () => {
    for (const p of opened) {
      await p.pool.end();
      if (p.groups !== p.pool) await p.groups.end();
    }
    await db?.drop();
  });

  it('gives a quarter of the pool to the groups, which plan their statements once', async () => {
    const pools = open(10);
    expect(pools.groupsInFlight).toBe(2);
    expect(pools.groups.options.max + pools.pool.options.max).toBe(10);
    expect(pools.groups.options.max).toBe(2);
    expect(await planMode(pools.groups)).toBe('force_generic_plan');
    expect(await planMode(pools.pool)).toBe('auto');
    const { rows } = await pools.groups.query<{ application_name: string }>(
      'SELECT application_name FROM pg_stat_activity WHERE pid = pg_backend_pid()',
    );
    expect(rows[0]!.application_name).toBe('hookline-split-ingest');
  });

  it('does not split a pool of one connection', async () => {
    const pools = open(1);
    expect(pools.groups).toBe(pools.pool);
    expect(pools.pool.options.max).toBe(1);
    expect(await planMode(pools.pool)).toBe('auto');
  });
});
