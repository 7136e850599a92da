import { statSync } from 'node:fs';
import { DEFAULT_CHECKPOINT_POLICY, type CheckpointPolicy } from './checkpoint-policy.js';
import { Checkpointer } from './checkpointer.js';

/** SQLite's own mark for a checkpoint (1,000 pages of 4 KiB): the WAL size that starts the thread. */
export const CHECKPOINT_START_BYTES = 4 * 1024 * 1024;

export interface LazyCheckpointerOptions {
  /** The WAL file size past which the thread starts. */
  startBytes?: number;
  /** How often the WAL's size is looked at until then. */
  watchMs?: number;
}

/**
 * The checkpoint thread (checkpointer.ts), started only once the WAL has grown past `startBytes`:
 * a store that writes little (an idle server, each test's store) never runs a thread for it. Until
 * then nothing checkpoints (the writer's automatic checkpoint is off), so the WAL only grows, and
 * its file size says how much there is to copy; a WAL left large by a crash starts the thread at
 * the first look. Looking is a stat of the file from the writer's thread: no lock, no query.
 */
export class LazyCheckpointer {
  private checkpointer: Checkpointer | null = null;
  private readonly timer: NodeJS.Timeout;
  private stopped = false;
  private readonly startBytes: number;

  constructor(
    private readonly file: string,
    private readonly policy: CheckpointPolicy = DEFAULT_CHECKPOINT_POLICY,
    options: LazyCheckpointerOptions = {},
  ) {
    this.startBytes = options.startBytes ?? CHECKPOINT_START_BYTES;
    this.timer = setInterval(() => this.check(), options.watchMs ?? policy.intervalMs);
    // Never holds the process open, as the thread itself does not.
    this.timer.unref();
  }

  /** Whether the thread runs. */
  get started(): boolean {
    return this.checkpointer !== null;
  }

  /** Starts the thread if the WAL is past the mark (the timer calls it; so may a caller). */
  check(): void {
    if (this.stopped || this.checkpointer) return;
    if (walSize(this.file) <= this.startBytes) return;
    clearInterval(this.timer);
    this.checkpointer = new Checkpointer(this.file, this.policy);
  }

  /** Stops looking and ends the thread if it runs; the writer's close runs the last checkpoint. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.checkpointer?.stop();
  }
}

function walSize(file: string): number {
  try {
    return statSync(`${file}-wal`).size;
  } catch {
    return 0;
  }
}
