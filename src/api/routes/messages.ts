import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { badRequest, notFound, payloadTooLarge } from '../../lib/errors.js';
import { loadApp, principalOf, type Principal } from '../auth.js';
import type { ApiContext } from '../context.js';
import { AppParams, errorBody, errorResponses, pageOf, PageQuery } from '../schemas/common.js';
import {
  DeliveryOut,
  MessageCreate,
  MessageListQuery,
  MessageOut,
  ReplayBody,
} from '../schemas/messages.js';
import { deliveryJson, messageJson, messagePageJson, sendJsonText } from '../serialize.js';
import { replayMessage } from '../requeue.js';
import { TraceparentHeader } from '../ingest-trace.js';
import { acceptMessage, payloadText, type AcceptedMessage } from '../message-intake.js';
import { isValidFilterPattern } from '../../domain/event-filter.js';

const MessageParams = Type.Object({
  appId: Type.String({ maxLength: 64 }),
  messageId: Type.String({ maxLength: 64 }),
});

/** The key digest a write must check, when the caller's app came from memory (auth.ts). */
const keyDigestOf = (principal: Principal): string | undefined =>
  principal.kind === 'app' ? principal.keyDigest : undefined;

export const messageRoutes =
  (ctx: ApiContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.post(
      '/apps/:appId/messages',
      {
        bodyLimit: ctx.payloadLimitBytes + 64 * 1024,
        // The insert checks the key again (keyDigest below): its app may come from memory.
        config: { keyCheckedAtWrite: true },
        schema: {
          tags: ['messages'],
          summary:
            'Accept a message: stored with a delivery per matching endpoint in one transaction',
          description:
            'An Idempotency-Key header (or idempotencyKey field) seen within 24 h with the same request returns the original message (200) with its original delivery count, and creates nothing; with another eventType, payload, endpointId or orderingKey it is a 409 idempotency_conflict.',
          params: AppParams,
          headers: Type.Object({
            'idempotency-key': Type.Optional(Type.String({ minLength: 1, maxLength: 256 })),
            traceparent: TraceparentHeader,
          }),
          body: MessageCreate,
          response: {
            202: MessageOut,
            200: MessageOut,
            ...errorResponses,
            409: errorBody(409, ['idempotency_conflict']),
            413: errorBody(413),
          },
        },
      },
      async (request, reply) => {
        const appRecord = await loadApp(ctx, request, request.params.appId);
        const body = request.body;
        const payload = payloadText(body.payload, ctx.payloadLimitBytes);
        if (!payload.ok) {
          if (payload.status === 413) throw payloadTooLarge(ctx.payloadLimitBytes);
          throw badRequest(`payload: ${payload.problem}`, [
            { field: 'payload', message: payload.problem },
          ]);
        }
        const result: AcceptedMessage = await acceptMessage(ctx, {
          appId: appRecord.id,
          eventType: body.eventType,
          payload: payload.text,
          idempotencyKey: body.idempotencyKey ?? request.headers['idempotency-key'] ?? null,
          endpointId: body.endpointId ?? null,
          orderingKey: body.orderingKey ?? null,
          traceparent: request.headers.traceparent,
          keyDigest: keyDigestOf(principalOf(request)),
        });
        if (!result.created) reply.header('idempotent-replayed', 'true');
        return sendJsonText(
          reply,
          result.created ? 202 : 200,
          messageJson(result.message, { deliveries: result.deliveries }),
        );
      },
    );

    app.get(
      '/apps/:appId/messages',
      {
        schema: {
          tags: ['messages'],
          summary: 'List messages, newest first',
          params: AppParams,
          querystring: Type.Intersect([PageQuery, MessageListQuery]),
          response: { 200: pageOf(MessageOut), ...errorResponses },
        },
      },
      async (request, reply) => {
        await loadApp(ctx, request, request.params.appId);
        const q = request.query;
        if (q.eventType !== undefined && !isValidFilterPattern(q.eventType))
          throw badRequest(
            `eventType: "${q.eventType}" is not an event type or a "prefix.*" pattern`,
            [{ field: 'eventType', message: 'not an event type or a "prefix.*" pattern' }],
          );
        const page = await ctx.store.listMessages(
          request.params.appId,
          {
            eventType: q.eventType,
            since: q.since ? Date.parse(q.since) : undefined,
            until: q.until ? Date.parse(q.until) : undefined,
          },
          { limit: q.limit, cursor: q.cursor ?? null },
        );
        return sendJsonText(reply, 200, messagePageJson(page.data, page.nextCursor));
      },
    );

    app.get(
      '/apps/:appId/messages/:messageId',
      {
        schema: {
          tags: ['messages'],
          summary: 'Get a message',
          params: MessageParams,
          response: { 200: MessageOut, ...errorResponses },
        },
      },
      async (request, reply) => {
        await loadApp(ctx, request, request.params.appId);
        const message = await ctx.store.getMessage(request.params.appId, request.params.messageId);
        if (!message) throw notFound('message', request.params.messageId);
        return sendJsonText(reply, 200, messageJson(message));
      },
    );

    app.post(
      '/apps/:appId/messages/:messageId/replay',
      {
        schema: {
          tags: ['messages'],
          summary: 'Send a past message to one endpoint of the app (even one created after it)',
          description:
            'Creates a new delivery of the message to the endpoint (202). The same replay again within the idempotency window (24 h), or while an earlier delivery of the message to that endpoint is still on its way, answers that delivery (200) and sends nothing more.',
          params: MessageParams,
          body: ReplayBody,
          response: { 202: DeliveryOut, 200: DeliveryOut, ...errorResponses, 410: errorBody(410) },
        },
      },
      async (request, reply) => {
        await loadApp(ctx, request, request.params.appId);
        const { delivery, created } = await replayMessage(
          ctx,
          request.params.appId,
          request.params.messageId,
          request.body.endpointId,
        );
        if (!created) reply.header('idempotent-replayed', 'true');
        return reply.status(created ? 202 : 200).send(deliveryJson(delivery));
      },
    );
  };
