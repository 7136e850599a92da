import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { ThreadedSqliteStore } from '../../src/store/sqlite/threaded-store.js';
import type { StoreHarness } from './suite.js';
import { TEST_KEYS } from '../helpers/encryption.js';

/**
 * Stores in one temp folder per test file (made in setup, removed in teardown); each test gets a
 * new, migrated database file. No peers: on SQLite one process owns the file.
 *
 * The file is a copy of one the real migrations made once per test file (closed, so the WAL is
 * folded in): running every migration again per test, each an fsynced transaction, cost more
 * than most tests themselves. The store still migrates on open (nothing left to apply).
 */
export function sqliteHarness(label: string, options: { threaded?: boolean } = {}): StoreHarness {
  let dir = '';
  let template = '';
  let n = 0;
  return {
    async setup() {
      dir = mkdtempSync(join(tmpdir(), `hookline-${label}-`));
      template = join(dir, 'migrated.db');
      const store = new SqliteStore({ file: template, encryption: TEST_KEYS });
      await store.migrate();
      await store.close();
    },
    async teardown() {
      rmSync(dir, { recursive: true, force: true });
    },
    async open() {
      const file = join(dir, `store-${n++}.db`);
      copyFileSync(template, file);
      const store = options.threaded
        ? new ThreadedSqliteStore({ file, encryption: TEST_KEYS })
        : new SqliteStore({ file, encryption: TEST_KEYS });
      await store.migrate();
      return store;
    },
  };
}
