/** What happened to a bin, for the live streams watching it. */
export type BinEvent = { kind: 'captured'; requestId: number } | { kind: 'deleted' };

type Listener = (event: BinEvent) => void;

/**
 * In-process notifications of captures and deletions, so a live stream on this node reacts at once.
 * Streams also poll the store, which covers captures taken by other nodes.
 */
export class BinEvents {
  private readonly listeners = new Map<string, Set<Listener>>();

  subscribe(binId: string, listener: Listener): () => void {
    let set = this.listeners.get(binId);
    if (!set) {
      set = new Set();
      this.listeners.set(binId, set);
    }
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0 && this.listeners.get(binId) === set) this.listeners.delete(binId);
    };
  }

  publish(binId: string, event: BinEvent): void {
    for (const listener of [...(this.listeners.get(binId) ?? [])]) listener(event);
  }

  /** Live subscriptions, all bins together (tests and metrics). */
  get size(): number {
    let n = 0;
    for (const set of this.listeners.values()) n += set.size;
    return n;
  }
}
