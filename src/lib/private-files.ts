import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';

/** Only the owner may list or enter it: the data folder holds secrets and the database. */
export const PRIVATE_DIR_MODE = 0o700;
/** Only the owner may read or write it: database files, key files, tokens. */
export const PRIVATE_FILE_MODE = 0o600;

/** Creates the folder 0700, or tightens an existing one (older versions created it 0755). */
export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  chmodSync(dir, PRIVATE_DIR_MODE);
}

/**
 * Creates the file empty with mode 0600 before anything else opens it, or tightens an existing one;
 * SQLite gives its -wal and -shm files the database file's mode.
 */
export function ensurePrivateFile(file: string): void {
  if (!existsSync(file)) writeFileSync(file, '', { mode: PRIVATE_FILE_MODE, flag: 'a' });
  chmodSync(file, PRIVATE_FILE_MODE);
}

/** Tightens the file when it exists (a -wal or -shm file an older version created 0644). */
export function tightenIfPresent(file: string): void {
  if (existsSync(file)) chmodSync(file, PRIVATE_FILE_MODE);
}
