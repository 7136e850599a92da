import { Type, type Static } from '@sinclair/typebox';
import { defineEvent } from './definition.js';
import { DateTime, Int64, origin, UserProfile } from './schema-kinds.js';

/** `conversation.started`: a user opened a conversation with the business (Viber `conversation_started`). */
export const ConversationStartedSchema = Type.Object(
  {
    type: Type.String({
      minLength: 1,
      maxLength: 64,
      description: 'How it was opened; Viber sends `open`',
    }),
    context: Type.Optional(
      Type.String({ maxLength: 4096, description: 'The deep link context parameter' }),
    ),
    subscribed: Type.Boolean({ description: 'Whether the user is already subscribed' }),
    user: UserProfile,
    timestamp: DateTime('When the conversation was opened'),
    message_token: Type.Optional(
      Int64({ minimum: 0, description: 'Platform event token (64-bit)' }),
    ),
    ...origin,
  },
  { additionalProperties: false },
);

export type ConversationStarted = Static<typeof ConversationStartedSchema>;

export const conversationStarted = defineEvent({
  type: 'conversation.started',
  description:
    'A user opened a conversation with the business, before subscribing (Viber `conversation_started`).',
  schema: ConversationStartedSchema,
  sample: {
    type: 'open',
    context: 'spring-sale-qr',
    subscribed: false,
    user: {
      id: '01234567890A=',
      name: 'Jane Doe',
      avatar: 'https://media-direct.cdn.viber.com/download_photo?dlid=avatar01&fltp=jpg&imsz=0000',
      country: 'GB',
      language: 'en',
      api_version: 10,
    },
    timestamp: '2026-01-15T09:27:55.120Z',
    message_token: 5741311803571700003n,
    chat_hostname: 'SN-CHAT-05_',
  },
});
