import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { TEST_KEYS } from '../../../test/helpers/encryption.js';
import { createApp, send, T0 } from '../../../test/conformance/fixtures.js';
import { inTransaction } from './in-transaction.js';
import { SqliteStore } from './sqlite-store.js';

/**
 * Another connection holds the write lock without writing, as a RESTART checkpoint does, for
 * `ms`; resolves once it holds it.
 */
async function holdWriteLock(file: string, ms: number): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    [
      '-e',
      `const db = require('better-sqlite3')(${JSON.stringify(file)});
       db.exec('BEGIN IMMEDIATE');
       process.stdout.write('locked\\n');
       Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ${ms});
       db.exec('ROLLBACK');`,
    ],
    { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const [line] = (await once(child.stdout!, 'data')) as [Buffer];
  expect(line.toString()).toBe('locked\n');
  return child;
}

describe('a store write that reads first, while another connection holds the write lock', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hookline-write-lock-'));
  const children: ChildProcess[] = [];
  afterEach(async () => {
    for (const child of children.splice(0)) if (child.exitCode === null) await once(child, 'exit');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  // A deferred transaction that has read cannot wait for the lock: SQLite fails its first write
  // with SQLITE_BUSY at once, whatever busy_timeout says (this was a 500 from POST /purge).
  it('waits for the lock, as busy_timeout says, instead of failing: a purge step', async () => {
    const file = join(dir, 'purge.db');
    const store = new SqliteStore({ file, encryption: TEST_KEYS });
    await store.migrate();
    const app = await createApp(store);
    await send(store, app.id, { createdAt: T0 });
    children.push(await holdWriteLock(file, 1000));
    const step = await store.purgeMessages({
      before: T0 + 10,
      after: null,
      now: T0 + 10,
      limit: 10,
    });
    expect(step.messages).toBe(1);
    await store.close();
  });

  it('waits for the lock instead of failing: any transaction of inTransaction', async () => {
    const file = join(dir, 'raw.db');
    const store = new SqliteStore({ file, encryption: TEST_KEYS });
    await store.migrate();
    const db = store.db;
    db.exec('CREATE TABLE counter (n INTEGER NOT NULL)');
    db.exec('INSERT INTO counter VALUES (0)');
    children.push(await holdWriteLock(file, 1000));
    inTransaction(db, () => {
      const n = db.prepare('SELECT n FROM counter').pluck().get() as number;
      db.prepare('UPDATE counter SET n = ?').run(n + 1);
    });
    expect(db.prepare('SELECT n FROM counter').pluck().get()).toBe(1);
    await store.close();
  });
});
