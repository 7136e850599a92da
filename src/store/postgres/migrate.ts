import type pg from 'pg';
import { migrations } from './migrations/index.js';

/** Advisory lock key (class, object) that serializes migrations across nodes starting at once. */
export const MIGRATION_LOCK = [0x686c, 0] as const;

const CREATE_LEDGER = `CREATE TABLE IF NOT EXISTS schema_migrations (
  version integer PRIMARY KEY, name text NOT NULL, applied_at bigint NOT NULL)`;

/**
 * Applies pending migrations, each in its own transaction, while holding a session advisory lock:
 * a node that starts while another migrates waits, then finds nothing left to do.
 */
export async function migratePostgres(pool: pg.Pool, now = Date.now()): Promise<number[]> {
  const client = await pool.connect();
  let broken = false;
  try {
    await client.query('SELECT pg_advisory_lock($1, $2)', [...MIGRATION_LOCK]);
    try {
      await client.query(CREATE_LEDGER);
      const { rows } = await client.query<{ version: number }>(
        'SELECT version FROM schema_migrations',
      );
      const applied = new Set(rows.map((r) => r.version));
      const done: number[] = [];
      for (const m of migrations) {
        if (applied.has(m.version)) continue;
        await client.query('BEGIN');
        try {
          await client.query(m.sql);
          await client.query(
            'INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)',
            [m.version, m.name, now],
          );
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK').catch(() => undefined);
          throw error;
        }
        done.push(m.version);
      }
      return done;
    } finally {
      await client
        .query('SELECT pg_advisory_unlock($1, $2)', [...MIGRATION_LOCK])
        .catch(() => (broken = true));
    }
  } catch (error) {
    broken = true;
    throw error;
  } finally {
    client.release(broken ? true : undefined);
  }
}

const UNDEFINED_TABLE = '42P01';

/** Versions not applied yet (all of them on an empty database); reads only, takes no lock. */
export async function pendingMigrations(pool: pg.Pool): Promise<number[]> {
  let applied: Set<number>;
  try {
    const { rows } = await pool.query<{ version: number }>('SELECT version FROM schema_migrations');
    applied = new Set(rows.map((r) => r.version));
  } catch (error) {
    if ((error as { code?: string }).code !== UNDEFINED_TABLE) throw error;
    applied = new Set();
  }
  return migrations.filter((m) => !applied.has(m.version)).map((m) => m.version);
}
