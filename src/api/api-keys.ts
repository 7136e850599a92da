import type { App } from '../domain/types.js';
import type { StoreChanges } from '../store/change-feed.js';
import type { Store } from '../store/store.js';

/** Enough for every app of a large instance; past it the oldest entry makes room. */
const MAX_CACHED = 10_000;

/**
 * How long a store shared with other nodes keeps a key it read, for the routes whose write checks
 * the key again (findForWrite). The check is what refuses a rotated key; the bound only limits how
 * long an app's other fields may be outdated and how long a revoked key's entry stays.
 */
export const SHARED_KEY_TTL_MS = 10_000;

/** An app found by its key for a write, and whether the key was read as current just now. */
export interface KeyForWrite {
  app: App;
  /**
   * False: the app came from memory, and another node may have rotated the key since. The caller
   * must have its write check the key (NewMessage.keyDigest), which refuses a rotated one.
   */
  current: boolean;
}

/**
 * Apps by the SHA-256 of their API key, for authentication. With a change feed that sees every
 * write to the apps (a store one process owns: SQLite), a key once found is kept in memory, so an
 * ingest request costs no read; any app change (a key rotation, a deletion) empties the cache
 * before the write is answered, so a revoked key is refused from then on. Without one (PostgreSQL:
 * another process may rotate the key), `find` reads the store every time; `findForWrite`, for a
 * route whose write checks the key in the same statement, may answer from memory for
 * SHARED_KEY_TTL_MS.
 */
export class ApiKeys {
  private readonly cached = new Map<string, App>();
  /** Shared store only: apps read by key, with when they were read. */
  private readonly unchecked = new Map<string, { app: App; at: number }>();
  /** Bumped by every app change: a read that began before one is not cached. */
  private generation = 0;
  private readonly caching: boolean;

  constructor(
    private readonly store: Pick<Store, 'getAppByKeyHash'>,
    changes: StoreChanges | null,
    private readonly now: () => number = Date.now,
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

  /**
   * As `find`, for a write that checks the key itself. With an exact cache the answer is current;
   * on a shared store a recent read is reused (`current: false`) and a miss reads the store.
   */
  async findForWrite(keyHash: string): Promise<KeyForWrite | null> {
    if (this.caching) {
      const app = await this.find(keyHash);
      return app && { app, current: true };
    }
    const now = this.now();
    const hit = this.unchecked.get(keyHash);
    if (hit && now - hit.at < SHARED_KEY_TTL_MS) return { app: hit.app, current: false };
    const app = await this.store.getAppByKeyHash(keyHash);
    this.unchecked.delete(keyHash);
    if (!app) return null;
    if (this.unchecked.size >= MAX_CACHED)
      this.unchecked.delete(this.unchecked.keys().next().value!);
    this.unchecked.set(keyHash, { app, at: now });
    return { app, current: true };
  }

  /** A write found this key no longer current: the next request reads the store again. */
  forget(keyHash: string): void {
    this.unchecked.delete(keyHash);
  }
}
