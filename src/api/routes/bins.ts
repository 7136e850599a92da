import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Bin } from '../../domain/bins.js';
import { badRequest } from '../../lib/errors.js';
import { binJson } from '../bin-json.js';
import type { ApiContext } from '../context.js';
import { viewerOf } from '../bin-viewer.js';
import { BinCreate, BinListQuery, BinOut, BinParams, BinPatch } from '../schemas/bins.js';
import { errorBody, errorResponses, pageOf } from '../schemas/common.js';
import { binRequestRoutes } from './bin-requests.js';
import { binStreamRoutes, type BinStreamSettings } from './bin-stream.js';

const tags = ['bins'];

/** Bins (request inspector): create, list, read, change, delete; their requests and live stream. */
export const binRoutes =
  (ctx: ApiContext, stream: BinStreamSettings = {}): FastifyPluginAsyncTypebox =>
  async (app) => {
    const json = async (bin: Bin) =>
      binJson(bin, ctx.publicUrl, ctx.clock.now(), await ctx.inspector.service.requestCount(bin));

    app.post(
      '/bins',
      {
        schema: {
          tags,
          summary: 'Create a bin: a URL that captures any request sent to it',
          body: BinCreate,
          response: { 201: BinOut, 409: errorBody(409, ['bin_limit_reached']), ...errorResponses },
        },
      },
      async (request, reply) => {
        const { service } = ctx.inspector;
        const viewer = viewerOf(request);
        const { appId, ...options } = request.body;
        let owner = viewer.appId;
        if (appId !== undefined && appId !== viewer.appId) {
          // An app key names only its own app; another (or unknown) app reads the same.
          if (viewer.appId !== null || !(await ctx.store.getApp(appId))) {
            throw badRequest(`appId: no app ${appId}`, [
              { field: 'appId', message: 'unknown app' },
            ]);
          }
          owner = appId;
        }
        return reply.status(201).send(await json(await service.create(owner, options)));
      },
    );

    app.get(
      '/bins',
      {
        schema: {
          tags,
          summary: 'List bins, newest first (an app key sees its own)',
          querystring: BinListQuery,
          response: { 200: pageOf(BinOut), ...errorResponses },
        },
      },
      async (request) => {
        const { service } = ctx.inspector;
        const q = request.query;
        const page = await service.list(viewerOf(request), q.appId, {
          limit: q.limit,
          cursor: q.cursor ?? null,
        });
        return { data: await Promise.all(page.data.map(json)), nextCursor: page.nextCursor };
      },
    );

    app.get(
      '/bins/:binId',
      {
        schema: {
          tags,
          summary: 'Get a bin',
          params: BinParams,
          response: { 200: BinOut, ...errorResponses },
        },
      },
      async (request) =>
        json(await ctx.inspector.service.get(viewerOf(request), request.params.binId)),
    );

    app.patch(
      '/bins/:binId',
      {
        schema: {
          tags,
          summary: 'Change what a bin answers, how many requests it keeps, or when it expires',
          params: BinParams,
          body: BinPatch,
          response: { 200: BinOut, ...errorResponses },
        },
      },
      async (request) =>
        json(
          await ctx.inspector.service.update(viewerOf(request), request.params.binId, request.body),
        ),
    );

    app.delete(
      '/bins/:binId',
      {
        schema: {
          tags,
          summary: 'Delete a bin and its requests; live streams end',
          params: BinParams,
          response: { 204: Type.Null(), ...errorResponses },
        },
      },
      async (request, reply) => {
        await ctx.inspector.service.delete(viewerOf(request), request.params.binId);
        return reply.status(204).send(null);
      },
    );

    await app.register(binRequestRoutes(ctx));
    await app.register(binStreamRoutes(ctx, stream));
  };
