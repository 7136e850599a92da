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

    app.get(
      '/readyz',
      {
        schema: {
          tags: ['health'],
          summary:
            'Readiness: 503 while shutting down, before migrations, or while the store cannot write',
          description:
            'For load balancers and orchestrators: 200 when this node should take traffic. 503 names the reason: shutting_down, store_unavailable, not_migrated, or storage_full (the store cannot write; writes answer 507 meanwhile). /healthz stays the liveness check.',
          response: {
            200: Type.Object({
              status: Type.Literal('ready'),
              store: Type.String(),
              role: Type.String(),
            }),
            503: Type.Object({
              status: Type.Literal('unavailable'),
              reason: Type.Union([
                Type.Literal('shutting_down'),
                Type.Literal('store_unavailable'),
                Type.Literal('not_migrated'),
                Type.Literal('storage_full'),
              ]),
              store: Type.String(),
              role: Type.String(),
              message: Type.String(),
            }),
          },
        },
      },
      async (_request, reply) => {
        const store = ctx.store.capabilities.dialect;
        const notReady = await ctx.readiness.check(ctx.store);
        if (notReady === null) return { status: 'ready' as const, store, role };
        return reply.status(503).send({ status: 'unavailable' as const, ...notReady, store, role });
      },
    );
  };
