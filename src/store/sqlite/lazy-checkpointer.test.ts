import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TEST_KEYS } from '../../../test/helpers/encryption.js';
import { fileSize, until, walProgress } from '../../../test/helpers/wal-progress.js';
import { CHECKPOINT_START_BYTES, LazyCheckpointer } from './lazy-checkpointer.js';
import { openSqlite } from './open.js';
import { SqliteStore } from './sqlite-store.js';

const POLICY = { intervalMs: 5, limitFrames: 10_000, restartWaitMs: 100 };
/** Never fires within a test: the test looks itself (check()). */
const HOUR = 3_600_000;

/** Every frame of the WAL copied into the database: only the checkpoint thread copies here. */
const copiedAll = (file: string) => {
  const { frames, copied } = walProgress(file);
  return frames > 0 && copied === frames;
};

describe('the checkpoint thread, started once the WAL has grown', () => {
  let dir: string;
  let file: string;
  let writer: Database.Database;
  let lazy: LazyCheckpointer | null = null;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'hookline-lazy-checkpoint-'));
    file = join(dir, 'test.db');
    writer = openSqlite(file, 'full');
    // As the store thread runs: its commits never checkpoint.
    writer.pragma('wal_autocheckpoint = 0');
    writer.exec('CREATE TABLE t (n INTEGER PRIMARY KEY, body BLOB)');
  });
  afterEach(async () => {
    await lazy?.stop();
    lazy = null;
    if (writer.open) writer.close();
    rmSync(dir, { recursive: true, force: true });
  });

  // About `pages` pages of 4 KiB, one transaction.
  let next = 0;
  const write = (pages: number) =>
    writer.transaction(() => {
      const insert = writer.prepare('INSERT INTO t (n, body) VALUES (?, randomblob(4000))');
      for (let i = 0; i < pages; i++) insert.run(next++);
    })();

  it('runs no thread while the WAL is under the mark, and one that copies it once past', async () => {
    lazy = new LazyCheckpointer(file, POLICY, { startBytes: 1024 * 1024, watchMs: HOUR });
    write(100);
    lazy.check();
    expect(fileSize(`${file}-wal`)).toBeLessThan(1024 * 1024);
    expect(lazy.started).toBe(false);
    expect(walProgress(file).copied).toBe(0);

    write(200);
    lazy.check();
    expect(lazy.started).toBe(true);
    // The thread copies the WAL, and keeps doing so for later commits.
    await until('the WAL copied into the database', () => copiedAll(file));
    write(50);
    await until('the next commit copied too', () => copiedAll(file));
    await lazy.stop();
    expect(writer.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 350 });
  });

  it('looks by itself, every watchMs', async () => {
    lazy = new LazyCheckpointer(file, POLICY, { startBytes: 256 * 1024, watchMs: 5 });
    write(100);
    await until('the thread started', () => lazy!.started);
    await until('the WAL copied into the database', () => copiedAll(file));
  });

  it('once stopped, starts nothing', async () => {
    lazy = new LazyCheckpointer(file, POLICY, { startBytes: 256 * 1024, watchMs: HOUR });
    await lazy.stop();
    write(100);
    lazy.check();
    expect(lazy.started).toBe(false);
  });

  it('starts at once on a WAL left past the mark (a crash before any checkpoint)', () => {
    write(100);
    lazy = new LazyCheckpointer(file, POLICY, { startBytes: 256 * 1024, watchMs: HOUR });
    lazy.check();
    expect(lazy.started).toBe(true);
  });
});

describe('a store with background checkpoints', () => {
  it('starts the thread once its WAL passes 4 MiB, and stops it on close', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hookline-lazy-store-'));
    const file = join(dir, 'store.db');
    const store = new SqliteStore({ file, encryption: TEST_KEYS, checkpoints: 'background' });
    try {
      await store.migrate();
      // Nothing in this store checkpoints but the thread: the writer's own checkpoint is off.
      expect(store.db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
      store.db.exec('CREATE TABLE filler (n INTEGER PRIMARY KEY, body BLOB)');
      const insert = store.db.prepare('INSERT INTO filler (n, body) VALUES (?, randomblob(4000))');
      const pages = Math.ceil((CHECKPOINT_START_BYTES * 1.25) / 4096);
      store.db.transaction(() => {
        for (let i = 0; i < pages; i++) insert.run(i);
      })();
      expect(fileSize(`${file}-wal`)).toBeGreaterThan(CHECKPOINT_START_BYTES);
      await until('the WAL copied into the database', () => copiedAll(file));
    } finally {
      await store.close();
    }
    // Closed cleanly: the writer, last, checkpointed and removed the WAL.
    expect(fileSize(`${file}-wal`)).toBe(0);
    const reopened = new Database(file, { readonly: true });
    try {
      expect(reopened.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      reopened.close();
    }
    rmSync(dir, { recursive: true, force: true });
  });
});
