import type { App } from '../domain/types.js';
import { notFound } from '../lib/errors.js';
import { updateVersioned } from '../lib/versioned-update.js';
import type { ApiContext } from './context.js';

/**
 * Saves `change(app)`, conditional on the version read: when another write came first (a key
 * rotation, say), the change is made again on a fresh read, so it never writes back a stale
 * `apiKeyHash` or Viber token (lib/versioned-update.ts). A 404 when the app was deleted meanwhile.
 */
export function changeApp(
  ctx: ApiContext,
  app: App,
  change: (current: App, updatedAt: number) => App,
): Promise<App> {
  return updateVersioned({
    read: app,
    reread: () => ctx.store.getApp(app.id),
    change,
    write: (next, expectedUpdatedAt) => ctx.store.updateApp(next, expectedUpdatedAt),
    now: () => ctx.clock.now(),
    missing: () => notFound('app', app.id),
  });
}
