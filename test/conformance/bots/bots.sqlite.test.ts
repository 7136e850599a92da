import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStore } from '../../../src/store/sqlite/sqlite-store.js';
import { describeBotStoreConformance } from './bot-suite.js';

let dir = '';
let n = 0;

describeBotStoreConformance('sqlite', {
  async setup() {
    dir = mkdtempSync(join(tmpdir(), 'hookline-bots-'));
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
