import { chmodSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveAdminToken } from '../../src/app/admin-token.js';
import {
  createTenant,
  removeDataDirs,
  sendMessage,
  startHookline,
  tempDataDir,
} from '../helpers/hookline-app.js';

afterAll(removeDataDirs);

const mode = (path: string) => statSync(path).mode & 0o777;

describe('data folder and database file modes', () => {
  it('a new data folder is 0700; hookline.db, its -wal and -shm files and admin-token are 0600', async () => {
    const dataDir = join(tempDataDir(), 'data');
    const h = await startHookline({ dataDir });
    try {
      const t = await createTenant(h, { url: 'https://hooks.example.com/in' });
      await sendMessage(h, t.appId, { written: true });
      expect(mode(dataDir)).toBe(0o700);
      for (const file of ['hookline.db', 'hookline.db-wal', 'hookline.db-shm'])
        expect({ file, mode: mode(join(dataDir, file)).toString(8) }).toEqual({
          file,
          mode: '600',
        });
      resolveAdminToken(null, dataDir);
      expect(mode(join(dataDir, 'admin-token'))).toBe(0o600);
    } finally {
      await h.close();
    }
  });

  it('tightens a folder and files an older version left world-readable', async () => {
    const dataDir = join(tempDataDir(), 'old');
    mkdirSync(dataDir, { mode: 0o755 });
    chmodSync(dataDir, 0o755);
    const first = await startHookline({ dataDir });
    await first.close();
    for (const file of ['hookline.db', 'hookline.db-wal', 'hookline.db-shm']) {
      writeFileSync(join(dataDir, file), '', { flag: 'a' });
      chmodSync(join(dataDir, file), 0o644);
    }
    const again = await startHookline({ dataDir });
    try {
      expect(mode(dataDir)).toBe(0o700);
      for (const file of ['hookline.db', 'hookline.db-wal', 'hookline.db-shm'])
        expect({ file, mode: mode(join(dataDir, file)).toString(8) }).toEqual({
          file,
          mode: '600',
        });
    } finally {
      await again.close();
    }
  });
});
