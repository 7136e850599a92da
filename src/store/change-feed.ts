import type { Store } from './store.js';
import { STORE_WRITES, type StoreWrite } from './store-methods.js';

/** What a committed write means for the dispatchers of this process. */
export type StoreChange =
  | { kind: 'workAdded' }
  | { kind: 'endpointChanged'; endpointId: string }
  | { kind: 'appChanged'; appId: string };

export type ChangeListener = (change: StoreChange) => void;

const WORK_ADDED: StoreChange = { kind: 'workAdded' };
const endpointChanged = (endpointId: string): StoreChange => ({
  kind: 'endpointChanged',
  endpointId,
});
const appChanged = (appId: string): StoreChange => ({ kind: 'appChanged', appId });

/** The changes one write signals, from its result and arguments. */
type Signal<K extends StoreWrite> = Store[K] extends (...args: infer A) => Promise<infer R>
  ? (result: R, ...args: A) => StoreChange[]
  : never;

/**
 * The one table of what each write signals once it has committed; `null` signals nothing. Every
 * write of `Store` must have a row (a new one fails to compile until it does). The dispatcher's own
 * writes signal nothing: it already knows.
 */
const SIGNALS: { [K in StoreWrite]: Signal<K> | null } = {
  createApp: null,
  updateApp: (saved) => (saved ? [appChanged(saved.id)] : []),
  deleteApp: (deleted, id) => (deleted ? [appChanged(id)] : []),
  // A cached "no such endpoint" must not outlive its creation.
  createEndpoint: (created) => [endpointChanged(created.id)],
  // Enabling an endpoint, or making it parallel, releases parked deliveries.
  updateEndpoint: (saved) => (saved ? [endpointChanged(saved.id), WORK_ADDED] : []),
  deleteEndpoint: (deleted, _appId, id) => (deleted ? [endpointChanged(id)] : []),
  insertMessage: (result) => (result.deliveries > 0 ? [WORK_ADDED] : []),
  insertMessages: (results) => (results.some((r) => r.deliveries > 0) ? [WORK_ADDED] : []),
  // A delivery in flight is left as it is (the caller answers 409).
  retryDelivery: (delivery) => (delivery && delivery.state !== 'delivering' ? [WORK_ADDED] : []),
  recoverEndpoint: (outcome) => (outcome && outcome.requeued > 0 ? [WORK_ADDED] : []),
  replayMessage: (outcome) =>
    outcome !== null && outcome !== 'payload_expired' && outcome.created ? [WORK_ADDED] : [],
  // A verification stopped early: the deliveries it held are due now.
  releaseHeldDeliveries: (released) => (released > 0 ? [WORK_ADDED] : []),
  insertAttempt: null,
  claimDue: null,
  wakeParkedClaims: null,
  // Endpoints the results disabled (410 Gone, failing): no dispatcher may keep sending to them.
  recordAttempts: (recorded) => recorded.disabled.map((d) => endpointChanged(d.endpointId)),
  // The outbox: the messages it becomes are inserted (and signal) on their own.
  claimOperationalEvents: null,
  deleteOperationalEvents: null,
  releaseDeliveries: null,
  releaseAllLeases: null,
  // Retention only removes settled work: nothing becomes due.
  purgeMessages: null,
  dropPayloads: null,
  purgeHistory: null,
  reclaimSpace: null,
  probeWrite: null,
};

export interface StoreChanges {
  /**
   * Calls `listener` after every signalled write made through the observed store, and with
   * `workAdded` whenever another process may have made work due (`Store.onWake`, PostgreSQL).
   * Returns the unsubscribe.
   */
  subscribe(listener: ChangeListener): () => void;
}

export interface ObservedStore {
  /** The same store; its writes signal their changes once committed. */
  store: Store;
  changes: StoreChanges;
}

/**
 * Wraps a store so that every write wakes what it must, from this one place: callers (routes,
 * services) write and cannot forget to tell the dispatcher. graphile-worker gets the same from a
 * database trigger; here the PostgreSQL store's NOTIFY covers other processes.
 */
export function observeChanges(store: Store): ObservedStore {
  const listeners = new Set<ChangeListener>();
  /** The wrapped writes, and the other methods bound to the store. */
  const members = new Map<PropertyKey, unknown>();
  for (const name of STORE_WRITES) {
    const signal = SIGNALS[name] as ((result: unknown, ...args: unknown[]) => StoreChange[]) | null;
    if (!signal) continue;
    const write = (store[name] as (...args: unknown[]) => Promise<unknown>).bind(store);
    members.set(name, async (...args: unknown[]) => {
      const result = await write(...args);
      for (const change of signal(result, ...args)) {
        for (const listener of listeners) listener(change);
      }
      return result;
    });
  }
  const observed = new Proxy(store, {
    get(target, key) {
      // An own property (a test replacing a method) reads as itself: a proxy must not hide it.
      if (Object.prototype.hasOwnProperty.call(target, key))
        return Reflect.get(target, key, target);
      const known = members.get(key);
      if (known) return known;
      const value: unknown = Reflect.get(target, key, target);
      if (typeof value !== 'function') return value;
      const bound = value.bind(target);
      members.set(key, bound);
      return bound;
    },
  });
  return {
    store: observed,
    changes: {
      subscribe(listener) {
        listeners.add(listener);
        const stopWakes = store.onWake?.(() => listener(WORK_ADDED));
        return () => {
          listeners.delete(listener);
          stopWakes?.();
        };
      },
    },
  };
}
