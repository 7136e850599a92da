import { Type } from '@sinclair/typebox';
import { ERROR_KINDS } from '../../domain/types.js';
import { literals } from './common.js';

/** What per-key endpoints order a message by; see docs/ordering.md. */
export const OrderingKey = Type.String({
  minLength: 1,
  maxLength: 256,
  description:
    'Per-key endpoints deliver messages with the same key one at a time, in acceptance order. Default: derived from the event (a message’s token for its statuses, the user for inbound messages and subscriptions)',
});

export const MessageCreate = Type.Object(
  {
    eventType: Type.String({
      minLength: 1,
      maxLength: 256,
      pattern: '^[A-Za-z0-9_:-]+(\\.[A-Za-z0-9_:-]+)*$',
    }),
    payload: Type.Unknown({ description: 'Any JSON object; 64-bit integers are kept exact.' }),
    idempotencyKey: Type.Optional(Type.String({ minLength: 1, maxLength: 256 })),
    orderingKey: Type.Optional(OrderingKey),
    endpointId: Type.Optional(
      Type.String({ minLength: 1, maxLength: 64, description: 'Deliver to this endpoint only.' }),
    ),
  },
  { $id: 'MessageCreate', additionalProperties: false },
);

export const MessageOut = Type.Object(
  {
    id: Type.String(),
    appId: Type.String(),
    eventType: Type.String(),
    payload: Type.Unknown({
      description:
        'The payload as accepted; null once payload retention dropped it (see payloadDroppedAt)',
    }),
    payloadDroppedAt: Type.Union([Type.String(), Type.Null()], {
      description:
        'When payload retention (HOOKLINE_PAYLOAD_RETENTION_DAYS) dropped the payload; null while it is kept. The metadata, deliveries and attempts stay; the message cannot be sent again.',
    }),
    idempotencyKey: Type.Union([Type.String(), Type.Null()]),
    endpointId: Type.Union([Type.String(), Type.Null()]),
    orderingKey: Type.Union([Type.String(), Type.Null()]),
    createdAt: Type.String(),
  },
  { $id: 'Message' },
);

export const MessageListQuery = Type.Object({
  eventType: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 256,
      description: 'An event type, or a `prefix.*` wildcard as in endpoint filters',
    }),
  ),
  since: Type.Optional(Type.String({ format: 'date-time' })),
  until: Type.Optional(Type.String({ format: 'date-time' })),
});

const DeliveryState = literals(['pending', 'delivering', 'succeeded', 'failed', 'held'] as const, {
  description:
    'held: kept unsent while its endpoint is disabled; sent only when asked (enable with sendHeld, or recover with state held)',
});

export const DeliveryOut = Type.Object(
  {
    id: Type.Integer(),
    appId: Type.String(),
    messageId: Type.String(),
    endpointId: Type.String(),
    state: DeliveryState,
    attempts: Type.Integer(),
    nextAttemptAt: Type.Union([Type.String(), Type.Null()]),
    lastStatus: Type.Union([Type.Integer(), Type.Null()]),
    lastError: Type.Union([Type.String(), Type.Null()]),
    createdAt: Type.String(),
    updatedAt: Type.String(),
  },
  { $id: 'Delivery' },
);

export const ReplayBody = Type.Object(
  {
    endpointId: Type.String({ minLength: 1, maxLength: 64, description: 'an endpoint of the app' }),
  },
  { additionalProperties: false },
);

export const DeliveryListQuery = Type.Object({
  state: Type.Optional(DeliveryState),
  endpointId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  messageId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
});

export const AttemptOut = Type.Object(
  {
    id: Type.Integer(),
    deliveryId: Type.Union([Type.Integer(), Type.Null()]),
    messageId: Type.String(),
    endpointId: Type.String(),
    at: Type.String(),
    durationMs: Type.Integer(),
    statusCode: Type.Union([Type.Integer(), Type.Null()]),
    responseHeaders: Type.Record(Type.String(), Type.String()),
    requestHeaders: Type.Record(Type.String(), Type.String(), {
      description: 'The headers sent; Authorization and credential-named headers redacted',
    }),
    responseBody: Type.String(),
    errorKind: Type.Union([literals(ERROR_KINDS), Type.Null()]),
    errorMessage: Type.Union([Type.String(), Type.Null()]),
    test: Type.Boolean(),
  },
  { $id: 'Attempt' },
);
