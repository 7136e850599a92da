import type pg from 'pg';
import { SEALED_PREFIX } from '../../lib/secret-box.js';
import type { SealedRows, StoredSecret } from '../secrets/sealed-rows.js';
import { KEY_CHECK_ID, type SecretColumn } from '../secrets/secret-columns.js';
import { inTransaction } from './transaction.js';

/** SealedRows on PostgreSQL (table and column names come from secret-columns.ts, never input). */
export function pgSealedRows(pool: pg.Pool): SealedRows {
  const notDone = (c: SecretColumn, param: string) =>
    `${c.column} IS NOT NULL AND substr(${c.column}, 1, length(${param})) <> ${param}`;
  return {
    async keyIds(c) {
      const { rows } = await pool.query<{ id: string }>(
        `SELECT DISTINCT substr(${c.column}, ${SEALED_PREFIX.length + 1}, 16) AS id FROM ${c.table}
         WHERE substr(${c.column}, 1, ${SEALED_PREFIX.length}) = $1`,
        [SEALED_PREFIX],
      );
      return rows.map((r) => r.id);
    },
    async sample(c, keyId) {
      const prefix = `${SEALED_PREFIX}${keyId}:`;
      const { rows } = await pool.query<{ value: string }>(
        `SELECT ${c.column} AS value FROM ${c.table}
         WHERE substr(${c.column}, 1, length($1)) = $1 LIMIT 1`,
        [prefix],
      );
      return rows[0]?.value ?? null;
    },
    async count(c, notUnder) {
      const { rows } = await pool.query<{ n: string }>(
        `SELECT count(*) AS n FROM ${c.table} WHERE ${notDone(c, '$1')}`,
        [notUnder],
      );
      return Number(rows[0]!.n);
    },
    async batch(c, notUnder, after, limit) {
      const { rows } = await pool.query<StoredSecret>(
        `SELECT id, ${c.column} AS value FROM ${c.table} WHERE id > $2 AND ${notDone(c, '$1')}
         ORDER BY id LIMIT $3`,
        [notUnder, after, limit],
      );
      return rows;
    },
    async replace(c, changes) {
      return inTransaction(pool, async ({ db }) => {
        let n = 0;
        for (const change of changes) {
          const result = c.digest
            ? await db.query(
                `UPDATE ${c.table} SET ${c.column} = $3, ${c.digest} = $4 WHERE id = $1 AND ${c.column} = $2`,
                [change.id, change.from, change.to, change.digest],
              )
            : await db.query(
                `UPDATE ${c.table} SET ${c.column} = $3 WHERE id = $1 AND ${c.column} = $2`,
                [change.id, change.from, change.to],
              );
          n += result.rowCount ?? 0;
        }
        return n;
      });
    },
    async ensureKeyCheck(sealed) {
      await pool.query(
        'INSERT INTO encryption_check (id, sealed) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING',
        [KEY_CHECK_ID, sealed],
      );
      const { rows } = await pool.query<{ sealed: string }>(
        'SELECT sealed FROM encryption_check WHERE id = $1',
        [KEY_CHECK_ID],
      );
      return rows[0]!.sealed;
    },
  };
}
