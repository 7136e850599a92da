interface OriginLoad {
  held: number;
  /** Waiters in arrival order; each is told true (slot held) or false (cancelled). */
  waiting: Array<(granted: boolean) => void>;
}

/**
 * At most `limit` slots per origin, handed out in arrival order. The HTTP pool has as many
 * connections per origin, so a delivery takes a slot before it is rendered and gives it back as
 * soon as its answer is in: a backlog waiting for a connection stays as cheap claims instead of a
 * heap of rendered requests (which the garbage collector would copy again and again), and the
 * slot is not held while the result waits for its commit.
 */
export class OriginGate {
  private readonly origins = new Map<string, OriginLoad>();

  constructor(private readonly limit: number) {}

  /** True once a slot is held (give it back with release), false when cancelled meanwhile. */
  acquire(origin: string): Promise<boolean> {
    let load = this.origins.get(origin);
    if (!load) {
      load = { held: 0, waiting: [] };
      this.origins.set(origin, load);
    }
    if (load.held < this.limit) {
      load.held++;
      return Promise.resolve(true);
    }
    return new Promise<boolean>((grant) => load.waiting.push(grant));
  }

  release(origin: string): void {
    const load = this.origins.get(origin);
    if (!load) return;
    const next = load.waiting.shift();
    if (next) {
      next(true); // the slot passes straight on
      return;
    }
    load.held--;
    if (load.held === 0) this.origins.delete(origin);
  }

  /** Tells every waiter it will get no slot (shutdown). */
  cancelQueued(): void {
    for (const load of this.origins.values()) {
      for (const grant of load.waiting.splice(0)) grant(false);
    }
  }
}
