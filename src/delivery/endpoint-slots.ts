import type { Endpoint } from '../domain/types.js';
import type { ClaimedDelivery } from '../store/store.js';

/** One endpoint's deliveries in this process: running (slots held) and waiting for a slot. */
export interface EndpointLoad {
  running: number;
  /** Claims in the order they were claimed; each gets the next slot that frees. */
  waiting: ClaimedDelivery[];
}

/**
 * Per-endpoint concurrency in this process: at most `maxConcurrency` deliveries of an endpoint run
 * at once; the rest wait in claim order, and a freed slot passes straight to the next one. An
 * endpoint with nothing running or waiting has no entry.
 */
export class EndpointSlots {
  private readonly loads = new Map<string, EndpointLoad>();

  /**
   * Takes a slot for `claim`, or queues it behind the endpoint's busy slots. Returns the load to
   * give the slot back to (`leave`) when the claim may start now, null when it waits.
   */
  enter(claim: ClaimedDelivery, endpoint: Endpoint): EndpointLoad | null {
    let load = this.loads.get(endpoint.id);
    if (!load) {
      load = { running: 0, waiting: [] };
      this.loads.set(endpoint.id, load);
    }
    if (load.running < endpoint.maxConcurrency) {
      load.running++;
      return load;
    }
    load.waiting.push(claim);
    return null;
  }

  /**
   * Gives back the slot a finished delivery held: it passes to the next waiting claim, returned
   * (start it with the same load), or is freed (null).
   */
  leave(endpointId: string, load: EndpointLoad): ClaimedDelivery | null {
    const next = load.waiting.shift();
    if (next) return next;
    load.running--;
    if (load.running === 0) this.loads.delete(endpointId);
    return null;
  }

  /** Whether a claim of the endpoint waits for a slot. */
  hasWaiting(endpointId: string): boolean {
    return (this.loads.get(endpointId)?.waiting.length ?? 0) > 0;
  }

  /** Whether the endpoint could take one more delivery (running and waiting count). */
  static hasRoom(load: EndpointLoad, maxConcurrency: number): boolean {
    return load.running + load.waiting.length < maxConcurrency;
  }

  /** Endpoints with no room left: the next claim skips them. */
  saturated(endpoints: { endpoint(id: string): Endpoint | null }): string[] {
    const out: string[] = [];
    for (const [id, load] of this.loads) {
      const endpoint = endpoints.endpoint(id);
      if (endpoint && !EndpointSlots.hasRoom(load, endpoint.maxConcurrency)) out.push(id);
    }
    return out;
  }

  /** Empties every waiting queue (shutdown): the claims that never started. */
  takeAllWaiting(): ClaimedDelivery[] {
    const out: ClaimedDelivery[] = [];
    for (const load of this.loads.values()) out.push(...load.waiting.splice(0));
    return out;
  }
}
