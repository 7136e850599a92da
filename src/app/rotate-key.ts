import { renameSync } from 'node:fs';
import { join } from 'node:path';
import { keyIdOf, type EncryptionKeys } from '../lib/secret-box.js';
import { openPostgresStore } from '../store/postgres/open.js';
import { resealAll } from '../store/secrets/sealing.js';
import { SqliteStore } from '../store/sqlite/sqlite-store.js';
import type { Config } from './config.js';
import { lockDataDir } from './data-dir-lock.js';
import {
  createKeyFile,
  KEY_FILE,
  NEXT_KEY_FILE,
  resolveEncryptionKeys,
  type ResolvedKeys,
} from './encryption-key.js';

export interface RotateOptions {
  batchSize?: number;
  onProgress?: (done: number, total: number) => void;
}

/**
 * `hookline encryption rotate-key`: re-seals every secret under the new key, in batches, each row
 * written only if unchanged; a run that stops half-way is simply run again.
 *
 * - With HOOKLINE_ENCRYPTION_KEY, the new key is that one and the old ones are given in
 *   HOOKLINE_ENCRYPTION_PREVIOUS_KEYS.
 * - With the data folder's key file, the new key is generated into `encryption-key.next` (kept by a
 *   run that stopped), and renamed over `encryption-key` once every row uses it.
 */
export async function rotateEncryptionKey(
  config: Config,
  options: RotateOptions = {},
): Promise<string> {
  const unlock = config.databaseUrl === null ? lockDataDir(config.dataDir) : () => undefined;
  try {
    const resolved = resolveEncryptionKeys(config);
    const keys = resolved.source === 'env' ? resolved.keys : withNextKey(config, resolved);
    const resealed = await resealStore(config, keys, options);
    const newId = keyIdOf(keys.current);
    if (resolved.source === 'file') {
      renameSync(join(config.dataDir, NEXT_KEY_FILE), join(config.dataDir, KEY_FILE));
      return `re-sealed ${resealed} secret(s) under key ${newId}, now in ${resolved.file}; the old key is gone`;
    }
    return (
      `re-sealed ${resealed} secret(s) under key ${newId}; every row now uses it, so ` +
      'HOOKLINE_ENCRYPTION_PREVIOUS_KEYS can be removed'
    );
  } finally {
    unlock();
  }
}

/** File-based rotation: the next key seals, the file's key (and any previous ones) open. */
function withNextKey(config: Config, resolved: ResolvedKeys): EncryptionKeys {
  const next = createKeyFile(join(config.dataDir, NEXT_KEY_FILE)).key;
  const nextId = keyIdOf(next);
  const others = [resolved.keys.current, ...resolved.keys.previous];
  return { current: next, previous: others.filter((k) => keyIdOf(k) !== nextId) };
}

async function resealStore(
  config: Config,
  keys: EncryptionKeys,
  options: RotateOptions,
): Promise<number> {
  const reseal = { scope: 'rotate', ...options } as const;
  if (config.databaseUrl === null) {
    const store = new SqliteStore({
      file: join(config.dataDir, 'hookline.db'),
      sync: config.sqliteSync,
      encryption: keys,
    });
    try {
      await store.migrate(); // also refuses keys that cannot open what is stored
      return await resealAll(store.sealedRows(), store.box, reseal);
    } finally {
      await store.close();
    }
  }
  const store = await openPostgresStore({
    url: config.databaseUrl,
    poolSize: 2,
    migrate: false,
    applicationName: 'hookline-rotate-key',
    encryption: keys,
  });
  try {
    return await resealAll(store.sealedRows(), store.box, reseal);
  } finally {
    await store.close();
  }
}
