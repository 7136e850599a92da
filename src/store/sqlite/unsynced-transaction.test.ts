import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from 'better-sqlite3';
import { openSqlite } from './open.js';
import { unsyncedTransaction } from './unsynced-transaction.js';

describe('unsyncedTransaction', () => {
  let dir: string;
  let db: Database;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'hookline-unsynced-'));
    db = openSqlite(join(dir, 'test.db'), 'full');
    db.exec('CREATE TABLE t (x INTEGER)');
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const frames = () => (db.pragma('wal_checkpoint(PASSIVE)') as Array<{ log: number }>)[0].log;
  const insert = (x: number) => db.prepare('INSERT INTO t VALUES (?)').run(x);

  it('commits, then restores the sync level and the automatic checkpoint, even after a throw', () => {
    expect(unsyncedTransaction(db, () => insert(1).changes)).toBe(1);
    expect(() =>
      unsyncedTransaction(db, () => {
        insert(2);
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(db.prepare('SELECT x FROM t').pluck().all()).toEqual([1]);
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
  });

  it('leaves the checkpoint to the next durable commit', () => {
    db.pragma('wal_autocheckpoint = 1');
    insert(0); // durable, checkpointed: the next write starts the WAL over
    unsyncedTransaction(db, () => insert(1));
    insert(2);
    // Not checkpointed, the unsynced commit's frames were still live: the last write appended to them.
    // (Checkpointed, they would have been marked done, and the last write would have started over.)
    const afterBoth = frames();
    insert(3); // starts over, after the last write's checkpoint
    expect(frames()).toBeLessThan(afterBoth);
  });
});
