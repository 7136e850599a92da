import { Type, type Static } from '@sinclair/typebox';
import type { ErrorDetail } from '../../lib/errors.js';
import { defineEvent } from './definition.js';
import { DateTime, Int64, origin, Text, Uri } from './schema-kinds.js';

/** `message.status`: a message the business sent changed state (Viber delivered/seen/failed). */
export const MESSAGE_STATUSES = ['sent', 'delivered', 'read', 'seen', 'failed', 'deleted'] as const;
export type MessageStatusName = (typeof MESSAGE_STATUSES)[number];

/** `seen` is Viber's word for `read`; formats speak of one status. */
export function normalizeStatus(status: MessageStatusName): Exclude<MessageStatusName, 'seen'> {
  return status === 'seen' ? 'read' : status;
}

const Campaign = Type.Object(
  {
    id: Type.Optional(Text('Campaign tracking id')),
    label: Type.Optional(Type.String({ maxLength: 256, description: 'Campaign label' })),
    groups: Type.Optional(Type.Array(Text('Contact group (tag)'), { maxItems: 100 })),
    ttl: Type.Optional(
      Type.Integer({ minimum: 0, description: 'Seconds until the message expires' }),
    ),
    application_name: Type.Optional(Text('Application that sent the campaign')),
    inbound_url: Type.Optional(
      Uri('Where inbound messages of the campaign go (Routee inboundUrl)'),
    ),
  },
  { additionalProperties: false },
);

const Content = Type.Object(
  {
    text: Type.Optional(Type.String({ maxLength: 7000 })),
    ios_fallback_text: Type.Optional(
      Type.String({
        maxLength: 7000,
        description: 'Alternative message sent after the TTL expires (Routee iosFallbackText)',
      }),
    ),
    image_url: Type.Optional(Uri('Image sent with the message')),
    action: Type.Optional(
      Type.Object(
        { caption: Text('Button text', 64), target_url: Uri('Button target') },
        { additionalProperties: false },
      ),
    ),
    file: Type.Optional(
      Type.Object(
        {
          name: Text('File name', 512),
          type: Text('File type, e.g. pdf', 64),
          url: Uri('Where the file is'),
        },
        {
          additionalProperties: false,
          description: 'A file sent with the message (Routee viberFile)',
        },
      ),
    ),
  },
  { additionalProperties: false, description: 'What the business sent' },
);

export const MessageStatusSchema = Type.Object(
  {
    message_token: Int64({
      minimum: 0,
      description: 'Token of the message the status is about (64-bit)',
    }),
    id: Type.Optional(Text('Platform message id as a string (defaults to the token)')),
    status: Type.Union(
      MESSAGE_STATUSES.map((s) => Type.Literal(s)),
      { description: 'sent, delivered, read (Viber: seen), failed, deleted' },
    ),
    reason: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 1024,
        description: 'Why it failed; required for failed',
      }),
    ),
    reason_code: Type.Optional(Text('Detailed status code of a failure', 128)),
    recipient: Text('The user the message was sent to (user id or phone number)'),
    timestamp: DateTime('When the status changed'),
    submitted_at: Type.Optional(DateTime('When the message was handed to the operator')),
    delivered_at: Type.Optional(DateTime('When it reached the handset')),
    read_at: Type.Optional(DateTime('When the user read it')),
    processed_at: Type.Optional(DateTime('When the platform processed it')),
    foreign_id: Type.Optional(
      Type.String({ maxLength: 256, description: 'Identifier the sender supplied' }),
    ),
    ...origin,
    instance_id: Type.Optional(Text('Chat-API instance that sent the message', 64)),
    conversation_id: Type.Optional(
      Text('Chat the message was sent in (defaults to the recipient)'),
    ),
    country: Type.Optional(
      Type.String({ pattern: '^[A-Z]{2}$', description: 'Recipient country' }),
    ),
    price: Type.Optional(Type.Number({ minimum: 0, description: 'Cost of the message' })),
    campaign: Type.Optional(Campaign),
    content: Type.Optional(Content),
  },
  { additionalProperties: false },
);

export type MessageStatus = Static<typeof MessageStatusSchema>;

function refine(data: MessageStatus): ErrorDetail[] {
  if (data.status === 'failed' && data.reason === undefined) {
    return [{ field: 'reason', message: 'required when status is failed' }];
  }
  return [];
}

export const messageStatus = defineEvent({
  type: 'message.status',
  description:
    'A message the business sent changed status: sent, delivered, read (seen), failed (with a reason), deleted.',
  schema: MessageStatusSchema,
  refine,
  sample: {
    message_token: 5741311803571721087n,
    id: 'a418d672-9781-4d97-b517-a56f7d95ad8a',
    status: 'delivered',
    recipient: '01234567890A=',
    timestamp: '2026-01-15T09:31:02.886358Z',
    submitted_at: '2026-01-15T09:31:00.120000Z',
    delivered_at: '2026-01-15T09:31:02.886358Z',
    processed_at: '2026-01-15T09:31:00.004512Z',
    foreign_id: 'order-4521-notice',
    channel: 'viber',
    account_id: '700969ca-0cb2-11ec-a2c0-0242ac130003',
    chat_hostname: 'SN-CHAT-05_',
    country: 'GB',
    price: 0.0125,
    campaign: {
      id: '4b6a1e0c-8f1e-4f59-a3b1-6d2f0c1d9e77',
      label: 'order-updates',
      groups: ['customers'],
      ttl: 86400,
      application_name: 'shop-backend',
    },
    content: { text: 'Your order #4521 has shipped.' },
  },
});
