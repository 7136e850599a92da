import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Checkpointer } from './checkpointer.js';
import { DEFAULT_CHECKPOINT_POLICY } from './checkpoint-policy.js';
import { fileSize as size, until, walProgress } from '../../../test/helpers/wal-progress.js';
import { openSqlite } from './open.js';

describe('the checkpoint thread', () => {
  let dir: string;
  let file: string;
  let writer: Database.Database;
  let checkpointer: Checkpointer | null = null;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'hookline-checkpoint-'));
    file = join(dir, 'test.db');
    writer = openSqlite(file, 'full');
    // As the store thread runs: its commits never checkpoint.
    writer.pragma('wal_autocheckpoint = 0');
    writer.exec('CREATE TABLE t (n INTEGER PRIMARY KEY, body BLOB)');
  });
  afterEach(async () => {
    await checkpointer?.stop();
    checkpointer = null;
    if (writer.open) writer.close();
    rmSync(dir, { recursive: true, force: true });
  });

  // About 250 pages of 4 KiB, one transaction.
  const writeMegabyte = (round: number) =>
    writer.transaction(() => {
      const insert = writer.prepare('INSERT INTO t (n, body) VALUES (?, randomblob(4000))');
      for (let i = 0; i < 250; i++) insert.run(round * 1000 + i);
    })();

  it('copies the WAL into the database, so the writer keeps starting it over: it stays small', async () => {
    checkpointer = new Checkpointer(file, {
      intervalMs: 5,
      limitFrames: 10_000,
      restartWaitMs: 100,
    });
    const rounds = 20;
    for (let round = 0; round < rounds; round++) {
      writeMegabyte(round);
      await until(`round ${round} copied into the database`, () => {
        const { frames, copied } = walProgress(file);
        return frames > 0 && copied === frames;
      });
    }
    // 20 MB written; the WAL holds about one round (it is reused from its start, not appended to).
    expect(size(`${file}-wal`)).toBeLessThan(3 * 250 * 4096);
    expect(writer.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: rounds * 250 });
  });

  it('starts a WAL past its limit over once the reader that held it back lets go', async () => {
    // The default wait, short as it is, is enough for the RESTART to get through.
    const { restartWaitMs } = DEFAULT_CHECKPOINT_POLICY;
    checkpointer = new Checkpointer(file, { intervalMs: 5, limitFrames: 100, restartWaitMs });
    const reader = new Database(file, { readonly: true });
    try {
      // A reader on an old snapshot: no checkpoint can pass it, so the WAL only grows.
      reader.exec('BEGIN');
      reader.prepare('SELECT count(*) FROM t').get();
      for (let round = 0; round < 4; round++) writeMegabyte(round);
      const grown = size(`${file}-wal`);
      expect(grown).toBeGreaterThan(4 * 250 * 4000);
      reader.exec('COMMIT');
      // Past the limit, the thread's RESTART copies every frame, so the writer's next commit
      // starts the WAL over from its beginning: written over in place, neither cut nor grown.
      await until('every frame copied', () => {
        const { frames, copied } = walProgress(file);
        return frames > 1000 && copied === frames;
      });
      writeMegabyte(4);
      expect(walProgress(file).frames).toBeLessThan(300);
      expect(size(`${file}-wal`)).toBe(grown);
      expect(reader.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 1250 });
    } finally {
      reader.close();
    }
  });

  it('never holds the writer off while a reader pins an old snapshot, however large the WAL', async () => {
    checkpointer = new Checkpointer(file, { intervalMs: 5, limitFrames: 100, restartWaitMs: 300 });
    // A commit that meets a checkpoint holding the write lock fails at once instead of waiting.
    writer.pragma('busy_timeout = 0');
    const reader = new Database(file, { readonly: true });
    try {
      reader.exec('BEGIN');
      reader.prepare('SELECT count(*) FROM t').get();
      for (let round = 0; round < 4; round++) writeMegabyte(round);
      expect(walProgress(file).frames).toBeGreaterThan(100);
      // Many checkpoint ticks with the WAL past its limit: a RESTART would wait for the reader
      // holding the write lock, and these commits would fail with SQLITE_BUSY.
      const insert = writer.prepare('INSERT INTO t (n, body) VALUES (?, randomblob(100))');
      for (let i = 0; i < 150; i++) {
        insert.run(100_000 + i);
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
      reader.exec('COMMIT');
      expect(writer.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 1150 });
    } finally {
      reader.close();
    }
  });

  it('loses no acknowledged commit when the process is killed while checkpoints run', async () => {
    writer.close();
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        join(import.meta.dirname, '../../../test/helpers/checkpointed-writer.ts'),
        file,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let acked = 0;
    let checkpointed = false;
    child.stdout.on('data', (chunk: Buffer) => {
      const last = /acked (\d+)\n$/.exec(chunk.toString());
      if (last) acked = Number(last[1]);
    });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    // Killed once checkpoints have copied several megabytes into the database file.
    await until(
      'checkpoints under way',
      () => {
        checkpointed = size(file) > 4_000_000;
        return checkpointed && acked > 0;
      },
      60_000,
    );
    child.kill('SIGKILL');
    await exited;
    const ackedAtKill = acked;
    const reopened = new Database(file);
    try {
      const { n } = reopened.prepare('SELECT max(n) AS n FROM t').get() as { n: number };
      expect(n).toBeGreaterThanOrEqual(ackedAtKill);
      expect(reopened.prepare('SELECT count(*) AS c FROM t').get()).toEqual({ c: n });
      expect(reopened.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      reopened.close();
    }
  }, 90_000);
});
