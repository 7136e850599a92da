import { Type, type Static } from '@sinclair/typebox';
import { defineEvent, type EventDefinition } from './events/definition.js';
import { DISABLED_REASONS } from './types.js';

/**
 * The operational events' payload schemas and samples (operational-events.ts makes the events):
 * what docs/events.md documents. Apart, so that the store thread, which writes the events, does
 * not load TypeBox to boot.
 */

const Id = (description: string) => Type.String({ description, maxLength: 64 });
const Time = (description: string) => Type.String({ format: 'date-time', description });

const about = {
  appId: Id('The app the endpoint belongs to'),
  endpointId: Id('The endpoint'),
  url: Type.String({ description: 'Its URL', maxLength: 2048 }),
};

const LastError = Type.Union(
  [
    Type.Object(
      {
        at: Time('When'),
        message: Type.String({ description: 'What went wrong', maxLength: 4096 }),
        statusCode: Type.Union([Type.Integer(), Type.Null()], { description: 'HTTP status' }),
        kind: Type.Union([Type.String(), Type.Null()], {
          description: 'timeout, connection, dns, status, tls or blocked',
        }),
      },
      { additionalProperties: false },
    ),
    Type.Null(),
  ],
  { description: 'The last failed attempt' },
);

export const EndpointDisabledSchema = Type.Object(
  {
    ...about,
    reason: Type.Union(
      DISABLED_REASONS.map((r) => Type.Literal(r)),
      { description: 'gone (410 Gone), failing (HOOKLINE_DISABLE_AFTER), manual' },
    ),
    disabledAt: Time('When it was disabled'),
    failingSince: Type.Union([Time('First failure since the last success'), Type.Null()]),
  },
  { additionalProperties: false },
);

export const EndpointEnabledSchema = Type.Object(
  { ...about, enabledAt: Time('When it was enabled again') },
  { additionalProperties: false },
);

export const EndpointFailingSchema = Type.Object(
  {
    ...about,
    consecutiveFailures: Type.Integer({ description: 'Failed attempts since the last success' }),
    failingSince: Time('First failure since the last success'),
    lastError: LastError,
  },
  { additionalProperties: false },
);

export const EndpointRecoveredSchema = Type.Object(
  {
    ...about,
    recoveredAt: Time('The first success after it was failing'),
    failingSince: Time('When it had started failing'),
    failures: Type.Integer({ description: 'Failed attempts before this success' }),
  },
  { additionalProperties: false },
);

export const AttemptExhaustedSchema = Type.Object(
  {
    ...about,
    messageId: Id('The message'),
    deliveryId: Type.Integer({ description: 'Its delivery to the endpoint, now failed' }),
    lastStatus: Type.Union([Type.Integer(), Type.Null()], {
      description: 'HTTP status of the last attempt; null when no answer came',
    }),
    lastError: Type.Union([Type.String(), Type.Null()], { description: 'Why it failed' }),
    at: Time('When the last attempt was made'),
  },
  { additionalProperties: false },
);

const SAMPLE = {
  appId: 'app_01JHX4Y8J6QKZ5V3M2N1P0R9ST',
  endpointId: 'ep_01JHX4Z2A7B8C9D0E1F2G3H4JK',
  url: 'https://hooks.example.com/viber',
};

export const OPERATIONAL_EVENTS: EventDefinition[] = [
  defineEvent({
    type: 'endpoint.disabled',
    description:
      'An endpoint was disabled: its receiver answered 410 Gone, it failed for HOOKLINE_DISABLE_AFTER, or someone switched it off. Its deliveries are held.',
    schema: EndpointDisabledSchema,
    sample: {
      ...SAMPLE,
      reason: 'failing',
      disabledAt: '2026-01-20T09:00:00.000Z',
      failingSince: '2026-01-15T08:59:12.000Z',
    },
  }),
  defineEvent({
    type: 'endpoint.enabled',
    description: 'A disabled endpoint was enabled again (through the API or the console).',
    schema: EndpointEnabledSchema,
    sample: { ...SAMPLE, enabledAt: '2026-01-20T11:30:00.000Z' },
  }),
  defineEvent({
    type: 'endpoint.failing',
    description:
      'An endpoint reached HOOKLINE_FAILING_AFTER consecutive failed attempts (sent once per failing spell).',
    schema: EndpointFailingSchema,
    sample: {
      ...SAMPLE,
      consecutiveFailures: 5,
      failingSince: '2026-01-15T08:59:12.000Z',
      lastError: {
        at: '2026-01-15T11:59:40.000Z',
        message: 'HTTP 503',
        statusCode: 503,
        kind: 'status',
      },
    },
  }),
  defineEvent({
    type: 'endpoint.recovered',
    description: 'The first success of an endpoint after it was failing.',
    schema: EndpointRecoveredSchema,
    sample: {
      ...SAMPLE,
      recoveredAt: '2026-01-15T14:02:11.000Z',
      failingSince: '2026-01-15T08:59:12.000Z',
      failures: 7,
    },
  }),
  defineEvent({
    type: 'message.attempt.exhausted',
    description:
      'A delivery used its last attempt and failed for good (recover or retry can send it again).',
    schema: AttemptExhaustedSchema,
    sample: {
      ...SAMPLE,
      messageId: 'msg_01JHX50QW3E4R5T6Y7U8I9O0PA',
      deliveryId: 4711,
      lastStatus: 500,
      lastError: 'HTTP 500',
      at: '2026-01-16T12:44:03.000Z',
    },
  }),
] as unknown as EventDefinition[];

export type EndpointDisabled = Static<typeof EndpointDisabledSchema>;
