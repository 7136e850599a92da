import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { canonicalEvents } from '../../domain/events/catalog.js';
import { validateEvent } from '../../domain/events/validate.js';
import { badRequest, payloadTooLarge, type ErrorDetail } from '../../lib/errors.js';
import { stringifyJson } from '../../lib/json.js';
import { loadApp } from '../auth.js';
import type { ApiContext } from '../context.js';
import { TraceparentHeader } from '../ingest-trace.js';
import { acceptMessage } from '../message-intake.js';
import { AppParams, errorBody, errorResponses } from '../schemas/common.js';
import { OrderingKey } from '../schemas/messages.js';
import { MessageOut } from '../schemas/messages.js';
import { messageJson, sendJsonText } from '../serialize.js';

const EventCreate = Type.Object(
  {
    type: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 256,
        description: 'A catalog event type, e.g. message.status',
      }),
    ),
    data: Type.Optional(
      Type.Unknown({
        description: "The event, checked against its type's schema; 64-bit integers kept exact",
      }),
    ),
    eventType: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 256,
        description: 'Same as type (the messages API spelling)',
      }),
    ),
    payload: Type.Optional(
      Type.Unknown({ description: 'Same as data (the messages API spelling)' }),
    ),
    webhookId: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 64,
        description: 'Deliver to this endpoint only (business-messaging webhook_id)',
      }),
    ),
    idempotencyKey: Type.Optional(Type.String({ minLength: 1, maxLength: 256 })),
    orderingKey: Type.Optional(OrderingKey),
  },
  { additionalProperties: false },
);

/** Picks `type`/`eventType` and `data`/`payload`; exactly one of each pair. */
function envelope(body: { type?: string; eventType?: string; data?: unknown; payload?: unknown }) {
  const problems: ErrorDetail[] = [];
  if (body.type !== undefined && body.eventType !== undefined)
    problems.push({ field: 'eventType', message: 'give type or eventType, not both' });
  if (body.data !== undefined && body.payload !== undefined)
    problems.push({ field: 'payload', message: 'give data or payload, not both' });
  const type = body.type ?? body.eventType;
  const dataField = body.payload !== undefined && body.data === undefined ? 'payload' : 'data';
  if (type === undefined) problems.push({ field: 'type', message: 'is required' });
  if (body.data === undefined && body.payload === undefined)
    problems.push({ field: 'data', message: 'is required' });
  if (problems.length > 0)
    throw badRequest(`${problems[0].field}: ${problems[0].message}`, problems);
  return { type: type as string, data: body.data ?? body.payload, dataField };
}

/** Typed ingest: catalog events, schema-checked, stored as messages whose payload is the event data. */
const EventCatalog = Type.Object(
  {
    data: Type.Array(
      Type.Object({
        type: Type.String(),
        description: Type.String(),
        schema: Type.Unknown({ description: "The JSON schema of the event's data" }),
        sample: Type.Unknown({ description: 'A realistic example of the data' }),
      }),
    ),
  },
  { $id: 'EventCatalog' },
);

export const eventRoutes =
  (ctx: ApiContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.post(
      '/apps/:appId/events',
      {
        bodyLimit: ctx.payloadLimitBytes + 64 * 1024,
        schema: {
          tags: ['events'],
          summary:
            'Publish a catalog event (message.received, message.status, ...); a 400 names the failing field',
          params: AppParams,
          headers: Type.Object({
            'idempotency-key': Type.Optional(Type.String({ minLength: 1, maxLength: 256 })),
            traceparent: TraceparentHeader,
          }),
          body: EventCreate,
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
        const { type, data, dataField } = envelope(request.body);
        const problems = validateEvent(type, data, dataField);
        if (problems.length > 0) {
          const fixed = problems.map((p) =>
            p.field === 'type' && request.body.type === undefined
              ? { ...p, field: 'eventType' }
              : p,
          );
          throw badRequest(`${fixed[0].field}: ${fixed[0].message}`, fixed);
        }
        const webhookId = request.body.webhookId ?? null;
        if (webhookId !== null && !(await ctx.store.getEndpoint(appRecord.id, webhookId))) {
          throw badRequest(`webhookId: no endpoint ${webhookId} in this app`, [
            { field: 'webhookId', message: 'unknown endpoint' },
          ]);
        }
        const payload = stringifyJson(data);
        if (Buffer.byteLength(payload) > ctx.payloadLimitBytes)
          throw payloadTooLarge(ctx.payloadLimitBytes);
        const result = await acceptMessage(ctx, {
          appId: appRecord.id,
          eventType: type,
          payload,
          idempotencyKey: request.body.idempotencyKey ?? request.headers['idempotency-key'] ?? null,
          endpointId: webhookId,
          orderingKey: request.body.orderingKey ?? null,
          traceparent: request.headers.traceparent,
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
      '/event-catalog',
      {
        schema: {
          tags: ['events'],
          summary: 'Every catalog event with its JSON schema and a sample',
          response: { 200: EventCatalog, ...errorResponses },
        },
      },
      async (_request, reply) => {
        const data = canonicalEvents().map((e) => ({
          type: e.type,
          description: e.description,
          schema: e.schema,
          sample: e.sample,
        }));
        return sendJsonText(reply, 200, stringifyJson({ data }));
      },
    );
  };
