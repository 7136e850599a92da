import type { FastifyRequest } from 'fastify';
import type { App, Endpoint } from '../domain/types.js';
import { notFound } from '../lib/errors.js';
import { updateVersioned } from '../lib/versioned-update.js';
import { loadApp } from './auth.js';
import type { ApiContext } from './context.js';

/** The endpoint named in the URL, with its app, if the caller may see the app; else a 404. */
export async function loadEndpoint(
  ctx: ApiContext,
  request: FastifyRequest,
  { appId, endpointId }: { appId: string; endpointId: string },
): Promise<{ app: App; endpoint: Endpoint }> {
  const app = await loadApp(ctx, request, appId);
  const endpoint = await ctx.store.getEndpoint(appId, endpointId);
  if (!endpoint) throw notFound('endpoint', endpointId);
  return { app, endpoint };
}

/**
 * Saves `change(endpoint)`, conditional on the version read: when another write came first, the
 * change is made again on a fresh read (lib/versioned-update.ts), so no concurrent update is lost.
 * A 404 when the endpoint was deleted meanwhile.
 */
export function changeEndpoint(
  ctx: ApiContext,
  endpoint: Endpoint,
  change: (current: Endpoint, updatedAt: number) => Endpoint | Promise<Endpoint>,
): Promise<Endpoint> {
  return updateVersioned({
    read: endpoint,
    reread: () => ctx.store.getEndpoint(endpoint.appId, endpoint.id),
    change,
    write: (next, expectedUpdatedAt) => ctx.store.updateEndpoint(next, expectedUpdatedAt),
    now: () => ctx.clock.now(),
    missing: () => notFound('endpoint', endpoint.id),
  });
}
