import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { ApiContext } from '../context.js';
import { svixAppRoutes } from './apps.js';
import { svixAttemptRoutes } from './attempts.js';
import { svixEndpointRoutes } from './endpoints.js';
import { installSvixErrorHandler } from './errors.js';
import { svixEventTypeRoutes } from './event-types.js';
import { svixMessageRoutes } from './messages.js';
import { svixPortalRoutes } from './portal.js';

/**
 * The Svix-compatible front door (docs/svix-compatibility.md): Svix's paths under /api/v1, its
 * shapes and error bodies, onto the same store, checks and writes as the native API. Mounted in
 * the /api/v1 scope, so the same tokens authenticate (the admin token or an app's API key).
 */
export const svixRoutes =
  (ctx: ApiContext): FastifyPluginAsyncTypebox =>
  async (scope) => {
    installSvixErrorHandler(scope);
    for (const routes of [
      svixAppRoutes,
      svixEndpointRoutes,
      svixMessageRoutes,
      svixAttemptRoutes,
      svixEventTypeRoutes,
      svixPortalRoutes,
    ])
      await scope.register(routes(ctx));
  };
