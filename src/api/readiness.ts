import { isStorageFull } from '../store/storage-full.js';
import type { Store } from '../store/store.js';

/** Why the server should not take traffic now (`GET /readyz`), or null when it is ready. */
export type NotReady =
  | { reason: 'shutting_down'; message: string }
  | { reason: 'store_unavailable'; message: string }
  | { reason: 'not_migrated'; message: string }
  | { reason: 'storage_full'; message: string };

/**
 * Readiness, as a load balancer asks it: not while shutting down, not before the schema is current
 * and the store answers, not while the store cannot write. Liveness (`/healthz`) is separate.
 */
export class Readiness {
  private shuttingDown = false;

  /** From now on /readyz answers 503: the load balancer stops sending before the server closes. */
  beginShutdown(): void {
    this.shuttingDown = true;
  }

  async check(store: Store): Promise<NotReady | null> {
    if (this.shuttingDown)
      return { reason: 'shutting_down', message: 'the server is shutting down' };
    let pending: number[];
    try {
      pending = await store.pendingMigrations();
    } catch (error) {
      return { reason: 'store_unavailable', message: messageOf(error) };
    }
    if (pending.length > 0)
      return {
        reason: 'not_migrated',
        message: `the database lacks migration(s) ${pending.join(', ')}; run \`hookline migrate\``,
      };
    try {
      await store.probeWrite();
    } catch (error) {
      if (isStorageFull(error))
        return {
          reason: 'storage_full',
          message: 'the store cannot write: its disk (or its size cap) is full',
        };
      return { reason: 'store_unavailable', message: messageOf(error) };
    }
    return null;
  }
}

const messageOf = (error: unknown) =>
  (error instanceof Error ? error.message : String(error)).split('\n')[0];
