import type { FastifyRequest } from 'fastify';
import type { App, Endpoint } from '../domain/types.js';
import { notFound } from '../lib/errors.js';
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

/** Saves a changed endpoint; a 404 when it was deleted meanwhile. */
export async function saveEndpoint(ctx: ApiContext, endpoint: Endpoint): Promise<Endpoint> {
  const saved = await ctx.store.updateEndpoint(endpoint);
  if (!saved) throw notFound('endpoint', endpoint.id);
  return saved;
}
