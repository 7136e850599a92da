import type { StoreWrite } from '../store-methods.js';
import type { WorkerCall } from './worker-protocol.js';

/**
 * The delivery engine's own bookkeeping: leases and results. Their answers go out as soon as they
 * are committed, before the WAL is synced, so a delivery never waits for the disk. A power cut can
 * lose such a commit; what it loses is a lease (the delivery is due again) or a result (the delivery
 * is made again): at least once, as before. Every other write is answered only once it is synced.
 */
const ANSWERED_BEFORE_SYNC: ReadonlySet<StoreWrite> = new Set<StoreWrite>([
  'claimDue',
  'wakeParkedClaims',
  'recordAttempts',
  'releaseDeliveries',
  'claimOperationalEvents',
  'deleteOperationalEvents',
]);

export function answersBeforeSync(call: WorkerCall): boolean {
  return call.target === 'store' && ANSWERED_BEFORE_SYNC.has(call.method as StoreWrite);
}
