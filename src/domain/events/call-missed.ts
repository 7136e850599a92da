import { Type, type Static } from '@sinclair/typebox';
import { defineEvent } from './definition.js';
import { Conversation } from './message-received.js';
import { DateTime, origin, Text, UserProfile } from './schema-kinds.js';

/** `call.missed`: a user called the business and nobody answered (Chat-API "Call-Miss" message). */
export const CallMissedSchema = Type.Object(
  {
    id: Text('Platform id of the call record'),
    timestamp: DateTime('When the call was missed'),
    ...origin,
    instance_id: Type.Optional(Text('Chat-API instance that was called', 64)),
    caller: UserProfile,
    video: Type.Optional(Type.Boolean({ description: 'A video call' })),
    conversation: Type.Optional(Conversation),
  },
  { additionalProperties: false },
);

export type CallMissed = Static<typeof CallMissedSchema>;

export const callMissed = defineEvent({
  type: 'call.missed',
  description: 'A user called the business and the call was missed.',
  schema: CallMissedSchema,
  sample: {
    id: 'call-7f3a9c21',
    timestamp: '2026-01-15T09:45:03.000Z',
    channel: 'viber',
    instance_id: '128634',
    caller: {
      id: '01234567890A=',
      name: 'Jane Doe',
      avatar: 'https://media-direct.cdn.viber.com/download_photo?dlid=avatar01&fltp=jpg&imsz=0000',
      phone: '447700900123',
    },
    video: false,
    conversation: { id: '01234567890A=', name: 'Jane Doe', type: 'private', message_number: 44 },
  },
});
