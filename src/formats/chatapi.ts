import { normalizeStatus, type MessageStatusName } from '../domain/events/message-status.js';
import { stringifyJson } from '../lib/json.js';
import { readCanonical } from './canonical-payload.js';
import {
  chatapiSwitches,
  CHATAPI_SWITCH_CHECKS,
  type ChatapiSwitches,
} from './chatapi-switches.js';
import { checkOptions, isShortString, PRIVACY_CHECKS } from './format-options.js';
import type { RenderInput, RenderedRequest, WireFormat } from './format.js';
import { privacyOf, redactProfiles } from './privacy.js';
import { standardHeadersFor } from './standard-headers.js';
import { epochSeconds } from './times.js';

/**
 * Chat-API instance webhooks (page 003): `messages` (incoming and outgoing messages, missed calls;
 * always sent), `ack` (ackNotificationsOn), instance `status` (statusNotificationsOn) and
 * `chatUpdate` for a new conversation (chatUpdateOn). The switches default to false, as on
 * Chat-API, and come from the endpoint's formatOptions over the app's instance settings.
 * Signed with Standard Webhooks headers.
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

/** A missed call is a message whose body is the alert the page names: "Call-Miss". */
export const MISSED_CALL_BODY = 'Call-Miss';
export const MISSED_CALL_TYPE = 'call_log';

const ACK_STATUS: Partial<Record<MessageStatusName, string>> = {
  sent: 'sent',
  delivered: 'delivered',
  read: 'viewed',
};

/** The page: "1 – sent, 2 – delivered, 3 – viewed". */
const ACK_NUMBER: Record<string, number> = { sent: 1, delivered: 2, read: 3 };

function vcard(contact: Json): string {
  return `BEGIN:VCARD\nVERSION:3.0\nFN:${String(contact.name)}\nTEL;type=CELL:${String(contact.phone_number)}\nEND:VCARD`;
}

/**
 * Chat-API puts the content in `body`: the text, the media URL, "lat;lon" or a vCard. A video's
 * URL is there only with videoUploadOn ("auto-upload of videos from messages"); without it the
 * video is not uploaded and `body` is empty.
 */
function chatBody(message: Json, switches: ChatapiSwitches): unknown {
  if (message.type === 'text') return message.text;
  if (message.type === 'location') {
    const { lat, lon } = message.location as { lat: number; lon: number };
    return `${lat};${lon}`;
  }
  if (message.type === 'contact') return vcard(message.contact as Json);
  if (message.type === 'video' && !switches.videoUploadOn) return '';
  return message.media;
}

interface Side {
  fromMe: boolean;
  /** 0: sent from the phone, 1: sent through the API (page 003). */
  self: 0 | 1;
  author: unknown;
  senderName: unknown;
  /** The chat when the event names none: the other party, and its name. */
  otherParty: unknown;
  otherName: unknown;
  /** The ACK status at processing time; outgoing messages only ("missing" for incoming ones). */
  ack?: number;
}

/** One `messages[]` entry, in the page's field order. */
function messageEntry(data: Json, message: Json, side: Side, switches: ChatapiSwitches): Json {
  const conversation = (data.conversation as Json | undefined) ?? {};
  const withCaption =
    message.type === 'picture' || message.type === 'image' || message.type === 'video';
  return {
    id: (data.id as string | undefined) ?? String(data.message_token),
    body: chatBody(message, switches),
    fromMe: side.fromMe,
    self: side.self,
    isForwarded: message.forwarded === true ? 1 : 0,
    author: side.author,
    time: epochSeconds(data.timestamp as string),
    chatId: conversation.id ?? side.otherParty,
    messageNumber: conversation.message_number ?? null,
    type: CHATAPI_MESSAGE_TYPES[message.type as string],
    senderName: side.senderName,
    caption: withCaption ? (message.text ?? null) : null,
    quotedMsgId: message.quoted_message_id ?? null,
    ack: side.ack,
    chatName: conversation.name ?? side.otherName,
  };
}

function incoming(data: Json, switches: ChatapiSwitches): Json {
  const sender = data.sender as Json;
  return messageEntry(
    data,
    data.message as Json,
    {
      fromMe: false,
      self: 0,
      author: sender.id,
      senderName: sender.name,
      otherParty: sender.id,
      otherName: sender.name,
    },
    switches,
  );
}

function outgoing(data: Json, switches: ChatapiSwitches): Json {
  return messageEntry(
    data,
    data.message as Json,
    {
      fromMe: true,
      self: data.sent_from === 'api' ? 1 : 0,
      author: data.account_id ?? data.instance_id ?? null,
      senderName: data.sender_name ?? null,
      otherParty: data.recipient,
      otherName: data.recipient,
      ack: ACK_NUMBER[(data.status as string | undefined) ?? 'sent'],
    },
    switches,
  );
}

function missedCall(data: Json, switches: ChatapiSwitches): Json {
  const caller = data.caller as Json;
  return {
    ...messageEntry(
      data,
      { type: 'text', text: MISSED_CALL_BODY },
      {
        fromMe: false,
        self: 0,
        author: caller.id,
        senderName: caller.name,
        otherParty: caller.id,
        otherName: caller.name,
      },
      switches,
    ),
    type: MISSED_CALL_TYPE,
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
export function chatapiPayload(type: string, data: Json, switches: ChatapiSwitches): Json | null {
  switch (type) {
    case 'message.received':
      return { messages: [incoming(data, switches)] };
    case 'message.sent':
      return { messages: [outgoing(data, switches)] };
    case 'call.missed':
      return { messages: [missedCall(data, switches)] };
    case 'message.status': {
      const status = ACK_STATUS[normalizeStatus(data.status as MessageStatusName)];
      if (!switches.ackNotificationsOn || !status) return null;
      const id = (data.id as string | undefined) ?? String(data.message_token);
      return { ack: [{ id, chatId: data.conversation_id ?? data.recipient, status }] };
    }
    case 'instance.status':
      if (!switches.statusNotificationsOn) return null;
      return { status: data.status, time: epochSeconds(data.timestamp as string) };
    case 'conversation.started':
      if (!switches.chatUpdateOn) return null;
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
    const switches = chatapiSwitches(options, input.app.instanceSettings);
    const data = redactProfiles(canonical.type, canonical.data, privacyOf(options));
    const payload = chatapiPayload(canonical.type, data, switches);
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
      ...CHATAPI_SWITCH_CHECKS,
      instanceId: isShortString(64),
    }),
};
