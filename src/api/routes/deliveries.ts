import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { conflict, HooklineError, notFound } from '../../lib/errors.js';
import { loadApp } from '../auth.js';
import type { ApiContext } from '../context.js';
import {
  AppParams,
  EndpointParams,
  errorBody,
  errorResponses,
  pageOf,
  PageQuery,
} from '../schemas/common.js';
import { AttemptOut, DeliveryListQuery, DeliveryOut } from '../schemas/messages.js';
import { attemptJson, deliveryJson } from '../serialize.js';

const DeliveryParams = Type.Object({
  appId: Type.String({ maxLength: 64 }),
  deliveryId: Type.Integer({ minimum: 1 }),
});
const MessageParams = Type.Object({
  appId: Type.String({ maxLength: 64 }),
  messageId: Type.String({ maxLength: 64 }),
});
const StateQuery = Type.Object({ state: DeliveryListQuery.properties.state });

export const deliveryRoutes =
  (ctx: ApiContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    const page = (q: { limit: number; cursor?: string }) => ({
      limit: q.limit,
      cursor: q.cursor ?? null,
    });

    app.get(
      '/apps/:appId/deliveries',
      {
        schema: {
          tags: ['deliveries'],
          summary: 'List deliveries, by state, endpoint or message',
          params: AppParams,
          querystring: Type.Intersect([PageQuery, DeliveryListQuery]),
          response: { 200: pageOf(DeliveryOut), ...errorResponses },
        },
      },
      async (request) => {
        await loadApp(ctx, request, request.params.appId);
        const { state, endpointId, messageId } = request.query;
        const result = await ctx.store.listDeliveries(
          request.params.appId,
          { state, endpointId, messageId },
          page(request.query),
        );
        return { data: result.data.map(deliveryJson), nextCursor: result.nextCursor };
      },
    );

    app.get(
      '/apps/:appId/deliveries/:deliveryId',
      {
        schema: {
          tags: ['deliveries'],
          summary: 'Get a delivery',
          params: DeliveryParams,
          response: { 200: DeliveryOut, ...errorResponses },
        },
      },
      async (request) => {
        await loadApp(ctx, request, request.params.appId);
        const delivery = await ctx.store.getDelivery(
          request.params.appId,
          request.params.deliveryId,
        );
        if (!delivery) throw notFound('delivery', String(request.params.deliveryId));
        return deliveryJson(delivery);
      },
    );

    app.post(
      '/apps/:appId/deliveries/:deliveryId/retry',
      {
        schema: {
          tags: ['deliveries'],
          summary: 'Try a delivery now; a failed or succeeded one starts a fresh schedule',
          params: DeliveryParams,
          response: {
            202: DeliveryOut,
            409: errorBody(409, ['delivery_in_flight']),
            410: errorBody(410, ['payload_expired']),
            ...errorResponses,
          },
        },
      },
      async (request, reply) => {
        await loadApp(ctx, request, request.params.appId);
        await refuseDroppedPayload(ctx, request.params.appId, request.params.deliveryId);
        const delivery = await ctx.store.retryDelivery(
          request.params.appId,
          request.params.deliveryId,
          ctx.clock.now(),
        );
        if (!delivery) throw notFound('delivery', String(request.params.deliveryId));
        if (delivery.state === 'delivering')
          throw conflict(`delivery ${delivery.id} is in flight right now`, 'delivery_in_flight');
        return reply.status(202).send(deliveryJson(delivery));
      },
    );

    app.get(
      '/apps/:appId/endpoints/:endpointId/deliveries',
      {
        schema: {
          tags: ['deliveries'],
          summary: "List an endpoint's deliveries by state",
          params: EndpointParams,
          querystring: Type.Intersect([PageQuery, StateQuery]),
          response: { 200: pageOf(DeliveryOut), ...errorResponses },
        },
      },
      async (request) => {
        await loadApp(ctx, request, request.params.appId);
        if (!(await ctx.store.getEndpoint(request.params.appId, request.params.endpointId)))
          throw notFound('endpoint', request.params.endpointId);
        const result = await ctx.store.listDeliveries(
          request.params.appId,
          { state: request.query.state, endpointId: request.params.endpointId },
          page(request.query),
        );
        return { data: result.data.map(deliveryJson), nextCursor: result.nextCursor };
      },
    );

    app.get(
      '/apps/:appId/endpoints/:endpointId/attempts',
      {
        schema: {
          tags: ['attempts'],
          summary: "List an endpoint's attempts, newest first",
          params: EndpointParams,
          querystring: PageQuery,
          response: { 200: pageOf(AttemptOut), ...errorResponses },
        },
      },
      async (request) => {
        await loadApp(ctx, request, request.params.appId);
        if (!(await ctx.store.getEndpoint(request.params.appId, request.params.endpointId)))
          throw notFound('endpoint', request.params.endpointId);
        const result = await ctx.store.listAttempts(
          request.params.appId,
          { endpointId: request.params.endpointId },
          page(request.query),
        );
        return { data: result.data.map(attemptJson), nextCursor: result.nextCursor };
      },
    );

    app.get(
      '/apps/:appId/messages/:messageId/attempts',
      {
        schema: {
          tags: ['attempts'],
          summary: "List a message's attempts, newest first",
          params: MessageParams,
          querystring: PageQuery,
          response: { 200: pageOf(AttemptOut), ...errorResponses },
        },
      },
      async (request) => {
        await loadApp(ctx, request, request.params.appId);
        if (!(await ctx.store.getMessage(request.params.appId, request.params.messageId)))
          throw notFound('message', request.params.messageId);
        const result = await ctx.store.listAttempts(
          request.params.appId,
          { messageId: request.params.messageId },
          page(request.query),
        );
        return { data: result.data.map(attemptJson), nextCursor: result.nextCursor };
      },
    );
  };

/** A delivery whose message lost its payload to payload retention has nothing true to send. */
async function refuseDroppedPayload(ctx: ApiContext, appId: string, deliveryId: number) {
  const delivery = await ctx.store.getDelivery(appId, deliveryId);
  if (!delivery) return;
  const message = await ctx.store.getMessage(appId, delivery.messageId);
  if (message?.payloadDroppedAt != null)
    throw new HooklineError(
      'payload_expired',
      `delivery ${deliveryId}: the payload of message ${delivery.messageId} was dropped by payload retention; it cannot be sent again`,
    );
}
