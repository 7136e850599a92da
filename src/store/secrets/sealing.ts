import { sha256Hex } from '../../lib/hash.js';
import {
  EncryptionKeyError,
  SEALED_PREFIX,
  sealedPrefixOf,
  type SecretBox,
} from '../../lib/secret-box.js';
import type { SealedRows, SecretChange } from './sealed-rows.js';
import {
  contextOf,
  KEY_CHECK,
  KEY_CHECK_TEXT,
  SECRET_COLUMNS,
  type SecretColumn,
} from './secret-columns.js';

/**
 * Refuses a key that cannot open what the database holds, before anything is read or written with
 * it: every key id found in a secret column must be configured, and one value of each must open.
 * Then makes sure the key check row exists (the first node to start writes it; a node started with
 * another key on the same empty database finds it and stops).
 */
export async function checkKeys(rows: SealedRows, box: SecretBox): Promise<void> {
  for (const column of SECRET_COLUMNS) {
    for (const keyId of await rows.keyIds(column)) {
      if (!box.holds(keyId))
        throw new EncryptionKeyError(
          `the database holds ${contextOf(column)} values sealed under encryption key ${keyId}, ` +
            `but the configured key is ${box.keyId}: start with the key the database was written ` +
            `with (HOOKLINE_ENCRYPTION_KEY, or the data folder's encryption-key file; during a ` +
            `rotation, the old key in HOOKLINE_ENCRYPTION_PREVIOUS_KEYS)`,
        );
      const sample = await rows.sample(column, keyId);
      if (sample !== null) box.open(sample, contextOf(column));
    }
  }
  const stored = await rows.ensureKeyCheck(box.seal(KEY_CHECK_TEXT, contextOf(KEY_CHECK)));
  if (box.open(stored, contextOf(KEY_CHECK)) !== KEY_CHECK_TEXT)
    throw new EncryptionKeyError('the encryption check row holds an unexpected value');
}

export interface ResealOptions {
  /** `plain`: seal values still in clear (on start); `rotate`: also re-seal older keys' values. */
  scope: 'plain' | 'rotate';
  batchSize?: number;
  /** Called once with the number of rows to do, then after each batch with the number done. */
  onProgress?: (done: number, total: number) => void;
}

/**
 * Seals every value of every secret column under the current key, in batches, each row written
 * only if unchanged since it was read. Idempotent and resumable: a crash leaves rows either done
 * or untouched, and the next run picks up what is left. Returns the number of rows written.
 */
export async function resealAll(
  rows: SealedRows,
  box: SecretBox,
  options: ResealOptions,
): Promise<number> {
  const notUnder = options.scope === 'plain' ? SEALED_PREFIX : sealedPrefixOf(box.keyId);
  const batchSize = options.batchSize ?? 500;
  let total = 0;
  for (const column of SECRET_COLUMNS) total += await rows.count(column, notUnder);
  options.onProgress?.(0, total);
  let done = 0;
  let written = 0;
  for (const column of SECRET_COLUMNS) {
    let after = '';
    for (;;) {
      const batch = await rows.batch(column, notUnder, after, batchSize);
      if (batch.length === 0) break;
      const changes = batch.map((row) => reseal(column, row.id, row.value, box));
      written += await rows.replace(column, changes);
      done += batch.length;
      options.onProgress?.(done, Math.max(total, done));
      after = batch[batch.length - 1]!.id;
    }
  }
  return written;
}

function reseal(column: SecretColumn, id: string, value: string, box: SecretBox): SecretChange {
  const context = contextOf(column);
  const plain = box.open(value, context);
  return {
    id,
    from: value,
    to: box.seal(plain, context),
    digest: column.digest ? sha256Hex(plain) : null,
  };
}
