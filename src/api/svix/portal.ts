import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { newApp } from '../../domain/new-app.js';
import type { App } from '../../domain/types.js';
import { HooklineError, invalidField } from '../../lib/errors.js';
import { requireAdmin } from '../auth.js';
import type { ApiContext } from '../context.js';
import { openPortalLink } from '../portal-links.js';
import { Metadata } from '../schemas/common.js';
import { svixApp } from './resolve.js';
import { checkedUid, IdOrUid, Uid } from '../uids.js';
import { refuseUnsupported } from './unsupported.js';

const AppPortalAccessIn = Type.Object({
  application: Type.Optional(
    Type.Union([
      Type.Object({
        name: Type.String({ minLength: 1, maxLength: 256 }),
        uid: Type.Optional(Type.Union([Uid, Type.Null()])),
        metadata: Type.Optional(Metadata),
        rateLimit: Type.Optional(Type.Union([Type.Integer(), Type.Null()])),
        throttleRate: Type.Optional(Type.Union([Type.Integer(), Type.Null()])),
      }),
      Type.Null(),
    ]),
  ),
  // Seconds, between an hour and a week, as Svix takes it.
  expiry: Type.Optional(
    Type.Union([Type.Integer({ minimum: 3600, maximum: 604_800 }), Type.Null()]),
  ),
  featureFlags: Type.Optional(Type.Array(Type.String())),
  capabilities: Type.Optional(Type.Union([Type.Array(Type.String()), Type.Null()])),
  readOnly: Type.Optional(Type.Union([Type.Boolean(), Type.Null()])),
  sessionId: Type.Optional(Type.Union([Type.String(), Type.Null()])),
});

const UNSUPPORTED = {
  sessionId: 'end sessions with DELETE /api/v1/apps/{appId}/portal-sessions',
};

/**
 * Svix `authentication.appPortalAccess`: a portal link of the console (the same one-time link as
 * `POST /api/v1/apps/{appId}/portal-sessions`), as `{ url, token }`. `application` creates the app
 * when the path names none, as in Svix; the path then becomes its uid unless the body gives one.
 */
export const svixPortalRoutes =
  (ctx: ApiContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    async function appOrCreate(
      request: Parameters<typeof svixApp>[1],
      idOrUid: string,
      application: { name: string; uid?: string | null; metadata?: Record<string, string> },
    ): Promise<App> {
      try {
        return await svixApp(ctx, request, idOrUid);
      } catch (error) {
        if (!(error instanceof HooklineError) || error.code !== 'not_found') throw error;
        requireAdmin(request);
        refuseUnsupported(application, {
          rateLimit: 'rate limits are set per endpoint',
          throttleRate: 'rate limits are set per endpoint',
        });
        const uid = checkedUid('app', application.uid ?? idOrUid);
        const { app: created } = newApp({ ...application, uid }, ctx.clock.now());
        return ctx.store.createApp(created);
      }
    }

    app.post(
      '/auth/app-portal-access/:app_id',
      {
        schema: {
          hide: true,
          params: Type.Object({ app_id: IdOrUid }),
          body: Type.Optional(AppPortalAccessIn),
        },
      },
      async (request) => {
        const body = request.body ?? {};
        refuseUnsupported(body, UNSUPPORTED);
        // A portal session may retry and recover; narrower sessions are not offered.
        if (body.readOnly) throw invalidField('readOnly', 'not supported by Hookline');
        for (const field of ['featureFlags', 'capabilities'] as const)
          if (body[field]?.length) throw invalidField(field, 'not supported by Hookline');
        const target = body.application
          ? await appOrCreate(request, request.params.app_id, body.application)
          : await svixApp(ctx, request, request.params.app_id);
        const link = await openPortalLink(ctx, target, {
          sessionTtlMs: body.expiry ? body.expiry * 1000 : undefined,
        });
        return { url: link.url, token: link.token };
      },
    );
  };
