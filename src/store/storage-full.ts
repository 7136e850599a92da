import { HooklineError } from '../lib/errors.js';

/**
 * Errors that mean "no room to write": SQLite's SQLITE_FULL (a full disk, or max_page_count),
 * PostgreSQL's disk_full (53100), and the file system's ENOSPC / EDQUOT.
 */
const FULL_CODES = new Set(['SQLITE_FULL', '53100', 'ENOSPC', 'EDQUOT']);

export function isStorageFull(error: unknown): boolean {
  if (error instanceof HooklineError) return error.code === 'storage_full';
  const code =
    typeof error === 'object' && error !== null && 'code' in error
      ? String((error as { code: unknown }).code)
      : undefined;
  return code !== undefined && FULL_CODES.has(code);
}

export const storageFull = () =>
  new HooklineError(
    'storage_full',
    'the store cannot write: its disk (or its size cap) is full; nothing of this request was written; send it again once space is freed',
  );
