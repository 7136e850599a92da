import type { FastifyRequest } from 'fastify';
import { HooklineError, notFound } from '../../lib/errors.js';
import { principalOf } from '../auth.js';
import type { ApiContext } from '../context.js';

/** `?appId=`: the app whose connections the admin token reads or changes (a Hookline extension). */
function queryAppId(request: FastifyRequest): string | undefined {
  const value = (request.query as Record<string, unknown> | undefined)?.appId;
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * The app the bot routes act for. Connections belong to one app: an app key acts for its own app
 * (another app named in `?appId=` is a 404, like an unknown id); the admin token acts for the app
 * named in `?appId=`, and without one is refused.
 */
export function appIdOf(request: FastifyRequest): string {
  const principal = principalOf(request);
  const named = queryAppId(request);
  if (principal.kind === 'admin') {
    if (named !== undefined) return named;
    throw new HooklineError(
      'app_key_required',
      "bot connections belong to an app: authenticate with the app's API key, or name the app with ?appId= when using the admin token",
    );
  }
  if (named !== undefined && named !== principal.appId) throw notFound('app', named);
  return principal.appId;
}

/** Checks, before any route runs, that the caller may act for an app and that the app exists. */
export async function checkBotApp(ctx: ApiContext, request: FastifyRequest): Promise<void> {
  const appId = appIdOf(request);
  if (principalOf(request).kind === 'admin' && !(await ctx.store.getApp(appId)))
    throw notFound('app', appId);
}
