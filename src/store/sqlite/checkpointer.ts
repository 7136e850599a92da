import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import { DEFAULT_CHECKPOINT_POLICY, type CheckpointPolicy } from './checkpoint-policy.js';

// Run from TypeScript sources (tests), the worker registers the tsx loader first; built code runs as is.
const FROM_SOURCE = import.meta.url.endsWith('.ts');
const WORKER_URL = new URL(`./checkpoint-worker.${FROM_SOURCE ? 'ts' : 'js'}`, import.meta.url);

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
  /** The last failure the thread reported (SQLITE_BUSY past its wait), for tests and logs. */
  lastError: string | null = null;

  constructor(file: string, policy: CheckpointPolicy = DEFAULT_CHECKPOINT_POLICY) {
    const workerData = { file, policy };
    this.worker = FROM_SOURCE
      ? new Worker(
          `import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(WORKER_URL.href)}); })`,
          { eval: true, workerData },
        )
      : new Worker(WORKER_URL, { workerData });
    this.worker.on('message', (message: { error?: string }) => {
      if (message.error) this.lastError = message.error;
    });
    // It never holds the process open: the store's close() stops it, and a crash loses nothing.
    this.worker.unref();
  }

  /** Ends the thread; the writer's close then runs the last checkpoint itself. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    const exited = once(this.worker, 'exit');
    this.worker.postMessage({ stop: true });
    await exited;
  }
}
