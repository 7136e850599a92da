import type { AttemptResult, RecordedResults, RecordRules, Store } from '../store/store.js';
import type { Clock } from '../lib/clock.js';

interface Waiting {
  result: AttemptResult;
  done: (error?: unknown) => void;
}

/**
 * Group commit of attempt results: results arriving while a write is in progress are written
 * together by the next one. A result's promise settles only once it is committed.
 */
export class ResultWriter {
  private queue: Waiting[] = [];
  private writing = false;

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly rules: RecordRules = {},
    /** Told of every committed batch. */
    private readonly onRecorded: (
      results: AttemptResult[],
      recorded: RecordedResults,
    ) => void = () => {},
    private readonly maxBatch = 1000,
  ) {}

  write(result: AttemptResult): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ result, done: (error) => (error ? reject(error) : resolve()) });
      if (!this.writing) void this.pump();
    });
  }

  private async pump(): Promise<void> {
    this.writing = true;
    try {
      while (this.queue.length > 0) {
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
