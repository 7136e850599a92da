import { closeSync, fdatasync, fstatSync, openSync, statSync } from 'node:fs';
import { ioTrace, traceNow } from '../../lib/io-trace.js';

/** Flushes a file's written data to stable storage (`fs.fdatasync`, or a test's stand-in). */
export type SyncFile = (fd: number, done: (error: Error | null) => void) => void;

/**
 * Syncs that may run at once. A commit made while one runs starts its own at once, rather than
 * waiting for it to end and then for a whole sync of its own: under a checkpoint's write-back one
 * sync can take 50–100 ms, and an answer waited for up to two. Each runs on libuv's thread pool
 * (4 threads, shared by the process), so a few are allowed, not one per commit.
 */
export const SYNCS_IN_FLIGHT = 3;

const trace = ioTrace();

interface Sync {
  batch: Array<(error: Error | null) => void>;
  /** Failures reported when it began: one reported while it ran may concern its commits too. */
  failuresAtStart: number;
  startedAt: number;
  /** How long its first commit waited for it to begin (traced only). */
  waitedMs: number;
}

/**
 * Makes commits durable off the committing thread. The writer commits without an fsync
 * (`synchronous=NORMAL`: in WAL mode the database stays consistent after a power cut, but the last
 * commits may be lost); an answer that promises durability waits, through `afterSync`, for an
 * fdatasync of the WAL file that began after its commit. One fdatasync covers every commit written
 * before it began, so the commits of one turn (a group commit's answers) share one; a commit made
 * while syncs run starts the next at once, up to `SYNCS_IN_FLIGHT`: the writer never blocks on the
 * disk, and an answer waits for one sync of its own commit, not for the end of an earlier one too.
 *
 * Linux reports a write-back failure to one fdatasync of a file, not to each one under way; so a
 * sync that ran while another reported a failure fails too (its commits' pages may be the lost ones).
 */
export class WalSync {
  private fd: number | null = null;
  /** Waiting for a sync that has not begun yet. */
  private waiting: Array<(error: Error | null) => void> = [];
  private beginScheduled = false;
  private readonly running = new Set<Sync>();
  /** Waiting for the syncs to run out. */
  private drained: Array<() => void> = [];
  private closed = false;
  private syncs = 0;
  private failures = 0;
  /** Descriptors of a replaced WAL file, closed once no sync runs. */
  private retired: number[] = [];
  private firstWaitAt = 0;

  constructor(
    private readonly walFile: string,
    private readonly syncFile: SyncFile = fdatasync,
    private readonly inFlight: number = SYNCS_IN_FLIGHT,
  ) {}

  /** Runs `done` once everything committed before this call is on stable storage (or the sync failed). */
  afterSync(done: (error: Error | null) => void): void {
    if (this.closed) {
      done(new Error('the store is closed'));
      return;
    }
    if (trace && this.waiting.length === 0) this.firstWaitAt = traceNow();
    this.waiting.push(done);
    if (this.beginScheduled) return;
    this.beginScheduled = true;
    // The answers of one commit are settled in one run of microtasks: they all join this sync.
    queueMicrotask(() => {
      this.beginScheduled = false;
      this.begin();
    });
  }

  /** Syncs completed so far (each covering every commit before it began). */
  get completed(): number {
    return this.syncs;
  }

  /** Waits for the syncs under way and those asked for, then lets go of the file. */
  async close(): Promise<void> {
    if (this.beginScheduled || this.running.size > 0 || this.waiting.length > 0)
      await new Promise<void>((resolve) => this.drained.push(resolve));
    this.closed = true;
    for (const fd of this.retired.splice(0)) closeSync(fd);
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }

  private begin(): void {
    this.beginOne();
    if (this.running.size === 0 && this.waiting.length === 0 && !this.beginScheduled) {
      for (const fd of this.retired.splice(0)) closeSync(fd);
      for (const resolve of this.drained.splice(0)) resolve();
    }
  }

  private beginOne(): void {
    if (this.waiting.length === 0 || this.running.size >= this.inFlight) return;
    const batch = this.waiting;
    this.waiting = [];
    let fd: number | null;
    try {
      fd = this.file();
    } catch (error) {
      this.settle(batch, error as Error);
      return;
    }
    if (fd === null) {
      // No WAL file: nothing was committed since the last connection closed (and synced) it.
      this.settle(batch, null);
      return;
    }
    const sync: Sync = {
      batch,
      failuresAtStart: this.failures,
      startedAt: trace ? traceNow() : 0,
      waitedMs: trace ? traceNow() - this.firstWaitAt : 0,
    };
    this.running.add(sync);
    this.syncFile(fd, (error) => this.finished(sync, error));
  }

  private finished(sync: Sync, error: Error | null): void {
    this.running.delete(sync);
    trace?.span('fdatasync', sync.startedAt, {
      n: sync.batch.length,
      running: this.running.size,
      waited: +sync.waitedMs.toFixed(2),
    });
    if (error) this.failures++;
    else if (this.failures > sync.failuresAtStart)
      error = new Error('another sync of the WAL reported a failed write while this one ran');
    else this.syncs++;
    this.settle(sync.batch, error);
    this.begin();
  }

  private settle(batch: Array<(error: Error | null) => void>, error: Error | null): void {
    for (const done of batch) done(error);
  }

  /**
   * The WAL file, opened once. SQLite keeps the file while its writer is open (a checkpoint that
   * truncates it keeps the same file), so the descriptor stays valid; should the file ever be
   * replaced, it is opened again rather than syncing one no commit writes to.
   */
  private file(): number | null {
    const current = statSync(this.walFile, { throwIfNoEntry: false });
    if (this.fd !== null) {
      const open = fstatSync(this.fd);
      if (current && current.ino === open.ino && current.dev === open.dev) return this.fd;
      // A sync under way may still use it: it is closed once none runs.
      this.retired.push(this.fd);
      this.fd = null;
    }
    if (!current) return null;
    this.fd = openSync(this.walFile, 'r+');
    return this.fd;
  }
}
