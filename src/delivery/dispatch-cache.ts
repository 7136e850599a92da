import type { App, Endpoint } from '../domain/types.js';
import type { Clock } from '../lib/clock.js';
import type { Store } from '../store/store.js';

interface Entry<T> {
  value: T | null;
  loadedAt: number;
}

/**
 * Endpoints and apps the dispatcher sends for, cached for `ttlMs`. In-process changes invalidate
 * at once; changes made by other nodes are seen within the TTL.
 */
export class DispatchCache {
  private readonly endpoints = new Map<string, Entry<Endpoint>>();
  private readonly apps = new Map<string, Entry<App>>();

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly ttlMs = 1000,
  ) {}

  private fresh<T>(entry: Entry<T> | undefined): entry is Entry<T> {
    return entry !== undefined && this.clock.now() - entry.loadedAt < this.ttlMs;
  }

  /** Loads every endpoint (and its app) not cached yet, in one store call each. */
  async preload(endpointIds: Iterable<string>): Promise<void> {
    const missing = [...new Set(endpointIds)].filter((id) => !this.fresh(this.endpoints.get(id)));
    if (missing.length > 0) {
      const loaded = await this.store.getEndpointsByIds(missing);
      const now = this.clock.now();
      for (const id of missing) this.endpoints.set(id, { value: null, loadedAt: now });
      for (const e of loaded) this.endpoints.set(e.id, { value: e, loadedAt: now });
    }
    for (const id of missing) {
      const endpoint = this.endpoints.get(id)?.value;
      if (endpoint && !this.fresh(this.apps.get(endpoint.appId))) {
        this.apps.set(endpoint.appId, {
          value: await this.store.getApp(endpoint.appId),
          loadedAt: this.clock.now(),
        });
      }
    }
  }

  endpoint(id: string): Endpoint | null {
    return this.endpoints.get(id)?.value ?? null;
  }

  app(id: string): App | null {
    return this.apps.get(id)?.value ?? null;
  }

  invalidateEndpoint(id: string): void {
    this.endpoints.delete(id);
  }

  invalidateApp(id: string): void {
    this.apps.delete(id);
  }
}
