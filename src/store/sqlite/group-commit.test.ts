import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { GroupCommit } from './group-commit.js';

/** The hook that closes each group commit (parked claims take their work in it). */
function setup(lastInTransaction: () => (() => void) | null) {
  const db = new Database(':memory:');
  db.exec('CREATE TABLE t (v TEXT NOT NULL)');
  const insert = db.prepare('INSERT INTO t (v) VALUES (?)');
  const seen: string[] = [];
  const commits = new GroupCommit(db, {
    pending: () => true,
    lastInTransaction,
    onError: () => seen.push('onError'),
  });
  const rows = () =>
    (db.prepare('SELECT v FROM t ORDER BY rowid').all() as { v: string }[]).map((r) => r.v);
  return { db, insert, seen, commits, rows };
}

describe('the hook that closes a group commit', () => {
  for (const writes of [1, 3]) {
    it(`writes in the same transaction as ${writes} write(s), and runs its follow-up after the commit`, async () => {
      const t = setup(() => {
        t.insert.run('hook');
        const inTransaction = t.db.inTransaction;
        return () =>
          t.seen.push(
            `after (in transaction while hooked: ${inTransaction}, now: ${t.db.inTransaction})`,
          );
      });
      await Promise.all(
        Array.from({ length: writes }, (_, i) => t.commits.run(() => t.insert.run(`w${i}`))),
      );
      expect(t.rows()).toEqual([...Array.from({ length: writes }, (_, i) => `w${i}`), 'hook']);
      expect(t.seen).toEqual(['after (in transaction while hooked: true, now: false)']);
    });
  }

  it('rolls back alone when it throws: the writes commit and onError runs instead', async () => {
    const t = setup(() => {
      t.insert.run('hook');
      throw new Error('claim failed');
    });
    await Promise.all([
      t.commits.run(() => t.insert.run('a')),
      t.commits.run(() => t.insert.run('b')),
    ]);
    await t.commits.run(() => t.insert.run('c'));
    expect(t.rows()).toEqual(['a', 'b', 'c']);
    expect(t.seen).toEqual(['onError', 'onError']);
  });

  it('runs once when a write of the batch fails: that write rolls back alone, part-written or not', async () => {
    const t = setup(() => {
      t.insert.run('hook');
      return () => t.seen.push('after');
    });
    const results = await Promise.allSettled([
      t.commits.run(() => t.insert.run('a')),
      t.commits.run(() => {
        t.insert.run('half');
        t.insert.run(null);
      }),
      t.commits.run(() => t.insert.run('b')),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(t.rows()).toEqual(['a', 'b', 'hook']);
    expect(t.seen).toEqual(['after']);
  });

  it('does not run for a write that fails alone (its transaction rolled back)', async () => {
    const t = setup(() => {
      t.seen.push('hooked');
      return null;
    });
    await expect(t.commits.run(() => t.insert.run(null))).rejects.toThrow(/NOT NULL/);
    expect(t.seen).toEqual([]);
    expect(t.rows()).toEqual([]);
  });
});
