import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqlite, READER_CACHE_KIB, WRITER_CACHE_KIB } from './open.js';

describe('openSqlite', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hookline-open-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('caps the page caches of the writer and of a reader (KiB, as docs/operations.md says)', () => {
    const file = join(dir, 'caches.db');
    const writer = openSqlite(file, 'full');
    const reader = openSqlite(file, 'full', true);
    try {
      expect(writer.pragma('cache_size', { simple: true })).toBe(-WRITER_CACHE_KIB);
      expect(reader.pragma('cache_size', { simple: true })).toBe(-READER_CACHE_KIB);
      expect(WRITER_CACHE_KIB).toBe(8192);
    } finally {
      reader.close();
      writer.close();
    }
  });
});
