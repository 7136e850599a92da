import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe } from 'vitest';

/**
 * PostgreSQL for tests: a server on 127.0.0.1:5432 (trust auth, user postgres), a fresh database per
 * test file. Under CI=true the tests always run (and fail when the server is missing); elsewhere
 * they are skipped with a message when no server answers.
 */

export const ADMIN_URL =
  process.env.HOOKLINE_TEST_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const inCi = process.env.CI === 'true';

/** null when the server answers; otherwise why not. */
export async function probePostgres(url = ADMIN_URL): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return null;
  } catch (error) {
    return error instanceof Error ? error.message || String(error) : String(error);
  } finally {
    await client.end().catch(() => undefined);
  }
}

const unavailable = await probePostgres();

export const postgresAvailable = unavailable === null;

/**
 * `describe` for tests that need PostgreSQL: skipped (with a clear message) when no server answers,
 * except under CI=true, where they run and fail.
 */
export function describePostgres(name: string, body: () => void): void {
  if (unavailable === null || inCi) {
    describe(name, body);
    return;
  }
  const why = `no PostgreSQL at ${hostOf(ADMIN_URL)} (${unavailable}); set CI=true to make this a failure`;
  console.warn(`[skipped] ${name}: ${why}`);
  describe.skip(`${name} [skipped: ${why}]`, body);
}

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/** Creates an empty database named after the test file; `drop()` removes it (closing stray sessions). */
export async function createTestDatabase(label: string): Promise<TestDatabase> {
  const name = `hookline_test_${label.replace(/[^a-z0-9]+/gi, '_').toLowerCase()}_${randomBytes(4).toString('hex')}`;
  await admin(`CREATE DATABASE ${name}`);
  // Tests need no durability across a server crash; skipping the fsync per commit makes them fast.
  await admin(`ALTER DATABASE ${name} SET synchronous_commit = off`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `PostgreSQL tests need a server at ${hostOf(ADMIN_URL)} (CI=true makes its absence a failure): ` +
        `${(error as Error).message}`,
    );
  }
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Empties every Hookline table between tests of one file (DELETE: much faster than TRUNCATE on tiny tables). */
export async function emptyTables(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DELETE FROM attempts; DELETE FROM deliveries; DELETE FROM messages; DELETE FROM endpoints;
      DELETE FROM bot_invocations; DELETE FROM bot_connections; DELETE FROM bin_requests; DELETE FROM bins; DELETE FROM operational_outbox;
      DELETE FROM apps`);
  } finally {
    await client.end();
  }
}

/** host:port only: messages never show credentials. */
function hostOf(url: string): string {
  return new URL(url).host;
}
