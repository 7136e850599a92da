import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { badRequest, payloadTooLarge } from '../../lib/errors.js';
import type { ApiContext } from '../context.js';
import { TraceparentHeader } from '../ingest-trace.js';
import { acceptMessage, payloadText } from '../message-intake.js';
import { sendJsonText } from '../serialize.js';
import { listQuery, refuseFilters, SvixListQuery } from './list.js';
import { svixApp, svixMessageOf } from './resolve.js';
import { svixMessageText } from './shapes.js';
import { IdOrUid } from '../uids.js';
import { refuseUnsupported } from './unsupported.js';

const AppParams = Type.Object({ app_id: IdOrUid });
const MessageParams = Type.Object({
  app_id: IdOrUid,
  msg_id: IdOrUid,
});
const nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) =>
  Type.Optional(Type.Union([t, Type.Null()]));

const MessageIn = Type.Object({
  eventType: Type.String({ minLength: 1, maxLength: 256 }),
  payload: Type.Unknown(),
  eventId: nullable(Type.String({ minLength: 1, maxLength: 256 })),
  application: nullable(Type.Unknown()),
  channels: nullable(Type.Array(Type.String())),
  tags: nullable(Type.Array(Type.String())),
  deliverAt: nullable(Type.String()),
  payloadRetentionHours: nullable(Type.Integer()),
  payloadRetentionPeriod: nullable(Type.Integer()),
  transformationsParams: nullable(Type.Unknown()),
});

const WithContent = Type.Object({ with_content: Type.Optional(Type.Boolean()) });

const UNSUPPORTED = {
  application: 'create the app first (POST /api/v1/app)',
  channels: 'Hookline routes by event type (filterTypes) only',
  tags: 'messages have no tags',
  deliverAt: 'messages are sent at once',
  transformationsParams: 'Hookline has no transformations; use an endpoint format',
};

const pageText = (parts: string[], nextCursor: string | null) =>
  `{"data":[${parts.join(',')}],"iterator":${JSON.stringify(nextCursor)},"prevIterator":null,"done":${nextCursor === null}}`;

/** Svix `message`: /api/v1/app/{app_id}/msg, through the same acceptMessage() as /messages. */
export const svixMessageRoutes =
  (ctx: ApiContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.post(
      '/app/:app_id/msg',
      {
        bodyLimit: ctx.payloadLimitBytes + 64 * 1024,
        schema: {
          hide: true,
          params: AppParams,
          querystring: WithContent,
          headers: Type.Object({
            'idempotency-key': Type.Optional(Type.String({ minLength: 1, maxLength: 256 })),
            traceparent: TraceparentHeader,
          }),
          body: MessageIn,
        },
      },
      async (request, reply) => {
        refuseUnsupported(request.body, UNSUPPORTED);
        const appRecord = await svixApp(ctx, request, request.params.app_id);
        const payload = payloadText(request.body.payload, ctx.payloadLimitBytes);
        if (!payload.ok) {
          if (payload.status === 413) throw payloadTooLarge(ctx.payloadLimitBytes);
          throw badRequest(`payload: ${payload.problem}`, [
            { field: 'payload', message: payload.problem },
          ]);
        }
        // Svix de-duplicates on eventId; the SDKs' automatic idempotency-key (auto_…) names one request.
        const result = await acceptMessage(ctx, {
          appId: appRecord.id,
          eventType: request.body.eventType,
          payload: payload.text,
          idempotencyKey: request.body.eventId ?? request.headers['idempotency-key'] ?? null,
          endpointId: null,
          traceparent: request.headers.traceparent,
        });
        const withContent = request.query.with_content ?? true;
        return sendJsonText(
          reply,
          result.created ? 202 : 200,
          svixMessageText(result.message, withContent),
        );
      },
    );

    app.get(
      '/app/:app_id/msg',
      {
        schema: {
          hide: true,
          params: AppParams,
          querystring: Type.Intersect([
            SvixListQuery,
            WithContent,
            Type.Object({
              before: Type.Optional(Type.String({ format: 'date-time' })),
              after: Type.Optional(Type.String({ format: 'date-time' })),
              event_types: Type.Optional(Type.String()),
            }),
          ]),
        },
      },
      async (request, reply) => {
        refuseFilters(request.query);
        const appRecord = await svixApp(ctx, request, request.params.app_id);
        const q = request.query;
        const types = q.event_types?.split(',').filter(Boolean) ?? [];
        if (types.length > 1)
          throw badRequest('event_types: Hookline filters messages by one event type', [
            { field: 'event_types', message: 'one event type at most' },
          ]);
        const page = await ctx.store.listMessages(
          appRecord.id,
          {
            eventType: types[0],
            since: q.after ? Date.parse(q.after) : undefined,
            until: q.before ? Date.parse(q.before) : undefined,
          },
          listQuery(q),
        );
        const withContent = q.with_content ?? true;
        return sendJsonText(
          reply,
          200,
          pageText(
            page.data.map((m) => svixMessageText(m, withContent)),
            page.nextCursor,
          ),
        );
      },
    );

    app.get(
      '/app/:app_id/msg/:msg_id',
      { schema: { hide: true, params: MessageParams, querystring: WithContent } },
      async (request, reply) => {
        const { message } = await svixMessageOf(ctx, request, request.params);
        return sendJsonText(
          reply,
          200,
          svixMessageText(message, request.query.with_content ?? true),
        );
      },
    );
  };
