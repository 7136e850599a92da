import type { SecretColumn } from './secret-columns.js';

/** A row of a secret column: its id and stored value (sealed or, before sealing, plain). */
export interface StoredSecret {
  id: string;
  value: string;
}

/** A new stored value for a row, written only if the row still holds `from`. */
export interface SecretChange {
  id: string;
  from: string;
  to: string;
  /** The digest column's new value (columns with a digest only). */
  digest: string | null;
}

/**
 * The SQL each dialect runs for sealing, checking and re-keying secret columns. `notUnder` is a
 * stored prefix (`enc:v1:` = any key, `enc:v1:<id>:` = one key): rows whose value does not start
 * with it are the ones still to do.
 */
export interface SealedRows {
  /** Distinct key ids of the sealed values in a column. */
  keyIds(column: SecretColumn): Promise<string[]>;
  /** One stored value sealed under a key id, to try opening it. */
  sample(column: SecretColumn, keyId: string): Promise<string | null>;
  /** How many non-null values do not start with `notUnder`. */
  count(column: SecretColumn, notUnder: string): Promise<number>;
  /** Up to `limit` such rows with id > `after`, in id order. */
  batch(
    column: SecretColumn,
    notUnder: string,
    after: string,
    limit: number,
  ): Promise<StoredSecret[]>;
  /** Writes the changes in one transaction; returns how many rows still held `from`. */
  replace(column: SecretColumn, changes: SecretChange[]): Promise<number>;
  /** Inserts the key check row unless one exists; returns the stored one. */
  ensureKeyCheck(sealed: string): Promise<string>;
}
