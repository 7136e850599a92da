import type { ClaimArgs, ClaimedDelivery } from '../store.js';

/** What parking needs from the store: a claim now, and when the next delivery falls due. */
export interface ClaimSource {
  /** A claim in a transaction of its own. */
  claim(args: ClaimArgs): ClaimedDelivery[];
  /** The same claim inside the caller's transaction. */
  claimWithin(args: ClaimArgs): ClaimedDelivery[];
  nextDueAt(): number | null;
  now(): number;
}

interface Parked {
  args: ClaimArgs;
  /** When it is answered, empty if it must be. */
  deadline: number;
  resolve: (claimed: ClaimedDelivery[]) => void;
  timer: NodeJS.Timeout | null;
}

/**
 * Claims that wait on the writer for work instead of a dispatcher sleeping and being woken: a
 * claim that finds nothing stays here, and is run again right after each commit (the store's one
 * writer sees every write that can make work due) and when its next due time comes. The delivery
 * starts without a round trip through the thread that accepted the message, and claims share the
 * pace of the group commits. Time is the system clock's: a dispatcher on a fake clock never parks.
 */
export class ParkedClaims {
  private parked: Parked[] = [];

  constructor(private readonly source: ClaimSource) {}

  get waiting(): number {
    return this.parked.length;
  }

  /** Claims now; if nothing is due, waits (at most `args.waitMs`) for something to be. */
  claim(args: ClaimArgs & { waitMs: number }): Promise<ClaimedDelivery[]> {
    const now = this.source.claim(args);
    if (now.length > 0) return Promise.resolve(now);
    return new Promise((resolve) => {
      const entry: Parked = {
        args,
        deadline: this.source.now() + args.waitMs,
        resolve,
        timer: null,
      };
      this.parked.push(entry);
      this.plan(entry);
    });
  }

  /**
   * Inside a write transaction, after its writes: each parked claim takes what they made due, in
   * the same commit. Returns what to run once it committed: answer those that took something, and
   * plan the others' next look (the writes may have set a nearer due time).
   */
  claimWithinCommit(): () => void {
    const taken = new Map<Parked, ClaimedDelivery[]>();
    for (const entry of this.parked) {
      const claimed = this.source.claimWithin({ ...entry.args, now: this.source.now() });
      if (claimed.length > 0) taken.set(entry, claimed);
    }
    return () => {
      for (const entry of [...this.parked]) {
        const claimed = taken.get(entry);
        if (claimed) this.answer(entry, claimed);
        else this.plan(entry);
      }
    };
  }

  /** After a commit of its own: any parked claim that now finds work is answered. */
  afterCommit(): void {
    if (this.parked.length === 0) return;
    for (const entry of [...this.parked]) this.retry(entry, false);
  }

  /** Answers every parked claim now, empty when nothing is due (the dispatcher's view changed). */
  wakeAll(): void {
    for (const entry of [...this.parked]) this.retry(entry, true);
  }

  /** Answers every parked claim empty, claiming nothing (the store is closing); how many there were. */
  releaseAll(): number {
    const released = this.parked.splice(0);
    for (const entry of released) {
      if (entry.timer) clearTimeout(entry.timer);
      entry.resolve([]);
    }
    return released.length;
  }

  private retry(entry: Parked, answerEmpty: boolean): void {
    if (!this.parked.includes(entry)) return;
    const claimed = this.source.claim({ ...entry.args, now: this.source.now() });
    if (claimed.length === 0 && !answerEmpty) {
      this.plan(entry);
      return;
    }
    this.answer(entry, claimed);
  }

  /**
   * Wakes at the next due time, or at the deadline: work due now that the claim still did not take
   * belongs to endpoints it excludes, which the dispatcher wakes it for.
   */
  private plan(entry: Parked): void {
    const now = this.source.now();
    const due = this.source.nextDueAt();
    const at = due !== null && due > now ? Math.min(entry.deadline, due) : entry.deadline;
    if (entry.timer) clearTimeout(entry.timer);
    entry.timer = setTimeout(
      () => {
        entry.timer = null;
        this.retry(entry, this.source.now() >= entry.deadline);
      },
      Math.max(1, at - now),
    );
    entry.timer.unref();
  }

  private answer(entry: Parked, claimed: ClaimedDelivery[]): void {
    if (entry.timer) clearTimeout(entry.timer);
    this.parked.splice(this.parked.indexOf(entry), 1);
    entry.resolve(claimed);
  }
}
