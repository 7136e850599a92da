import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { ApiContext } from '../context.js';

export const healthRoutes =
  (ctx: ApiContext, role: string): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      '/healthz',
      {
        schema: {
          tags: ['health'],
          summary: 'Liveness and store reachability',
          response: {
            200: Type.Object({
              status: Type.Literal('ok'),
              store: Type.String(),
              role: Type.String(),
            }),
            503: Type.Object({
              status: Type.Literal('unavailable'),
              store: Type.String(),
              role: Type.String(),
              message: Type.String(),
            }),
          },
        },
      },
      async (_request, reply) => {
        const store = ctx.store.capabilities.dialect;
        try {
          await ctx.store.ping();
          return { status: 'ok' as const, store, role };
        } catch (error) {
          return reply.status(503).send({
            status: 'unavailable' as const,
            store,
            role,
            message: error instanceof Error ? error.message : String(error),
          });
        }
      },
    );
  };
