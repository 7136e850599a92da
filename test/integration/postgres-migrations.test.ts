import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { migrations } from '../../src/store/postgres/migrations/index.js';
import { PostgresStore } from '../../src/store/postgres/postgres-store.js';
import { createTestDatabase, describePostgres, type TestDatabase } from '../helpers/postgres.js';
import { TEST_KEYS } from '../helpers/encryption.js';

const SCHEMA_FILE = fileURLToPath(new URL('../../src/store/postgres/schema.sql', import.meta.url));

/** pg_dump output without what varies between runs and machines (comments, settings, restrict keys). */
function normaliseDump(dump: string): string {
  return dump
    .split('\n')
    .filter(
      (line) => !/^(--|SET |SELECT pg_catalog\.set_config|\\restrict|\\unrestrict)/.test(line),
    )
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

describePostgres('PostgreSQL migrations', () => {
  let db: TestDatabase;
  const stores: PostgresStore[] = [];

  beforeAll(async () => {
    db = await createTestDatabase('migrations');
  });
  afterAll(async () => {
    for (const s of stores) await s.close();
    await db?.drop();
  });

  it('applies every migration once when several nodes start at the same moment', async () => {
    for (let i = 0; i < 6; i++)
      stores.push(new PostgresStore({ url: db.url, poolSize: 2, encryption: TEST_KEYS }));
    await Promise.all(stores.map((s) => s.migrate()));
    const { rows } = await stores[0].pool.query<{ version: number; name: string }>(
      'SELECT version, name FROM schema_migrations ORDER BY version',
    );
    expect(rows).toEqual(migrations.map((m) => ({ version: m.version, name: m.name })));
    await stores[1].migrate(); // and again later: nothing to do
    expect(
      (await stores[0].pool.query('SELECT count(*)::int AS n FROM schema_migrations')).rows[0].n,
    ).toBe(migrations.length);
  });

  it('a fresh migrate matches the committed schema dump (src/store/postgres/schema.sql)', () => {
    const dump = execFileSync(
      'pg_dump',
      ['--schema-only', '--no-owner', '--no-privileges', '--dbname', db.url],
      {
        encoding: 'utf8',
      },
    );
    const fresh = normaliseDump(dump);
    if (process.env.HOOKLINE_UPDATE_SCHEMA === '1') {
      writeFileSync(
        SCHEMA_FILE,
        `-- PostgreSQL schema after every migration (pg_dump --schema-only, normalised).\n` +
          `-- Regenerate: HOOKLINE_UPDATE_SCHEMA=1 npx vitest run test/integration/postgres-migrations.test.ts\n\n${fresh}\n`,
      );
    }
    const committed = normaliseDump(readFileSync(SCHEMA_FILE, 'utf8'));
    expect(fresh).toBe(committed);
  });
});
