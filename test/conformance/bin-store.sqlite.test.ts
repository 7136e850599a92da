import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { describeBinStoreConformance } from './bin-store.js';

let dir = '';
let n = 0;

describeBinStoreConformance('sqlite', {
  async setup() {
    dir = mkdtempSync(join(tmpdir(), 'hookline-bins-'));
  },
  async teardown() {
    rmSync(dir, { recursive: true, force: true });
  },
  async open() {
    const store = new SqliteStore({ file: join(dir, `store-${n++}.db`) });
    await store.migrate();
    return store;
  },
});
