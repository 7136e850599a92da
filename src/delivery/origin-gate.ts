interface Queued {
  work: () => Promise<void>;
  cancelled: () => void;
  settle: () => void;
}

interface OriginLoad {
  running: number;
  queue: Queued[];
}

/**
 * Starts at most `limit` tasks per origin, the rest wait their turn in order. The HTTP pool has as
 * many connections per origin, so a delivery is rendered and signed only when a connection is free
 * for it: a backlog waiting for one stays as cheap claims instead of a heap of rendered requests
 * (which the garbage collector would copy again and again).
 */
export class OriginGate {
  private readonly origins = new Map<string, OriginLoad>();

  constructor(private readonly limit: number) {}

  /** Resolves once `work` has run, or once it was cancelled (then `cancelled` was called instead). */
  run(origin: string, work: () => Promise<void>, cancelled: () => void): Promise<void> {
    let load = this.origins.get(origin);
    if (!load) {
      load = { running: 0, queue: [] };
      this.origins.set(origin, load);
    }
    if (load.running < this.limit) return this.start(origin, load, work);
    return new Promise<void>((settle) => load.queue.push({ work, cancelled, settle }));
  }

  /** Drops every task not started yet (shutdown): each one's `cancelled` is called. */
  cancelQueued(): void {
    for (const load of this.origins.values()) {
      for (const q of load.queue.splice(0)) {
        q.cancelled();
        q.settle();
      }
    }
  }

  private start(origin: string, load: OriginLoad, work: () => Promise<void>): Promise<void> {
    load.running++;
    return work().finally(() => {
      load.running--;
      const next = load.queue.shift();
      if (next) void this.start(origin, load, next.work).then(next.settle, next.settle);
      else if (load.running === 0) this.origins.delete(origin);
    });
  }
}
