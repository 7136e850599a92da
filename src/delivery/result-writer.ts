import type { AttemptResult, RecordedResults, RecordRules, Store } from '../store/store.js';
import type { Clock } from '../lib/clock.js';

interface Waiting {
  result: AttemptResult;
  /** Something waits on this result's commit (see ResultWriter.write). */
  urgent: boolean;
  /** performance.now() when it was queued. */
  queuedAt: number;
  done: (error?: unknown) => void;
}

export interface ResultWriterOptions {
  /** Results in one write at most. */
  maxBatch?: number;
  /**
   * A write waits until its oldest result has waited this long (real time; 0: never waits), so
   * that results arriving meanwhile share it, unless one of them is urgent or the batch is full.
   * Under load the previous write already took that long, so it adds nothing there.
   */
  lingerMs?: number;
}

/**
 * Group commit of attempt results: results arriving while a write is in progress are written
 * together by the next one. A result's promise settles only once it is committed.
 */
export class ResultWriter {
  private queue: Waiting[] = [];
  private writing = false;
  private readonly maxBatch: number;
  private readonly lingerMs: number;
  /** Ends a linger early: an urgent result came, or the batch filled. */
  private stopLingering: (() => void) | null = null;

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly rules: RecordRules = {},
    /** Told of every committed batch. */
    private readonly onRecorded: (
      results: AttemptResult[],
      recorded: RecordedResults,
    ) => void = () => {},
    options: ResultWriterOptions = {},
  ) {
    this.maxBatch = options.maxBatch ?? 1000;
    this.lingerMs = options.lingerMs ?? 0;
  }

  /** `urgent`: something waits on this commit, so it does not linger (the next of an ordered line). */
  write(result: AttemptResult, urgent = false): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({
        result,
        urgent,
        queuedAt: performance.now(),
        done: (error) => (error ? reject(error) : resolve()),
      });
      if (this.stopLingering && (urgent || this.queue.length >= this.maxBatch))
        this.stopLingering();
      if (!this.writing) void this.pump();
    });
  }

  /**
   * Something now waits on what is queued (a claim for a slot, the claim loop for room): it is
   * written without lingering further.
   */
  flush(): void {
    if (this.queue.length === 0) return;
    for (const w of this.queue) w.urgent = true;
    this.stopLingering?.();
  }

  /** How long the next write should still wait for more results (0: not at all). */
  private lingerLeft(): number {
    if (this.lingerMs <= 0 || this.queue.length >= this.maxBatch) return 0;
    if (this.queue.some((w) => w.urgent)) return 0;
    return Math.max(0, this.queue[0]!.queuedAt + this.lingerMs - performance.now());
  }

  private async linger(ms: number): Promise<void> {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.stopLingering = () => {
        clearTimeout(timer);
        resolve();
      };
    });
    this.stopLingering = null;
  }

  private async pump(): Promise<void> {
    this.writing = true;
    try {
      while (this.queue.length > 0) {
        const wait = this.lingerLeft();
        if (wait > 0) await this.linger(wait);
        const batch = this.queue.splice(0, this.maxBatch);
        try {
          const results = batch.map((w) => w.result);
          const recorded = await this.store.recordAttempts(results, this.clock.now(), this.rules);
          this.onRecorded(results, recorded);
          for (const w of batch) w.done();
        } catch (error) {
          for (const w of batch) w.done(error);
        }
      }
    } finally {
      this.writing = false;
    }
  }
}
