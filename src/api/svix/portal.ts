import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { loadApp } from '../auth.js';
import type { ApiContext } from '../context.js';
import { notSupported } from './unsupported.js';

/**
 * Svix `authentication.appPortalAccess` maps onto the console's portal sessions
 * (`POST /api/v1/apps/{appId}/portal-sessions`), which this server does not have yet: the route
 * answers 405 naming what is missing instead of inventing a second mechanism.
 */
export const svixPortalRoutes =
  (ctx: ApiContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.post(
      '/auth/app-portal-access/:app_id',
      {
        schema: {
          hide: true,
          params: Type.Object({ app_id: Type.String({ minLength: 1, maxLength: 64 }) }),
        },
      },
      async (request) => {
        await loadApp(ctx, request, request.params.app_id);
        throw notSupported(
          'authentication.appPortalAccess',
          'portal sessions (POST /api/v1/apps/{appId}/portal-sessions) are not on this server yet',
        );
      },
    );
  };
