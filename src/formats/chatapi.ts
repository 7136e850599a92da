import { normalizeStatus, type MessageStatusName } from '../domain/events/message-status.js';
import { stringifyJson } from '../lib/json.js';
import { readCanonical } from './canonical-payload.js';
import { checkOptions, isBoolean, isShortString, PRIVACY_CHECKS } from './format-options.js';
import type { RenderInput, RenderedRequest, WireFormat } from './format.js';
import { privacyOf, redactProfiles } from './privacy.js';
import { standardHeadersFor } from './standard-headers.js';
import { epochSeconds } from './times.js';

/**
 * Chat-API instance webhooks: `messages` (always sent), `ack` (ackNotificationsOn), instance
 * `status` (statusNotificationsOn) and `chatUpdate` for a new conversation (chatUpdateOn). The
 * switches default to false, as on Chat-API. Signed with Standard Webhooks headers.
 */
type Json = Record<string, unknown>;

export const CHATAPI_MESSAGE_TYPES: Record<string, string> = {
  text: 'chat',
  url: 'chat',
  picture: 'image',
  image: 'image',
  video: 'video',
  file: 'document',
  location: 'location',
  contact: 'vcard',
  sticker: 'sticker',
};

const ACK_STATUS: Partial<Record<MessageStatusName, string>> = {
  sent: 'sent',
  delivered: 'delivered',
  read: 'viewed',
};

function vcard(contact: Json): string {
  return `BEGIN:VCARD\nVERSION:3.0\nFN:${String(contact.name)}\nTEL;type=CELL:${String(contact.phone_number)}\nEND:VCARD`;
}

/** Chat-API puts the content in `body`: the text, the media URL, "lat;lon" or a vCard. */
function chatBody(message: Json): unknown {
  if (message.type === 'text') return message.text;
  if (message.type === 'location') {
    const { lat, lon } = message.location as { lat: number; lon: number };
    return `${lat};${lon}`;
  }
  if (message.type === 'contact') return vcard(message.contact as Json);
  return message.media;
}

function chatMessage(data: Json): Json {
  const sender = data.sender as Json;
  const message = data.message as Json;
  const conversation = (data.conversation as Json | undefined) ?? {};
  const withCaption =
    message.type === 'picture' || message.type === 'image' || message.type === 'video';
  return {
    id: (data.id as string | undefined) ?? String(data.message_token),
    body: chatBody(message),
    fromMe: false,
    self: 0,
    isForwarded: message.forwarded === true ? 1 : 0,
    author: sender.id,
    time: epochSeconds(data.timestamp as string),
    chatId: conversation.id ?? sender.id,
    messageNumber: conversation.message_number ?? null,
    type: CHATAPI_MESSAGE_TYPES[message.type as string],
    senderName: sender.name,
    caption: withCaption ? (message.text ?? null) : null,
    quotedMsgId: message.quoted_message_id ?? null,
    chatName: conversation.name ?? sender.name,
  };
}

function chatUpdate(data: Json): Json {
  const user = data.user as Json;
  const dialog: Json = {
    id: user.id,
    name: user.name,
    image: user.avatar,
    metadata: { isGroup: false, participants: [] },
  };
  return { dialog, old_dialog: null, status: 'created' };
}

/** The Chat-API body (without instanceId) for a canonical event, or null when not sent. */
export function chatapiPayload(type: string, data: Json, options: Json): Json | null {
  switch (type) {
    case 'message.received':
      return { messages: [chatMessage(data)] };
    case 'message.status': {
      const status = ACK_STATUS[normalizeStatus(data.status as MessageStatusName)];
      if (options.ackNotificationsOn !== true || !status) return null;
      const id = (data.id as string | undefined) ?? String(data.message_token);
      return { ack: [{ id, chatId: data.conversation_id ?? data.recipient, status }] };
    }
    case 'instance.status':
      if (options.statusNotificationsOn !== true) return null;
      return { status: data.status, time: epochSeconds(data.timestamp as string) };
    case 'conversation.started':
      if (options.chatUpdateOn !== true) return null;
      return { chatUpdate: [chatUpdate(data)] };
    default:
      return null;
  }
}

export const chatapiFormat: WireFormat = {
  name: 'chatapi',
  render(input: RenderInput): RenderedRequest | null {
    const canonical = readCanonical(input.message);
    if (!canonical) return null;
    const options = input.endpoint.formatOptions;
    const data = redactProfiles(canonical.type, canonical.data, privacyOf(options));
    const payload = chatapiPayload(canonical.type, data, options);
    if (!payload) return null;
    const instanceId = options.instanceId ?? data.instance_id ?? null;
    const body = stringifyJson({ ...payload, instanceId });
    return {
      method: 'POST',
      url: input.endpoint.url,
      headers: {
        ...input.endpoint.headers,
        'content-type': 'application/json',
        ...standardHeadersFor(input, body),
      },
      body,
    };
  },
  validateOptions: (options) =>
    checkOptions(options, {
      ...PRIVACY_CHECKS,
      ackNotificationsOn: isBoolean,
      statusNotificationsOn: isBoolean,
      chatUpdateOn: isBoolean,
      instanceId: isShortString(64),
    }),
};
