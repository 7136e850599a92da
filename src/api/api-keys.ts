import type { App } from '../domain/types.js';
import type { StoreChanges } from '../store/change-feed.js';
import type { Store } from '../store/store.js';

/** Enough for every app of a large instance; past it the oldest entry makes room. */
const MAX_CACHED = 10_000;

/**
 * Apps by the SHA-256 of their API key, for authentication. With a change feed that sees every
 * write to the apps (a store one process owns: SQLite), a key once found is kept in memory, so an
 * ingest request costs no read; any app change (a key rotation, a deletion) empties the cache
 * before the write is answered, so a revoked key is refused from then on. Without one (PostgreSQL:
 * another process may rotate the key), every lookup reads the store.
 */
export class ApiKeys {
  private readonly cached = new Map<string, App>();
  /** Bumped by every app change: a read that began before one is not cached. */
  private generation = 0;
  private readonly caching: boolean;

  constructor(
    private readonly store: Pick<Store, 'getAppByKeyHash'>,
    changes: StoreChanges | null,
  ) {
    this.caching = changes !== null;
    changes?.subscribe((change) => {
      if (change.kind !== 'appChanged') return;
      this.generation++;
      this.cached.clear();
    });
  }

  /** The app whose key has this digest (hex), or null. Unknown keys are never cached. */
  async find(keyHash: string): Promise<App | null> {
    const hit = this.cached.get(keyHash);
    if (hit) return hit;
    const generation = this.generation;
    const app = await this.store.getAppByKeyHash(keyHash);
    if (app && this.caching && generation === this.generation) {
      if (this.cached.size >= MAX_CACHED) this.cached.delete(this.cached.keys().next().value!);
      this.cached.set(keyHash, app);
    }
    return app;
  }
}
