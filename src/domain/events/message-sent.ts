import { Type, type Static } from '@sinclair/typebox';
import { defineEvent } from './definition.js';
import { contentProblems, Conversation, MessageContent } from './message-received.js';
import { DateTime, Int64, origin, Text } from './schema-kinds.js';

/**
 * `message.sent`: the business sent a message, from its phone or through the API (Chat-API
 * `messages` with `fromMe: true`; `self` says where it was sent from).
 */
export const MessageSentSchema = Type.Object(
  {
    message_token: Int64({ minimum: 0, description: 'Platform message token: a 64-bit integer' }),
    id: Type.Optional(Text('Platform message id as a string (defaults to the token)')),
    timestamp: DateTime('When the message was sent'),
    ...origin,
    instance_id: Type.Optional(Text('Chat-API instance that sent the message', 64)),
    recipient: Text('The user the message was sent to (user id or phone number)'),
    sent_from: Type.Union([Type.Literal('phone'), Type.Literal('api')], {
      description: "Where it was sent from: the business's phone or the API (Chat-API self 0 / 1)",
    }),
    sender_name: Type.Optional(
      Type.String({ maxLength: 256, description: 'The business name shown as the sender' }),
    ),
    status: Type.Optional(
      Type.Union([Type.Literal('sent'), Type.Literal('delivered'), Type.Literal('read')], {
        description: 'Its status when the event was produced (Chat-API ack 1, 2, 3)',
      }),
    ),
    message: MessageContent,
    conversation: Type.Optional(Conversation),
  },
  { additionalProperties: false },
);

export type MessageSent = Static<typeof MessageSentSchema>;

export const messageSent = defineEvent({
  type: 'message.sent',
  description:
    'The business sent a message, from its phone or through the API (same kinds as message.received).',
  schema: MessageSentSchema,
  refine: (data) => contentProblems(data.message),
  sample: {
    message_token: 5741311803571730004n,
    id: 'c0e7d2a1-5b7e-4f0a-9d8e-3b1f2a4c5d6e',
    timestamp: '2026-01-15T09:32:40.000Z',
    channel: 'viber',
    account_id: '447700900999',
    instance_id: '128634',
    recipient: '01234567890A=',
    sent_from: 'api',
    sender_name: 'Shop',
    status: 'sent',
    message: { type: 'text', text: 'Your order #4521 is on its way.' },
    conversation: { id: '01234567890A=', name: 'Jane Doe', type: 'private', message_number: 43 },
  },
});
