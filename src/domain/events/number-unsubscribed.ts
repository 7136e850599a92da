import { Type, type Static } from '@sinclair/typebox';
import { defineEvent } from './definition.js';
import { DateTime, origin, Text } from './schema-kinds.js';

/** `number.unsubscribed`: a phone number opted out of the business's messages (business messaging). */
export const NumberUnsubscribedSchema = Type.Object(
  {
    id: Type.Union([Type.Integer({ minimum: 0 }), Type.String({ minLength: 1, maxLength: 64 })], {
      description: 'Id of the opt-out record',
    }),
    number: Text('The phone number, with country code', 32),
    type: Text('What was opted out of: all, or a category', 64),
    value: Type.String({ maxLength: 256, description: 'Opt-out value; * for everything' }),
    timestamp: DateTime('When the opt-out was recorded'),
    ...origin,
  },
  { additionalProperties: false },
);

export type NumberUnsubscribed = Static<typeof NumberUnsubscribedSchema>;

export const numberUnsubscribed = defineEvent({
  type: 'number.unsubscribed',
  description:
    'A phone number opted out of the business messages (the business-messaging unsubscribe notification).',
  schema: NumberUnsubscribedSchema,
  sample: {
    id: 173,
    number: '447700900123',
    type: 'all',
    value: '*',
    timestamp: '2026-01-16T18:02:11.000000Z',
    channel: 'viber',
  },
});
