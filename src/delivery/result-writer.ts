import type { AttemptResult, RecordRules, Store } from '../store/store.js';
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
          await this.store.recordAttempts(
            batch.map((w) => w.result),
            this.clock.now(),
            this.rules,
          );
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
