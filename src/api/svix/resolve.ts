import type { FastifyRequest } from 'fastify';
import type { App, Endpoint, Message } from '../../domain/types.js';
import { notFound } from '../../lib/errors.js';
import { principalOf } from '../auth.js';
import type { ApiContext } from '../context.js';

/**
 * Path ids as Svix names them (`app_id`, `endpoint_id`, `msg_id`), each an id or the object's uid
 * (for a message, its `eventId`), as in Svix. The id is tried first; uids that look like ids are
 * refused when set (svix/uids.ts), so the two cannot name different objects.
 */
export async function svixApp(
  ctx: ApiContext,
  request: FastifyRequest,
  idOrUid: string,
): Promise<App> {
  const principal = principalOf(request);
  if (principal.kind !== 'admin') {
    const own = principal.app;
    if (own.id === idOrUid || (own.uid !== null && own.uid === idOrUid)) return own;
    throw notFound('app', idOrUid);
  }
  const app = (await ctx.store.getApp(idOrUid)) ?? (await ctx.store.getAppByUid(idOrUid));
  if (!app) throw notFound('app', idOrUid);
  return app;
}

export async function svixEndpointOf(
  ctx: ApiContext,
  request: FastifyRequest,
  { app_id: appId, endpoint_id: endpointId }: { app_id: string; endpoint_id: string },
): Promise<{ app: App; endpoint: Endpoint }> {
  const app = await svixApp(ctx, request, appId);
  const endpoint =
    (await ctx.store.getEndpoint(app.id, endpointId)) ??
    (await ctx.store.getEndpointByUid(app.id, endpointId));
  if (!endpoint) throw notFound('endpoint', endpointId);
  return { app, endpoint };
}

export async function svixMessageOf(
  ctx: ApiContext,
  request: FastifyRequest,
  { app_id: appId, msg_id: msgId }: { app_id: string; msg_id: string },
): Promise<{ app: App; message: Message }> {
  const app = await svixApp(ctx, request, appId);
  const message =
    (await ctx.store.getMessage(app.id, msgId)) ??
    (await ctx.store.getMessageByIdempotencyKey(app.id, msgId));
  if (!message) throw notFound('message', msgId);
  return { app, message };
}
