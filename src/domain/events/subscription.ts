import { Type, type Static } from '@sinclair/typebox';
import { defineEvent } from './definition.js';
import { DateTime, Int64, origin, Text, UserProfile } from './schema-kinds.js';

/** `subscription.subscribed` / `subscription.unsubscribed`: a user (un)subscribed to the business. */
const token = Type.Optional(Int64({ minimum: 0, description: 'Platform event token (64-bit)' }));

export const SubscribedSchema = Type.Object(
  {
    user: UserProfile,
    timestamp: DateTime('When the user subscribed'),
    message_token: token,
    ...origin,
  },
  { additionalProperties: false },
);

export const UnsubscribedSchema = Type.Object(
  {
    user_id: Text('The user who unsubscribed'),
    timestamp: DateTime('When the user unsubscribed'),
    message_token: token,
    ...origin,
  },
  { additionalProperties: false },
);

export type Subscribed = Static<typeof SubscribedSchema>;
export type Unsubscribed = Static<typeof UnsubscribedSchema>;

export const subscribed = defineEvent({
  type: 'subscription.subscribed',
  description: 'A user subscribed to the business (Viber `subscribed`).',
  schema: SubscribedSchema,
  sample: {
    user: {
      id: '01234567890A=',
      name: 'Jane Doe',
      avatar: 'https://media-direct.cdn.viber.com/download_photo?dlid=avatar01&fltp=jpg&imsz=0000',
      country: 'GB',
      language: 'en',
      api_version: 10,
    },
    timestamp: '2026-01-15T09:28:40.001Z',
    message_token: 5741311803571720001n,
    chat_hostname: 'SN-CHAT-05_',
  },
});

export const unsubscribed = defineEvent({
  type: 'subscription.unsubscribed',
  description: 'A user unsubscribed from the business (Viber `unsubscribed`).',
  schema: UnsubscribedSchema,
  sample: {
    user_id: '01234567890A=',
    timestamp: '2026-01-16T18:02:11.500Z',
    message_token: 5741311803571790002n,
    chat_hostname: 'SN-CHAT-05_',
  },
});
