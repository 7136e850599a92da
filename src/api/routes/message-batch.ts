import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { badRequest, HooklineError, type ErrorDetail } from '../../lib/errors.js';
import type { NewMessage } from '../../store/store.js';
import { loadApp } from '../auth.js';
import type { ApiContext } from '../context.js';
import { AppParams, errorBody, errorResponses } from '../schemas/common.js';
import { MessageCreate, MessageOut } from '../schemas/messages.js';
import { TraceparentHeader, traceIngest } from '../ingest-trace.js';
import { newMessage, payloadText } from '../message-intake.js';
import { keyConflicts } from '../batch-keys.js';
import { messageJson, sendJsonText } from '../serialize.js';

/** Messages per batch request; a campaign of more goes in several requests. */
export const MAX_BATCH_MESSAGES = 1000;

const BatchCreate = Type.Object(
  {
    messages: Type.Array(MessageCreate, { minItems: 1, maxItems: MAX_BATCH_MESSAGES }),
  },
  { additionalProperties: false },
);

const BatchOut = Type.Object({
  data: Type.Array(
    Type.Intersect([
      MessageOut,
      Type.Object({ deliveries: Type.Integer(), idempotentReplayed: Type.Boolean() }),
    ]),
  ),
});

/**
 * POST /apps/:appId/messages/batch: many messages in one request (campaign gateways send in bulk).
 * Every item is checked before anything is written, so bad input writes nothing; each accepted item
 * is then stored as POST /messages stores it, and the answer lists them in request order.
 */
export const messageBatchRoutes =
  (ctx: ApiContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.post(
      '/apps/:appId/messages/batch',
      {
        bodyLimit: batchBodyLimit(ctx.payloadLimitBytes),
        schema: {
          tags: ['messages'],
          summary: `Accept up to ${MAX_BATCH_MESSAGES} messages in one request`,
          description:
            'Each item is a POST /messages body (idempotencyKey per item). Nothing is written unless every item is valid. ' +
            'The answer lists the messages in request order; idempotentReplayed marks an item whose key was seen within 24 h with the same request; a key reused for another message is a 409 idempotency_conflict naming the item, and nothing is written.',
          params: AppParams,
          headers: Type.Object({ traceparent: TraceparentHeader }),
          body: BatchCreate,
          response: {
            202: BatchOut,
            200: BatchOut,
            ...errorResponses,
            409: errorBody(409, ['idempotency_conflict']),
            413: errorBody(413),
          },
        },
      },
      async (request, reply) => {
        const appRecord = await loadApp(ctx, request, request.params.appId);
        const now = ctx.clock.now();
        const problems: ErrorDetail[] = [];
        let onlyTooLarge = true;
        const messages: NewMessage[] = request.body.messages.map((item, i) => {
          const payload = payloadText(item.payload, ctx.payloadLimitBytes);
          if (!payload.ok) {
            problems.push({ field: `messages[${i}].payload`, message: payload.problem });
            onlyTooLarge &&= payload.status === 413;
          }
          return newMessage(
            {
              appId: appRecord.id,
              eventType: item.eventType,
              payload: payload.ok ? payload.text : '{}',
              idempotencyKey: item.idempotencyKey ?? null,
              endpointId: item.endpointId ?? null,
              orderingKey: item.orderingKey ?? null,
            },
            now,
          );
        });
        if (await checkEndpoints(ctx, appRecord.id, messages, problems)) onlyTooLarge = false;
        if (problems.length > 0) {
          const text = `${problems[0].field}: ${problems[0].message}${problems.length > 1 ? ` (and ${problems.length - 1} more)` : ''}`;
          if (onlyTooLarge) throw new HooklineError('payload_too_large', text, problems);
          throw badRequest(text, problems);
        }
        const clash = await keyConflicts(ctx, appRecord.id, messages, now);
        if (clash) throw clash;
        // One transaction, all or nothing: the store checks each key again where it writes it, so a
        // key taken since the check above is refused the same way, naming its item.
        const results = await traceIngest(appRecord.id, messages, request.headers.traceparent, () =>
          ctx.store.insertMessages(messages, ctx.idempotencyWindowMs),
        );
        const data = results.map((r) =>
          messageJson(r.message, { deliveries: r.deliveries, idempotentReplayed: !r.created }),
        );
        return sendJsonText(
          reply,
          results.some((r) => r.created) ? 202 : 200,
          `{"data":[${data.join(',')}]}`,
        );
      },
    );
  };

/** Explicit endpoint ids must name endpoints of this app (checked once per distinct id); true when one does not. */
async function checkEndpoints(
  ctx: ApiContext,
  appId: string,
  messages: NewMessage[],
  problems: ErrorDetail[],
): Promise<boolean> {
  let unknown = false;
  const known = new Map<string, boolean>();
  for (const [i, m] of messages.entries()) {
    if (m.endpointId === null) continue;
    let exists = known.get(m.endpointId);
    if (exists === undefined) {
      exists = (await ctx.store.getEndpoint(appId, m.endpointId)) !== null;
      known.set(m.endpointId, exists);
    }
    if (!exists) {
      problems.push({
        field: `messages[${i}].endpointId`,
        message: `no endpoint ${m.endpointId} in this app`,
      });
      unknown = true;
    }
  }
  return unknown;
}

/** Room for a full batch of average messages, bounded so one request cannot hold the server's memory. */
function batchBodyLimit(payloadLimitBytes: number): number {
  return Math.min(32 * 1024 * 1024, Math.max(payloadLimitBytes + 64 * 1024, 4 * 1024 * 1024));
}
