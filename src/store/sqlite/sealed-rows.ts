import type { Database } from 'better-sqlite3';
import { SEALED_PREFIX } from '../../lib/secret-box.js';
import type { SealedRows, SecretChange, StoredSecret } from '../secrets/sealed-rows.js';
import { KEY_CHECK_ID, type SecretColumn } from '../secrets/secret-columns.js';
import { inTransaction } from './in-transaction.js';

/** Key ids are 16 hex characters after `enc:v1:`. */
const KEY_ID_END = SEALED_PREFIX.length + 16;

/** SealedRows on SQLite (table and column names come from secret-columns.ts, never from input). */
export function sqliteSealedRows(db: Database): SealedRows {
  const notDone = (c: SecretColumn) =>
    `${c.column} IS NOT NULL AND substr(${c.column}, 1, length(@notUnder)) <> @notUnder`;
  return {
    async keyIds(c) {
      const rows = db
        .prepare(
          `SELECT DISTINCT substr(${c.column}, ${SEALED_PREFIX.length + 1}, 16) AS id FROM ${c.table}
           WHERE substr(${c.column}, 1, ${SEALED_PREFIX.length}) = ?`,
        )
        .all(SEALED_PREFIX) as Array<{ id: string }>;
      return rows.map((r) => r.id);
    },
    async sample(c, keyId) {
      const row = db
        .prepare(
          `SELECT ${c.column} AS value FROM ${c.table}
           WHERE substr(${c.column}, 1, ${KEY_ID_END + 1}) = ? LIMIT 1`,
        )
        .get(`${SEALED_PREFIX}${keyId}:`) as { value: string } | undefined;
      return row?.value ?? null;
    },
    async count(c, notUnder) {
      const row = db
        .prepare(`SELECT count(*) AS n FROM ${c.table} WHERE ${notDone(c)}`)
        .get({ notUnder }) as { n: number };
      return row.n;
    },
    async batch(c, notUnder, after, limit) {
      return db
        .prepare(
          `SELECT id, ${c.column} AS value FROM ${c.table} WHERE id > @after AND ${notDone(c)}
           ORDER BY id LIMIT @limit`,
        )
        .all({ notUnder, after, limit }) as StoredSecret[];
    },
    async replace(c, changes: SecretChange[]) {
      const set = c.digest ? `${c.column} = @to, ${c.digest} = @digest` : `${c.column} = @to`;
      const update = db.prepare(
        `UPDATE ${c.table} SET ${set} WHERE id = @id AND ${c.column} = @from`,
      );
      return inTransaction(db, () => {
        let n = 0;
        for (const change of changes) {
          const params = c.digest ? change : { id: change.id, from: change.from, to: change.to };
          n += update.run(params).changes;
        }
        return n;
      });
    },
    async ensureKeyCheck(sealed) {
      db.prepare('INSERT OR IGNORE INTO encryption_check (id, sealed) VALUES (?, ?)').run(
        KEY_CHECK_ID,
        sealed,
      );
      const row = db
        .prepare('SELECT sealed FROM encryption_check WHERE id = ?')
        .get(KEY_CHECK_ID) as {
        sealed: string;
      };
      return row.sealed;
    },
  };
}
