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
import { checkedUid, IdOrUid, Uid } from '../uids.js';
import { refuseUnsupported } from './unsupported.js';

const AppParams = Type.Object({ app_id: IdOrUid });

const ApplicationIn = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 256 }),
  metadata: Type.Optional(Metadata),
  uid: Type.Optional(Type.Union([Uid, Type.Null()])),
  rateLimit: Type.Optional(Type.Union([Type.Integer(), Type.Null()])),
  throttleRate: Type.Optional(Type.Union([Type.Integer(), Type.Null()])),
});

const UNSUPPORTED = {
  rateLimit: 'rate limits are set per endpoint',
  throttleRate: 'rate limits are set per endpoint',
};

/** Svix `application`: /api/v1/app, onto the same store and newApp() as /api/v1/apps. */
export const svixAppRoutes =
  (ctx: ApiContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    const save = async (
      read: App,
      change: (current: App) => Pick<App, 'name' | 'metadata' | 'uid'>,
    ) =>
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

    app.post(
      '/app',
      {
        schema: {
          hide: true,
          body: ApplicationIn,
          // application.getOrCreate: the app with the body's uid when there is one (200).
          querystring: Type.Object({ get_if_exists: Type.Optional(Type.Boolean()) }),
        },
      },
      async (request, reply) => {
        requireAdmin(request);
        refuseUnsupported(request.body, UNSUPPORTED);
        const uid = checkedUid('app', request.body.uid ?? null);
        if (request.query.get_if_exists && uid !== null) {
          const existing = await ctx.store.getAppByUid(uid);
          if (existing) return reply.status(200).send(svixApp(existing));
        }
        const { app: created } = newApp({ ...request.body, uid }, ctx.clock.now());
        await ctx.store.createApp(created);
        return reply.status(201).send(svixApp(created));
      },
    );

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
        const uid = checkedUid('app', request.body.uid ?? null);
        return save(read, () => ({ name, metadata, uid }));
      },
    );

    app.patch(
      '/app/:app_id',
      { schema: { hide: true, params: AppParams, body: Type.Partial(ApplicationIn) } },
      async (request) => {
        refuseUnsupported(request.body, UNSUPPORTED);
        const read = await loadSvixApp(ctx, request, request.params.app_id);
        const { uid } = request.body;
        return save(read, (current) => ({
          name: request.body.name ?? current.name,
          metadata: request.body.metadata ?? current.metadata,
          uid: uid === undefined ? current.uid : checkedUid('app', uid),
        }));
      },
    );

    app.delete(
      '/app/:app_id',
      { schema: { hide: true, params: AppParams } },
      async (request, reply) => {
        requireAdmin(request);
        const read = await loadSvixApp(ctx, request, request.params.app_id);
        if (!(await ctx.store.deleteApp(read.id))) throw notFound('app', request.params.app_id);
        return reply.status(204).send();
      },
    );
  };
