import { fstatSync, mkdtempSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WalSync, type SyncFile } from './wal-sync.js';

/** A sync that finishes when the test says so, recording which file each one was for. */
function manualSync() {
  const runs: Array<{ ino: number; finish: (error?: Error) => void }> = [];
  const sync: SyncFile = (fd, done) => {
    runs.push({ ino: fstatSync(fd).ino, finish: (error) => done(error ?? null) });
  };
  return { sync, runs };
}

/** Lets the queued microtasks run (a sync begins once the answers of the turn are in). */
const settled = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('syncing the WAL beside the writer', () => {
  let dir: string;
  let wal: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'hookline-wal-sync-'));
    wal = join(dir, 'hookline.db-wal');
    writeFileSync(wal, 'frames');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('answers only after a sync that began after the commit', async () => {
    const { sync, runs } = manualSync();
    const walSync = new WalSync(wal, sync);
    const answered: string[] = [];
    walSync.afterSync(() => answered.push('first'));
    await settled();
    expect(runs).toHaveLength(1);
    // Committed while the first sync runs: that sync may have missed it, so one more begins now.
    walSync.afterSync(() => answered.push('second'));
    await settled();
    expect(runs).toHaveLength(2);
    runs[0].finish();
    expect(answered).toEqual(['first']);
    runs[1].finish();
    expect(answered).toEqual(['first', 'second']);
    expect(walSync.completed).toBe(2);
  });

  it('lets the answers of one turn share one sync', async () => {
    const { sync, runs } = manualSync();
    const walSync = new WalSync(wal, sync);
    const answered: number[] = [];
    for (let i = 0; i < 5; i++) walSync.afterSync(() => answered.push(i));
    await settled();
    expect(runs).toHaveLength(1);
    runs[0].finish();
    expect(answered).toEqual([0, 1, 2, 3, 4]);
  });

  it('runs a few syncs at once, and the commits made while all run share the next', async () => {
    const { sync, runs } = manualSync();
    const walSync = new WalSync(wal, sync, 2);
    const answered: number[] = [];
    for (let i = 0; i < 5; i++) {
      walSync.afterSync(() => answered.push(i));
      await settled();
    }
    expect(runs).toHaveLength(2);
    // The later sync may end first: it answers its own commit only.
    runs[1].finish();
    expect(answered).toEqual([1]);
    expect(runs).toHaveLength(3);
    runs[0].finish();
    runs[2].finish();
    expect(answered).toEqual([1, 0, 2, 3, 4]);
  });

  it('tells the waiting callers when a sync fails, and syncs again for the next', async () => {
    const { sync, runs } = manualSync();
    const walSync = new WalSync(wal, sync);
    const outcomes: Array<string | null> = [];
    walSync.afterSync((error) => outcomes.push(error?.message ?? null));
    await settled();
    runs[0].finish(new Error('EIO: i/o error, fdatasync'));
    walSync.afterSync((error) => outcomes.push(error?.message ?? null));
    await settled();
    runs[1].finish();
    expect(outcomes).toEqual(['EIO: i/o error, fdatasync', null]);
    expect(walSync.completed).toBe(1);
  });

  it('fails a sync that ran while another reported a failure (Linux reports it to one of them)', async () => {
    const { sync, runs } = manualSync();
    const walSync = new WalSync(wal, sync);
    const outcomes: Array<string | null> = [];
    walSync.afterSync((error) => outcomes.push(error?.message ?? null));
    await settled();
    walSync.afterSync((error) => outcomes.push(error?.message ?? null));
    await settled();
    runs[0].finish(new Error('EIO: i/o error, fdatasync'));
    runs[1].finish();
    expect(outcomes[0]).toMatch(/EIO/);
    expect(outcomes[1]).toMatch(/failed write/);
    expect(walSync.completed).toBe(0);
  });

  it('has nothing to sync while there is no WAL file', async () => {
    unlinkSync(wal);
    const { sync, runs } = manualSync();
    const outcomes: Array<Error | null> = [];
    new WalSync(wal, sync).afterSync((error) => outcomes.push(error));
    await settled();
    expect(outcomes).toEqual([null]);
    expect(runs).toHaveLength(0);
  });

  it('syncs the WAL file there is now, should it have been replaced', async () => {
    const { sync, runs } = manualSync();
    const walSync = new WalSync(wal, sync);
    walSync.afterSync(() => undefined);
    await settled();
    runs[0].finish();
    unlinkSync(wal);
    writeFileSync(wal, 'new frames');
    walSync.afterSync(() => undefined);
    await settled();
    expect(runs[1].ino).toBe(statSync(wal).ino);
    expect(runs[1].ino).not.toBe(runs[0].ino);
  });

  it('syncs a real file with fdatasync, and close waits for the sync under way', async () => {
    const walSync = new WalSync(wal);
    const first = new Promise<Error | null>((resolve) => walSync.afterSync(resolve));
    await walSync.close();
    expect(await first).toBeNull();
    expect(walSync.completed).toBe(1);
    const late = await new Promise<Error | null>((resolve) => walSync.afterSync(resolve));
    expect(late?.message).toMatch(/closed/);
  });
});
