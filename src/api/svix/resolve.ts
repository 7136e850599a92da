import type { FastifyRequest } from 'fastify';
import type { App, Endpoint, Message } from '../../domain/types.js';
import { notFound } from '../../lib/errors.js';
import { loadApp } from '../auth.js';
import type { ApiContext } from '../context.js';
import { loadEndpoint } from '../endpoint-records.js';

/**
 * Path ids as Svix names them (`app_id`, `endpoint_id`, `msg_id`). Svix also accepts an object's
 * `uid` there; Hookline objects have no uid (docs/svix-compatibility.md), so an unknown id is 404.
 */
export const svixApp = (ctx: ApiContext, request: FastifyRequest, appId: string): Promise<App> =>
  loadApp(ctx, request, appId);

export const svixEndpointOf = (
  ctx: ApiContext,
  request: FastifyRequest,
  { app_id: appId, endpoint_id: endpointId }: { app_id: string; endpoint_id: string },
): Promise<{ app: App; endpoint: Endpoint }> => loadEndpoint(ctx, request, { appId, endpointId });

export async function svixMessageOf(
  ctx: ApiContext,
  request: FastifyRequest,
  { app_id: appId, msg_id: msgId }: { app_id: string; msg_id: string },
): Promise<{ app: App; message: Message }> {
  const app = await loadApp(ctx, request, appId);
  const message = await ctx.store.getMessage(app.id, msgId);
  if (!message) throw notFound('message', msgId);
  return { app, message };
}
