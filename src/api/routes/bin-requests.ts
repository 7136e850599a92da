import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { binRequestJson } from '../../inspector/request-json.js';
import { binTargets } from '../../inspector/verify/bin-targets.js';
import { verifyCapture } from '../../inspector/verify/verify-request.js';
import type { ApiContext } from '../context.js';
import { viewerOf } from '../bin-viewer.js';
import {
  BinParams,
  BinRequestDetailOut,
  BinRequestListQuery,
  BinRequestOut,
  BinRequestParams,
} from '../schemas/bins.js';
import { errorResponses, pageOf } from '../schemas/common.js';

const tags = ['bins'];

/** A bin's captured requests: list, read (with signature verification), delete. */
export const binRequestRoutes =
  (ctx: ApiContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      '/bins/:binId/requests',
      {
        schema: {
          tags,
          summary: 'List captured requests, newest first',
          params: BinParams,
          querystring: BinRequestListQuery,
          response: { 200: pageOf(BinRequestOut), ...errorResponses },
        },
      },
      async (request) => {
        const { service } = ctx.inspector;
        const q = request.query;
        const page = await service.listRequests(viewerOf(request), request.params.binId, {
          limit: q.limit,
          cursor: q.cursor ?? null,
        });
        return { data: page.data.map(binRequestJson), nextCursor: page.nextCursor };
      },
    );

    app.get(
      '/bins/:binId/requests/:requestId',
      {
        schema: {
          tags,
          summary: 'Get a captured request, with whether Hookline signed it and which scheme',
          description:
            'The signature is checked against the keys of every endpoint whose URL points at this bin.',
          params: BinRequestParams,
          response: { 200: BinRequestDetailOut, ...errorResponses },
        },
      },
      async (request) => {
        const { service } = ctx.inspector;
        const { bin, request: captured } = await service.getRequest(
          viewerOf(request),
          request.params.binId,
          request.params.requestId,
        );
        const verification = verifyCapture(captured, await binTargets(ctx.store, bin));
        return { ...binRequestJson(captured), verification };
      },
    );

    app.delete(
      '/bins/:binId/requests/:requestId',
      {
        schema: {
          tags,
          summary: 'Delete a captured request',
          params: BinRequestParams,
          response: { 204: Type.Null(), ...errorResponses },
        },
      },
      async (request, reply) => {
        await ctx.inspector.service.deleteRequest(
          viewerOf(request),
          request.params.binId,
          request.params.requestId,
        );
        return reply.status(204).send(null);
      },
    );

    app.delete(
      '/bins/:binId/requests',
      {
        schema: {
          tags,
          summary: 'Delete every captured request of the bin',
          params: BinParams,
          response: { 200: Type.Object({ deleted: Type.Integer() }), ...errorResponses },
        },
      },
      async (request) => ({
        deleted: await ctx.inspector.service.clearRequests(viewerOf(request), request.params.binId),
      }),
    );
  };
