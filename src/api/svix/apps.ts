import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { newApp } from '../../domain/new-app.js';
import type { App } from '../../domain/types.js';
import { notFound } from '../../lib/errors.js';
import { changeApp } from '../app-records.js';
import { principalOf, requireAdmin, scopedAppId } from '../auth.js';
import type { ApiContext } from '../context.js';
import { Metadata } from '../schemas/common.js';
import { listQuery, listResponse, SvixListQuery } from './list.js';
import { svixApp as loadSvixApp } from './resolve.js';
import { svixApp } from './shapes.js';
import { refuseUnsupported } from './unsupported.js';

const AppParams = Type.Object({ app_id: Type.String({ minLength: 1, maxLength: 64 }) });

const ApplicationIn = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 256 }),
  metadata: Type.Optional(Metadata),
  uid: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  rateLimit: Type.Optional(Type.Union([Type.Integer(), Type.Null()])),
  throttleRate: Type.Optional(Type.Union([Type.Integer(), Type.Null()])),
});

const UNSUPPORTED = {
  uid: 'apps are addressed by id',
  rateLimit: 'rate limits are set per endpoint',
  throttleRate: 'rate limits are set per endpoint',
};

/** Svix `application`: /api/v1/app, onto the same store and newApp() as /api/v1/apps. */
export const svixAppRoutes =
  (ctx: ApiContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    const save = async (read: App, change: (current: App) => Pick<App, 'name' | 'metadata'>) =>
      svixApp(
        await changeApp(ctx, read, (current, updatedAt) => ({
          ...current,
          ...change(current),
          updatedAt,
        })),
      );

    app.get('/app', { schema: { hide: true, querystring: SvixListQuery } }, async (request) => {
      const principal = principalOf(request);
      const page = await ctx.store.listApps(listQuery(request.query), scopedAppId(principal));
      return listResponse(page.data.map(svixApp), page.nextCursor);
    });

    app.post('/app', { schema: { hide: true, body: ApplicationIn } }, async (request, reply) => {
      requireAdmin(request);
      refuseUnsupported(request.body, UNSUPPORTED);
      const { app: created } = newApp(request.body, ctx.clock.now());
      await ctx.store.createApp(created);
      return reply.status(201).send(svixApp(created));
    });

    app.get('/app/:app_id', { schema: { hide: true, params: AppParams } }, async (request) =>
      svixApp(await loadSvixApp(ctx, request, request.params.app_id)),
    );

    app.put(
      '/app/:app_id',
      { schema: { hide: true, params: AppParams, body: ApplicationIn } },
      async (request) => {
        refuseUnsupported(request.body, UNSUPPORTED);
        const read = await loadSvixApp(ctx, request, request.params.app_id);
        const { name, metadata = {} } = request.body;
        return save(read, () => ({ name, metadata }));
      },
    );

    app.patch(
      '/app/:app_id',
      { schema: { hide: true, params: AppParams, body: Type.Partial(ApplicationIn) } },
      async (request) => {
        refuseUnsupported(request.body, UNSUPPORTED);
        const read = await loadSvixApp(ctx, request, request.params.app_id);
        return save(read, (current) => ({
          name: request.body.name ?? current.name,
          metadata: request.body.metadata ?? current.metadata,
        }));
      },
    );

    app.delete(
      '/app/:app_id',
      { schema: { hide: true, params: AppParams } },
      async (request, reply) => {
        requireAdmin(request);
        if (!(await ctx.store.deleteApp(request.params.app_id)))
          throw notFound('app', request.params.app_id);
        return reply.status(204).send();
      },
    );
  };
