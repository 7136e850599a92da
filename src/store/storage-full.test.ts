import { describe, expect, it } from 'vitest';
import { HooklineError } from '../lib/errors.js';
import { isStorageFull, storageFull } from './storage-full.js';

const withCode = (code: string) => Object.assign(new Error('x'), { code });

describe('isStorageFull', () => {
  it('knows SQLite, PostgreSQL and file-system "no room" errors', () => {
    for (const code of ['SQLITE_FULL', '53100', 'ENOSPC', 'EDQUOT'])
      expect(isStorageFull(withCode(code)), code).toBe(true);
    expect(isStorageFull(storageFull())).toBe(true);
    expect(storageFull().status).toBe(507);
  });

  it('leaves other errors alone', () => {
    for (const error of [
      withCode('SQLITE_BUSY'),
      withCode('53300'),
      withCode('ECONNREFUSED'),
      new Error('plain'),
      new HooklineError('store_unavailable', 'down'),
      null,
      'SQLITE_FULL',
    ])
      expect(isStorageFull(error)).toBe(false);
  });
});
