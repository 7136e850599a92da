import {
  closeSync,
  existsSync,
  fsyncSync,
  linkSync,
  openSync,
  readFileSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { ensurePrivateDir, PRIVATE_FILE_MODE } from '../lib/private-files.js';
import {
  EncryptionKeyError,
  keyIdOf,
  newKeyText,
  parseKey,
  type EncryptionKeys,
} from '../lib/secret-box.js';
import type { Config } from './config.js';

/** The data folder's key, when HOOKLINE_ENCRYPTION_KEY is not set. */
export const KEY_FILE = 'encryption-key';
/** The key a file-based `rotate-key` moves to; renamed over KEY_FILE once every row uses it. */
export const NEXT_KEY_FILE = 'encryption-key.next';

export interface ResolvedKeys {
  keys: EncryptionKeys;
  /** Where the current key came from. */
  source: 'env' | 'file';
  /** The key file (source `file`). */
  file: string | null;
  /** True when the key file was created now (first start). */
  generated: boolean;
}

/** Reads a key file; a damaged one is a start-up error naming the file, never showing the key. */
export function readKeyFile(file: string): Uint8Array {
  const key = parseKey(readFileSync(file, 'utf8'));
  if (!key)
    throw new EncryptionKeyError(
      `${file} does not hold a valid encryption key (base64 of 32 bytes, or 64 hex digits)`,
    );
  return key;
}

/**
 * Creates a key file with a new random key, mode 0600; an existing file is kept and read. Written
 * aside, synced, then linked into place: a crash never leaves a half-written key file, and of two
 * processes creating it at once, one key wins and both read it.
 */
export function createKeyFile(file: string): { key: Uint8Array; created: boolean } {
  if (existsSync(file)) return { key: readKeyFile(file), created: false };
  const aside = `${file}.${process.pid}.tmp`;
  const fd = openSync(aside, 'w', PRIVATE_FILE_MODE);
  try {
    writeSync(fd, `${newKeyText()}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    linkSync(aside, file);
    return { key: readKeyFile(file), created: true };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return { key: readKeyFile(file), created: false };
  } finally {
    rmSync(aside, { force: true });
  }
}

/**
 * The keys secrets are sealed with: HOOKLINE_ENCRYPTION_KEY when set, else `<dataDir>/encryption-key`
 * (created 0600 on first start), plus HOOKLINE_ENCRYPTION_PREVIOUS_KEYS and, while a file-based
 * rotation is unfinished, the next key, so that every row stays readable.
 */
export function resolveEncryptionKeys(
  config: Pick<Config, 'encryptionKey' | 'encryptionPreviousKeys' | 'dataDir'>,
): ResolvedKeys {
  const previous = config.encryptionPreviousKeys.map((k) => parseKey(k)!);
  if (config.encryptionKey !== null) {
    return {
      keys: { current: parseKey(config.encryptionKey)!, previous },
      source: 'env',
      file: null,
      generated: false,
    };
  }
  ensurePrivateDir(config.dataDir);
  const file = join(config.dataDir, KEY_FILE);
  const { key, created } = createKeyFile(file);
  const next = join(config.dataDir, NEXT_KEY_FILE);
  if (existsSync(next)) previous.push(readKeyFile(next));
  return { keys: { current: key, previous }, source: 'file', file, generated: created };
}

/** The key ids, for messages: which key is in use, never the key. */
export function describeKeys(keys: EncryptionKeys): string {
  const ids = [keyIdOf(keys.current), ...keys.previous.map(keyIdOf)];
  return ids.length === 1
    ? `key ${ids[0]}`
    : `key ${ids[0]} (also opening ${ids.slice(1).join(', ')})`;
}
