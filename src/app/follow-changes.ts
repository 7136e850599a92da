import type { Dispatcher } from '../delivery/dispatcher.js';
import type { StoreChanges } from '../store/change-feed.js';

/** What follows the store's writes: a dispatcher, or the delivery thread that runs one. */
export type ChangeFollower = Pick<Dispatcher, 'wake' | 'invalidateEndpoint' | 'invalidateApp'>;

/** Keeps a dispatcher in step with the store's writes: woken for new work, its caches refreshed. */
export function followChanges(changes: StoreChanges, dispatcher: ChangeFollower): () => void {
  return changes.subscribe((change) => {
    switch (change.kind) {
      case 'workAdded':
        return dispatcher.wake();
      case 'endpointChanged':
        return dispatcher.invalidateEndpoint(change.endpointId);
      case 'appChanged':
        return dispatcher.invalidateApp(change.appId);
    }
  });
}
