import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { notFound } from '../../lib/errors.js';
import { sha256Hex } from '../../lib/hash.js';
import { newToken } from '../../lib/ids.js';
import { newApp } from '../../domain/new-app.js';
import { changeApp } from '../app-records.js';
import { loadApp, principalOf, requireAdmin, scopedAppId } from '../auth.js';
import type { ApiContext } from '../context.js';
import { checkedUid } from '../uids.js';
import { AppCreate, AppOut, AppPatch, AppWithKey } from '../schemas/apps.js';
import { AppParams, errorBody, errorResponses, pageOf, PageQuery } from '../schemas/common.js';
import { appJson } from '../serialize.js';

export const appRoutes =
  (ctx: ApiContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      '/apps',
      {
        schema: {
          tags: ['apps'],
          summary: 'List apps (an app key sees only its own)',
          querystring: PageQuery,
          response: { 200: pageOf(AppOut), ...errorResponses },
        },
      },
      async (request) => {
        const principal = principalOf(request);
        const onlyId = scopedAppId(principal);
        const page = await ctx.store.listApps(
          { limit: request.query.limit, cursor: request.query.cursor ?? null },
          onlyId,
        );
        return { data: page.data.map(appJson), nextCursor: page.nextCursor };
      },
    );

    app.post(
      '/apps',
      {
        schema: {
          tags: ['apps'],
          summary: 'Create an app (admin); its API key is shown once',
          body: AppCreate,
          response: {
            201: AppWithKey,
            ...errorResponses,
            403: errorBody(403, ['admin_required', 'portal_forbidden']),
            409: errorBody(409, ['uid_taken']),
          },
        },
      },
      async (request, reply) => {
        requireAdmin(request);
        const uid = checkedUid('app', request.body.uid ?? null);
        const { app: created, apiKey } = newApp({ ...request.body, uid }, ctx.clock.now());
        await ctx.store.createApp(created);
        return reply.status(201).send({ ...appJson(created), apiKey });
      },
    );

    app.get(
      '/apps/:appId',
      {
        schema: {
          tags: ['apps'],
          summary: 'Get an app',
          params: AppParams,
          response: { 200: AppOut, ...errorResponses },
        },
      },
      async (request) => appJson(await loadApp(ctx, request, request.params.appId)),
    );

    app.patch(
      '/apps/:appId',
      {
        schema: {
          tags: ['apps'],
          summary: 'Update an app',
          params: AppParams,
          body: AppPatch,
          response: {
            200: AppOut,
            ...errorResponses,
            409: errorBody(409, ['uid_taken', 'update_conflict']),
          },
        },
      },
      async (request) => {
        const read = await loadApp(ctx, request, request.params.appId);
        const { uid, ...changes } = request.body;
        const saved = await changeApp(ctx, read, (current, updatedAt) => ({
          ...current,
          ...changes,
          uid: uid === undefined ? current.uid : checkedUid('app', uid),
          updatedAt,
        }));
        return appJson(saved);
      },
    );

    app.post(
      '/apps/:appId/api-key/rotate',
      {
        schema: {
          tags: ['apps'],
          summary: 'Replace the app API key; the old one stops working at once',
          params: AppParams,
          response: { 200: AppWithKey, ...errorResponses },
        },
      },
      async (request) => {
        const read = await loadApp(ctx, request, request.params.appId);
        const apiKey = newToken('hk');
        const saved = await changeApp(ctx, read, (current, updatedAt) => ({
          ...current,
          apiKeyHash: sha256Hex(apiKey),
          updatedAt,
        }));
        return { ...appJson(saved), apiKey };
      },
    );

    app.delete(
      '/apps/:appId',
      {
        schema: {
          tags: ['apps'],
          summary: 'Delete an app with everything it owns (admin)',
          params: AppParams,
          response: {
            204: Type.Null(),
            ...errorResponses,
            403: errorBody(403, ['admin_required', 'portal_forbidden']),
          },
        },
      },
      async (request, reply) => {
        requireAdmin(request);
        if (!(await ctx.store.deleteApp(request.params.appId)))
          throw notFound('app', request.params.appId);
        return reply.status(204).send(null);
      },
    );
  };
