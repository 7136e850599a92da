/**
 * Group commit for PostgreSQL writes: items that arrive while earlier groups are being written wait
 * and go together in the next one, so a burst of concurrent requests costs one statement and one
 * commit instead of one each. At most `maxInFlight` groups are written at a time; one that finds
 * nothing queued ends. `write` answers every item of its group, in order (an answer may still be
 * on its way: an item that could not go with the group is written alone), or throws for all.
 */
export interface GroupCommitOptions<I, R> {
  write: (items: I[]) => Promise<Array<R | Promise<R>>>;
  /** Groups written at once (each holds one pooled connection). */
  maxInFlight: number;
  /** Items in one group at most; the rest wait for the next. */
  maxItems: number;
}

interface Waiting<I, R> {
  item: I;
  resolve: (value: R | PromiseLike<R>) => void;
  reject: (error: unknown) => void;
}

export class PgGroupCommit<I, R> {
  private queue: Array<Waiting<I, R>> = [];
  private inFlight = 0;
  private scheduled = false;

  constructor(private readonly options: GroupCommitOptions<I, R>) {}

  run(item: I): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      // Wait for the rest of this tick's arrivals (a batch route issues all its messages at once).
      if (!this.scheduled && this.inFlight < this.options.maxInFlight) {
        this.scheduled = true;
        setImmediate(() => {
          this.scheduled = false;
          this.next();
        });
      }
    });
  }

  private next(): void {
    while (this.queue.length > 0 && this.inFlight < this.options.maxInFlight) {
      const group = this.queue.splice(0, this.options.maxItems);
      this.inFlight++;
      void this.write(group).finally(() => {
        this.inFlight--;
        this.next();
      });
    }
  }

  private async write(group: Array<Waiting<I, R>>): Promise<void> {
    try {
      const results = await this.options.write(group.map((w) => w.item));
      group.forEach((w, i) => w.resolve(results[i]));
    } catch (error) {
      for (const w of group) w.reject(error);
    }
  }
}
