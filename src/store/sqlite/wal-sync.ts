import { closeSync, fdatasync, fstatSync, openSync, statSync } from 'node:fs';

/** Flushes a file's written data to stable storage (`fs.fdatasync`, or a test's stand-in). */
export type SyncFile = (fd: number, done: (error: Error | null) => void) => void;

/**
 * Makes commits durable off the committing thread. The writer commits without an fsync
 * (`synchronous=NORMAL`: in WAL mode the database stays consistent after a power cut, but the last
 * commits may be lost); an answer that promises durability waits, through `afterSync`, for an
 * fdatasync of the WAL file that began after its commit. One fdatasync covers every commit written
 * before it began, so commits made while one runs share the next: the writer never blocks on the
 * disk, and each answer still waits for exactly one sync of its own commit.
 */
export class WalSync {
  private fd: number | null = null;
  /** Waiting for a sync that has not begun yet. */
  private waiting: Array<(error: Error | null) => void> = [];
  private syncing = false;
  /** Waiting for the syncs to run out. */
  private drained: Array<() => void> = [];
  private closed = false;
  private syncs = 0;

  constructor(
    private readonly walFile: string,
    private readonly syncFile: SyncFile = fdatasync,
  ) {}

  /** Runs `done` once everything committed before this call is on stable storage (or the sync failed). */
  afterSync(done: (error: Error | null) => void): void {
    if (this.closed) {
      done(new Error('the store is closed'));
      return;
    }
    this.waiting.push(done);
    if (!this.syncing) this.begin();
  }

  /** Syncs completed so far (each covering every commit before it began). */
  get completed(): number {
    return this.syncs;
  }

  /** Waits for the syncs under way and those asked for, then lets go of the file. */
  async close(): Promise<void> {
    if (this.syncing) await new Promise<void>((resolve) => this.drained.push(resolve));
    this.closed = true;
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }

  private begin(): void {
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
    this.syncing = true;
    this.syncFile(fd, (error) => {
      this.syncing = false;
      if (!error) this.syncs++;
      this.settle(batch, error);
      if (this.waiting.length > 0) this.begin();
      else for (const resolve of this.drained.splice(0)) resolve();
    });
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
      closeSync(this.fd);
      this.fd = null;
    }
    if (!current) return null;
    this.fd = openSync(this.walFile, 'r+');
    return this.fd;
  }
}
