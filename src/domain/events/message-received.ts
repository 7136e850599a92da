import { Type, type Static } from '@sinclair/typebox';
import type { ErrorDetail } from '../../lib/errors.js';
import { defineEvent } from './definition.js';
import { DateTime, Int64, origin, Text, Uri, UserProfile } from './schema-kinds.js';

/** `message.received`: a user sent the business a message (Viber `message`, business `viber:message:in`). */
export const MESSAGE_KINDS = [
  'text',
  'picture',
  'image',
  'video',
  'file',
  'location',
  'contact',
  'sticker',
  'url',
] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

export const MessageContent = Type.Object(
  {
    type: Type.Union(
      MESSAGE_KINDS.map((k) => Type.Literal(k)),
      { description: 'Kind of message; picture and image are the same kind' },
    ),
    text: Type.Optional(
      Type.String({ maxLength: 7000, description: 'Text, or the caption of a picture/video' }),
    ),
    media: Type.Optional(
      Uri('Media URL (picture, video, file, sticker) or the link of a url message'),
    ),
    thumbnail: Type.Optional(Uri('Thumbnail URL')),
    file_name: Type.Optional(Text('File name', 512)),
    size: Type.Optional(Type.Integer({ minimum: 0, description: 'Size in bytes' })),
    duration: Type.Optional(Type.Integer({ minimum: 0, description: 'Video length in seconds' })),
    location: Type.Optional(
      Type.Object(
        {
          lat: Type.Number({ minimum: -90, maximum: 90 }),
          lon: Type.Number({ minimum: -180, maximum: 180 }),
        },
        { additionalProperties: false },
      ),
    ),
    contact: Type.Optional(
      Type.Object(
        {
          name: Text('Contact name'),
          phone_number: Text('Contact phone number', 32),
          avatar: Type.Optional(Uri('Contact avatar URL')),
        },
        { additionalProperties: false },
      ),
    ),
    sticker_id: Type.Optional(Type.Integer({ minimum: 0, description: 'Viber sticker id' })),
    tracking_data: Type.Optional(
      Type.String({ maxLength: 4096, description: 'Tracking data the bot attached' }),
    ),
    forwarded: Type.Optional(Type.Boolean({ description: 'The user forwarded this message' })),
    quoted_message_id: Type.Optional(Text('Id of the message this one replies to')),
  },
  { additionalProperties: false },
);

export const Conversation = Type.Object(
  {
    id: Text('Conversation (chat) id'),
    name: Type.Optional(
      Type.String({ maxLength: 256, description: 'Chat name; a user name in private chats' }),
    ),
    type: Type.Optional(Type.Union([Type.Literal('private'), Type.Literal('group')])),
    message_number: Type.Optional(
      Type.Integer({ minimum: 0, description: 'Serial number in the chat' }),
    ),
  },
  { additionalProperties: false },
);

export const MessageReceivedSchema = Type.Object(
  {
    message_token: Int64({ minimum: 0, description: 'Platform message token: a 64-bit integer' }),
    id: Type.Optional(Text('Platform message id as a string (defaults to the token)')),
    timestamp: DateTime('When the platform received the message'),
    ...origin,
    instance_id: Type.Optional(Text('Chat-API instance that received the message', 64)),
    sender: UserProfile,
    message: MessageContent,
    conversation: Type.Optional(Conversation),
    silent: Type.Optional(Type.Boolean({ description: 'Sent silently (no notification)' })),
  },
  { additionalProperties: false },
);

export type MessageReceived = Static<typeof MessageReceivedSchema>;

/** The fields each kind cannot do without (beyond `type`). */
export const REQUIRED_BY_KIND: Record<MessageKind, Array<keyof MessageReceived['message']>> = {
  text: ['text'],
  picture: ['media'],
  image: ['media'],
  video: ['media', 'size'],
  file: ['media', 'size', 'file_name'],
  location: ['location'],
  contact: ['contact'],
  sticker: ['sticker_id'],
  url: ['media'],
};

/** What each message kind needs; shared by message.received and message.sent. */
export function contentProblems(message: MessageReceived['message']): ErrorDetail[] {
  const kind = message.type;
  return REQUIRED_BY_KIND[kind]
    .filter((field) => message[field] === undefined)
    .map((field) => ({
      field: `message.${field}`,
      message: `required when message.type is ${kind}`,
    }));
}

function refine(data: MessageReceived): ErrorDetail[] {
  return contentProblems(data.message);
}

export const messageReceived = defineEvent({
  type: 'message.received',
  description:
    'A user sent a message to the business (kinds: text, picture/image, video, file, location, contact, sticker, url).',
  schema: MessageReceivedSchema,
  refine,
  sample: {
    message_token: 5741311803571721087n,
    id: '94e6ce87-1429-4e98-9715-2ec461401fd2',
    timestamp: '2026-01-15T09:30:12.345Z',
    channel: 'viber',
    account_id: 'pa:5435345635',
    chat_hostname: 'SN-CHAT-05_',
    sender: {
      id: '01234567890A=',
      name: 'Jane Doe',
      avatar: 'https://media-direct.cdn.viber.com/download_photo?dlid=avatar01&fltp=jpg&imsz=0000',
      country: 'GB',
      language: 'en',
      api_version: 10,
      phone: '447700900123',
    },
    message: {
      type: 'text',
      text: 'Hi! Where is my order #4521?',
      tracking_data: 'order-4521',
    },
    conversation: { id: '01234567890A=', name: 'Jane Doe', type: 'private', message_number: 42 },
  },
});
