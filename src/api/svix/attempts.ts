import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Attempt } from '../../domain/types.js';
import { conflict, notFound } from '../../lib/errors.js';
import type { ApiContext } from '../context.js';
import { replayMessage } from '../requeue.js';
import { listQuery, listResponse, refuseFilters, SvixListQuery } from './list.js';
import { svixEndpointOf, svixMessageOf } from './resolve.js';
import { svixAttempt } from './shapes.js';
import { IdOrUid } from '../uids.js';

const id = IdOrUid;
const ByMessage = Type.Object({ app_id: id, msg_id: id });
const ByEndpoint = Type.Object({ app_id: id, endpoint_id: id });
const OneAttempt = Type.Object({ app_id: id, msg_id: id, attempt_id: id });
const Resend = Type.Object({ app_id: id, msg_id: id, endpoint_id: id });
const AttemptQuery = Type.Intersect([
  SvixListQuery,
  Type.Object({ endpoint_id: Type.Optional(IdOrUid) }),
]);

/** Svix `messageAttempt`: attempts by message and by endpoint, one attempt, and resend. */
export const svixAttemptRoutes =
  (ctx: ApiContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    /** Attempts in Svix's shape; `url` is the endpoint's URL now (Hookline keeps no URL per attempt). */
    async function shaped(attempts: Attempt[]) {
      const ids = [...new Set(attempts.map((a) => a.endpointId))];
      const urls = new Map((await ctx.store.getEndpointsByIds(ids)).map((e) => [e.id, e.url]));
      return attempts.map((a) => svixAttempt(a, urls.get(a.endpointId) ?? ''));
    }

    app.get(
      '/app/:app_id/attempt/msg/:msg_id',
      { schema: { hide: true, params: ByMessage, querystring: AttemptQuery } },
      async (request) => {
        refuseFilters(request.query);
        const { app: appRecord, message } = await svixMessageOf(ctx, request, request.params);
        const only = request.query.endpoint_id;
        const endpointId =
          only === undefined
            ? undefined
            : ((await ctx.store.getEndpointByUid(appRecord.id, only))?.id ?? only);
        const page = await ctx.store.listAttempts(
          appRecord.id,
          { messageId: message.id, endpointId },
          listQuery(request.query),
        );
        return listResponse(await shaped(page.data), page.nextCursor);
      },
    );

    app.get(
      '/app/:app_id/attempt/endpoint/:endpoint_id',
      { schema: { hide: true, params: ByEndpoint, querystring: SvixListQuery } },
      async (request) => {
        refuseFilters(request.query);
        const { app: appRecord, endpoint } = await svixEndpointOf(ctx, request, request.params);
        const page = await ctx.store.listAttempts(
          appRecord.id,
          { endpointId: endpoint.id },
          listQuery(request.query),
        );
        return listResponse(await shaped(page.data), page.nextCursor);
      },
    );

    app.get(
      '/app/:app_id/msg/:msg_id/attempt/:attempt_id',
      { schema: { hide: true, params: OneAttempt } },
      async (request) => {
        const { app: appRecord, message } = await svixMessageOf(ctx, request, request.params);
        const match = /^atmpt_(\d{1,15})$/.exec(request.params.attempt_id);
        // A message has few attempts: read them all and pick the one asked for.
        const page = match
          ? await ctx.store.listAttempts(
              appRecord.id,
              { messageId: message.id },
              { limit: 250, cursor: null },
            )
          : { data: [] };
        const attempt = page.data.find((a) => a.id === Number(match?.[1]));
        if (!attempt) throw notFound('attempt', request.params.attempt_id);
        return (await shaped([attempt]))[0];
      },
    );

    app.post(
      '/app/:app_id/msg/:msg_id/endpoint/:endpoint_id/resend',
      { schema: { hide: true, params: Resend } },
      async (request, reply) => {
        const { app: appRecord, message } = await svixMessageOf(ctx, request, request.params);
        const { endpoint } = await svixEndpointOf(ctx, request, request.params);
        const deliveries = await ctx.store.listDeliveries(
          appRecord.id,
          { messageId: message.id, endpointId: endpoint.id },
          { limit: 1, cursor: null },
        );
        const delivery = deliveries.data[0];
        if (!delivery) {
          // Never sent to it (an endpoint created later, say): Hookline's replay sends it there.
          await replayMessage(ctx, appRecord.id, message.id, endpoint.id);
          return reply.status(202).send({});
        }
        // The same retry as POST /apps/{appId}/deliveries/{id}/retry: one engine, two front doors.
        const retried = await ctx.store.retryDelivery(appRecord.id, delivery.id, ctx.clock.now());
        if (!retried) throw notFound('delivery', String(delivery.id));
        if (retried.state === 'delivering')
          throw conflict(`delivery ${retried.id} is in flight right now`, 'delivery_in_flight');
        return reply.status(202).send({});
      },
    );
  };
