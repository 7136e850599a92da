import { once } from 'node:events';
import type { Worker } from 'node:worker_threads';
import { startWorker } from '../../lib/start-worker.js';
import { DEFAULT_CHECKPOINT_POLICY, type CheckpointPolicy } from './checkpoint-policy.js';

/**
 * Copies the WAL into the database file from a thread of its own (checkpoint-worker.ts), in place
 * of SQLite's automatic checkpoint, which runs inside whichever commit crosses 1,000 pages: there
 * it held up every message acknowledged by that commit while it copied and synced the file. The
 * writer turns its automatic checkpoint off; a PASSIVE checkpoint never blocks it, and the WAL is
 * kept bounded by a TRUNCATE only when a reader kept it from being started over.
 */
export class Checkpointer {
  private readonly worker: Worker;
  private stopped = false;

  constructor(file: string, policy: CheckpointPolicy = DEFAULT_CHECKPOINT_POLICY) {
    this.worker = startWorker(import.meta.url, 'checkpoint-worker', { file, policy });
    // It never holds the process open: the store's close() stops it, and a crash loses nothing.
    this.worker.unref();
  }

  /** Ends the thread; the writer's close then runs the last checkpoint itself. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    // Held open until it is gone: else a process with nothing else to do would exit mid-close.
    this.worker.ref();
    const exited = once(this.worker, 'exit');
    this.worker.postMessage({ stop: true });
    await exited;
  }
}
