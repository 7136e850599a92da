import type pg from 'pg';

/**
 * Can the database take a write now? Inserts a row into the migration ledger inside a transaction
 * that is always rolled back (its WAL record is still written): a full disk fails it with
 * disk_full (53100).
 */
export async function probePostgresWrite(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  let broken = false;
  try {
    await client.query('BEGIN');
    try {
      await client.query(
        "INSERT INTO schema_migrations (version, name, applied_at) VALUES (-1, 'readiness probe', 0)",
      );
    } finally {
      await client.query('ROLLBACK').catch(() => (broken = true));
    }
  } catch (error) {
    broken = true;
    throw error;
  } finally {
    client.release(broken ? true : undefined);
  }
}
