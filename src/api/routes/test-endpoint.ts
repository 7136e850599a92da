import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { newEndpoint } from '../../domain/new-endpoint.js';
import type { Endpoint } from '../../domain/types.js';
import { loadApp } from '../auth.js';
import { binJson, binUrl } from '../bin-json.js';
import type { ApiContext } from '../context.js';
import { assertValidEndpoint } from '../endpoint-input.js';
import { AppParams, errorBody, errorResponses } from '../schemas/common.js';
import { TestEndpointBody, TestEndpointOut } from '../schemas/simulate.js';
import { endpointJson } from '../serialize.js';

/** One step from nothing to a signed test target: a new bin of the app and an endpoint pointing at it. */
export const testEndpointRoutes =
  (ctx: ApiContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.post(
      '/apps/:appId/test-endpoint',
      {
        schema: {
          tags: ['testing'],
          summary: 'Create a bin and an endpoint that delivers to it',
          description:
            'The endpoint gets the given format (default standard), retry policy `single`, and a new signing secret returned once. Requests it receives are captured by the bin and verified there.',
          params: AppParams,
          body: TestEndpointBody,
          response: {
            201: TestEndpointOut,
            409: errorBody(409, ['bin_limit_reached']),
            ...errorResponses,
          },
        },
      },
      async (request, reply) => {
        const appRecord = await loadApp(ctx, request, request.params.appId);
        const { service } = ctx.inspector;
        const now = ctx.clock.now();
        const { endpoint: draft, secret } = newEndpoint(
          {
            appId: appRecord.id,
            url: binUrl(ctx.publicUrl, 'bin_pending'),
            retryPolicy: { preset: 'single' },
            format: request.body.format ?? 'standard',
            formatOptions: request.body.formatOptions ?? {},
            filterTypes: request.body.filterTypes ?? null,
          },
          now,
        );
        assertValidEndpoint(draft, ctx.targets); // before the bin exists: nothing is written when the endpoint is refused
        const bin = await service.create(appRecord.id, request.body.bin ?? {});
        const endpoint: Endpoint = {
          ...draft,
          url: binUrl(ctx.publicUrl, bin.id),
          description: `test endpoint: delivers to bin ${bin.id}`,
        };
        try {
          await ctx.store.createEndpoint(endpoint);
        } catch (error) {
          await service.delete({ appId: appRecord.id }, bin.id);
          throw error;
        }
        return reply.status(201).send({
          bin: binJson(bin, ctx.publicUrl, now, 0),
          endpoint: endpointJson(endpoint),
          secret,
        });
      },
    );
  };
