import { normalizeStatus, type MessageStatusName } from '../domain/events/message-status.js';
import { stringifyJson } from '../lib/json.js';
import { signatureHeader } from '../signing/hex-hmac.js';
import { readCanonical } from './canonical-payload.js';
import { checkOptions, PRIVACY_CHECKS, type OptionCheck } from './format-options.js';
import type { RenderInput, RenderedRequest, WireFormat } from './format.js';
import { PHOTO_PLACEHOLDER, privacyOf, redactProfiles } from './privacy.js';
import { currentSecret } from './signing-secret.js';

/**
 * The business-messaging envelope (page 001): `<channel>:message:status` and
 * `<channel>:message:in` (channel `viber` unless the event names another), and the bare
 * number-unsubscribe notification. Signed with a `Signature` header: hex HMAC-SHA256 of the body
 * keyed with the endpoint secret, or with the webhook id as the page says (`signatureKey`).
 */
type Json = Record<string, unknown>;

export const UNSUBSCRIBE_STATUS_TEXT = 'Unsubscriber created successfully';

const messageId = (data: Json): string =>
  (data.id as string | undefined) ?? String(data.message_token);
const channelOf = (data: Json): string => (data.channel as string | undefined) ?? 'viber';

function statusNotification(data: Json): Json {
  return {
    event: `${channelOf(data)}:message:status`,
    payload: {
      id: messageId(data),
      channel: channelOf(data),
      from: data.account_id ?? null,
      to: data.recipient,
      status: normalizeStatus(data.status as MessageStatusName),
      delivered_at: data.delivered_at ?? null,
      read_at: data.read_at ?? null,
      processed_at: data.processed_at ?? null,
      timestamp: data.timestamp,
      foreign_id: data.foreign_id ?? null,
    },
  };
}

/** The page writes unknown user_info values as the string "null" (`"picture": "null"`). */
const PAGE_NULL = 'null';

function businessUser(sender: Json): Json {
  const shownPhoto =
    typeof sender.avatar === 'string' && sender.avatar !== PHOTO_PLACEHOLDER ? sender.avatar : null;
  return {
    id: sender.id,
    identifier_id: sender.identifier_id ?? null,
    subscriber_id: sender.subscriber_id ?? null,
    identity: sender.identity ?? null,
    username: sender.username ?? sender.name,
    first_name: sender.first_name ?? null,
    middle_name: sender.middle_name ?? null,
    last_name: sender.last_name ?? null,
    email: sender.email ?? null,
    phone: sender.phone ?? null,
    attributes: sender.attributes ?? null,
    user_info: {
      picture: shownPhoto ?? PAGE_NULL,
      gender: sender.gender ?? PAGE_NULL,
      title: sender.title ?? PAGE_NULL,
    },
  };
}

/** {type, payload} of an inbound message, per kind. */
export function businessContent(message: Json): Json {
  const { text, media, thumbnail, file_name, size, duration, location, contact, sticker_id } =
    message;
  switch (message.type) {
    case 'text':
      return { type: 'text', payload: { text } };
    case 'picture':
    case 'image':
      return { type: 'image', payload: { url: media, caption: text, thumbnail } };
    case 'video':
      return { type: 'video', payload: { url: media, caption: text, thumbnail, size, duration } };
    case 'file':
      return { type: 'file', payload: { url: media, file_name, size } };
    case 'location': {
      const { lat, lon } = location as { lat: number; lon: number };
      return { type: 'location', payload: { latitude: lat, longitude: lon } };
    }
    case 'contact': {
      const { name, phone_number } = contact as Json;
      return { type: 'contact', payload: { name, phone: phone_number } };
    }
    case 'sticker':
      return { type: 'sticker', payload: { sticker_id, url: media } };
    default:
      return { type: 'url', payload: { url: media } };
  }
}

function inboundNotification(data: Json): Json {
  const sender = data.sender as Json;
  return {
    event: `${channelOf(data)}:message:in`,
    payload: {
      id: messageId(data),
      channels: [{ name: channelOf(data), to: data.account_id ?? null }],
      recipient: { from: sender.phone ?? sender.id, user: businessUser(sender) },
      message: businessContent(data.message as Json),
      timestamp: data.timestamp,
    },
  };
}

function unsubscribeNotification(data: Json): Json {
  return {
    id: data.id,
    receiver: data.number,
    type: data.type,
    value: data.value,
    created_at: data.timestamp,
    status: UNSUBSCRIBE_STATUS_TEXT,
  };
}

export function businessBody(type: string, data: Json): Json | null {
  if (type === 'message.status') return statusNotification(data);
  if (type === 'message.received') return inboundNotification(data);
  if (type === 'number.unsubscribed') return unsubscribeNotification(data);
  return null;
}

/** Which key signs the `Signature` header: the endpoint secret, or "webhook id as secret" (page 001). */
export const SIGNATURE_KEYS = ['secret', 'webhookId'] as const;

const isSignatureKey: OptionCheck = (v) =>
  (SIGNATURE_KEYS as readonly unknown[]).includes(v)
    ? null
    : `must be one of ${SIGNATURE_KEYS.join(', ')}`;

function signingKey(input: RenderInput): string | null {
  if (input.endpoint.formatOptions.signatureKey === 'webhookId') return input.endpoint.id;
  return currentSecret(input.endpoint, input.now);
}

export const businessFormat: WireFormat = {
  name: 'business',
  hmacOnly: true,
  render(input: RenderInput): RenderedRequest | null {
    const { message, endpoint } = input;
    const canonical = readCanonical(message);
    if (!canonical) return null;
    const data = redactProfiles(canonical.type, canonical.data, privacyOf(endpoint.formatOptions));
    const envelope = businessBody(canonical.type, data);
    if (!envelope) return null;
    const body = stringifyJson(envelope);
    const key = signingKey(input);
    return {
      method: 'POST',
      url: endpoint.url,
      headers: {
        ...endpoint.headers,
        'content-type': 'application/json',
        ...(key ? signatureHeader(key, body) : {}),
      },
      body,
    };
  },
  validateOptions: (options) =>
    checkOptions(options, { ...PRIVACY_CHECKS, signatureKey: isSignatureKey }),
};
