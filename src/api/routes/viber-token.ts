import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { changeApp } from '../app-records.js';
import { loadApp } from '../auth.js';
import type { ApiContext } from '../context.js';
import { AppParams, errorResponses } from '../schemas/common.js';
import { newViberAuthToken } from '../viber/auth-token.js';

const ViberTokenOut = Type.Object({
  appId: Type.String(),
  viberAuthToken: Type.Union([Type.String(), Type.Null()], {
    description:
      'X-Viber-Auth-Token for /pa/*; also keys X-Viber-Content-Signature of viber-format deliveries.',
  }),
});

/** The app's Viber auth token: issued (and rotated) by Hookline, readable by the app. */
export const viberTokenRoutes =
  (ctx: ApiContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      '/apps/:appId/viber-token',
      {
        schema: {
          tags: ['apps'],
          summary: "Get the app's Viber auth token (null until issued)",
          params: AppParams,
          response: { 200: ViberTokenOut, ...errorResponses },
        },
      },
      async (request) => {
        const current = await loadApp(ctx, request, request.params.appId);
        return { appId: current.id, viberAuthToken: current.viberAuthToken };
      },
    );

    app.post(
      '/apps/:appId/viber-token',
      {
        schema: {
          tags: ['apps'],
          summary: 'Issue a new Viber auth token; the previous one stops working at once',
          params: AppParams,
          response: { 200: ViberTokenOut, ...errorResponses },
        },
      },
      async (request) => {
        const read = await loadApp(ctx, request, request.params.appId);
        const saved = await changeApp(ctx, read, (current, updatedAt) => ({
          ...current,
          viberAuthToken: newViberAuthToken(current.id),
          updatedAt,
        }));
        return { appId: saved.id, viberAuthToken: saved.viberAuthToken };
      },
    );
  };
