import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { simulate } from '../../inspector/simulate/simulator.js';
import { notFound } from '../../lib/errors.js';
import { loadApp } from '../auth.js';
import type { ApiContext } from '../context.js';
import { EndpointParams, errorBody, errorResponses, pageOf, PageQuery } from '../schemas/common.js';
import { AttemptOut } from '../schemas/messages.js';
import { SimulateBody, SimulateOut } from '../schemas/simulate.js';
import { attemptJson } from '../serialize.js';

const tags = ['testing'];

/** The event simulator: one signed sample of any canonical event, sent now, recorded as a test attempt. */
export const simulateRoutes =
  (ctx: ApiContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.post(
      '/apps/:appId/endpoints/:endpointId/simulate',
      {
        schema: {
          tags,
          summary:
            'Send a realistic sample of a canonical event to the endpoint now and return the attempt',
          description:
            "Rendered in the endpoint's format and signed with its keys; recorded as a test attempt (test: true), apart from real deliveries. `overrides` is merged into the catalog sample (JSON Merge Patch).",
          params: EndpointParams,
          body: SimulateBody,
          response: {
            200: SimulateOut,
            409: errorBody(409, ['unknown_format']),
            ...errorResponses,
          },
        },
      },
      async (request) => {
        const appRecord = await loadApp(ctx, request, request.params.appId);
        const endpoint = await ctx.store.getEndpoint(appRecord.id, request.params.endpointId);
        if (!endpoint) throw notFound('endpoint', request.params.endpointId);
        const result = await simulate(ctx, {
          app: appRecord,
          endpoint,
          eventType: request.body.eventType,
          overrides: request.body.overrides,
        });
        return { ...result, attempt: result.attempt ? attemptJson(result.attempt) : null };
      },
    );

    app.get(
      '/apps/:appId/endpoints/:endpointId/test-attempts',
      {
        schema: {
          tags,
          summary: "List the endpoint's test attempts (simulator), newest first",
          params: EndpointParams,
          querystring: PageQuery,
          response: { 200: pageOf(AttemptOut), ...errorResponses },
        },
      },
      async (request) => {
        await loadApp(ctx, request, request.params.appId);
        if (!(await ctx.store.getEndpoint(request.params.appId, request.params.endpointId)))
          throw notFound('endpoint', request.params.endpointId);
        const page = await ctx.store.listAttempts(
          request.params.appId,
          { endpointId: request.params.endpointId, test: true },
          { limit: request.query.limit, cursor: request.query.cursor ?? null },
        );
        return { data: page.data.map(attemptJson), nextCursor: page.nextCursor };
      },
    );
  };
