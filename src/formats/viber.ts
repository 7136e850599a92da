import { normalizeStatus, type MessageStatusName } from '../domain/events/message-status.js';
import type { ErrorDetail } from '../lib/errors.js';
import { stringifyJson } from '../lib/json.js';
import { signViber } from '../signing/viber-signature.js';
import { readCanonical } from './canonical-payload.js';
import { checkOptions, isShortString, PRIVACY_CHECKS } from './format-options.js';
import type { RenderInput, RenderedRequest, WireFormat } from './format.js';
import { privacyOf, redactProfiles } from './privacy.js';
import { currentSecret } from './signing-secret.js';
import { epochMs } from './times.js';

/**
 * Viber REST bot callbacks, exactly as Viber sends them: `message`, `delivered`, `seen`, `failed`,
 * `subscribed`, `unsubscribed`, `conversation_started` (and `webhook`, sent by /pa/set_webhook).
 * Signed with X-Viber-Content-Signature and the `sig` query parameter, keyed with the app's Viber
 * auth token (the endpoint's current secret when the app has none).
 */
export const VIBER_EVENTS = [
  'message',
  'delivered',
  'seen',
  'failed',
  'subscribed',
  'unsubscribed',
  'conversation_started',
] as const;
export type ViberEvent = (typeof VIBER_EVENTS)[number];
/** Viber always sends these, whatever event_types says. */
export const MANDATORY_VIBER_EVENTS: readonly ViberEvent[] = [
  'message',
  'subscribed',
  'unsubscribed',
];
export const DEFAULT_CHAT_HOSTNAME = 'SN-HOOKLINE_';

type Json = Record<string, unknown>;

function user(profile: Json): Json {
  const { id, name, avatar, country, language, api_version } = profile;
  return { id, name, avatar, country, language, api_version };
}

/** Viber's message object: the kind's fields in the order Viber's SDK writes them. */
function viberMessage(message: Json): Json {
  const type = message.type === 'image' ? 'picture' : message.type;
  const {
    text,
    media,
    thumbnail,
    file_name,
    size,
    duration,
    location,
    contact,
    sticker_id,
    tracking_data,
  } = message;
  switch (type) {
    case 'text':
      return { type, text, tracking_data };
    case 'picture':
      return { type, text, media, thumbnail, tracking_data };
    case 'video':
      return { type, media, text, thumbnail, size, duration, tracking_data };
    case 'file':
      return { type, media, size, file_name, tracking_data };
    case 'location':
      return { type, location, tracking_data };
    case 'contact':
      return { type, contact, tracking_data };
    case 'sticker':
      return { type, sticker_id, media, tracking_data };
    default:
      return { type, media, tracking_data };
  }
}

const STATUS_EVENT: Partial<Record<MessageStatusName, ViberEvent>> = {
  delivered: 'delivered',
  read: 'seen',
  failed: 'failed',
};

/** The Viber callback for a canonical event, or null when Viber has no such callback. */
export function viberCallback(type: string, data: Json, chatHostname: string): Json | null {
  const head = (event: string) => ({
    event,
    timestamp: epochMs(data.timestamp as string),
    chat_hostname: data.chat_hostname ?? chatHostname,
  });
  switch (type) {
    case 'message.received':
      return {
        ...head('message'),
        message_token: data.message_token,
        sender: user(data.sender as Json),
        message: viberMessage(data.message as Json),
        silent: data.silent,
      };
    case 'message.status': {
      const event = STATUS_EVENT[normalizeStatus(data.status as MessageStatusName)];
      if (!event) return null;
      const failed = event === 'failed' ? { desc: data.reason } : {};
      return {
        ...head(event),
        message_token: data.message_token,
        user_id: data.recipient,
        ...failed,
      };
    }
    case 'subscription.subscribed':
      return {
        ...head('subscribed'),
        user: user(data.user as Json),
        message_token: data.message_token,
      };
    case 'subscription.unsubscribed':
      return { ...head('unsubscribed'), user_id: data.user_id, message_token: data.message_token };
    case 'conversation.started':
      return {
        ...head('conversation_started'),
        message_token: data.message_token,
        type: data.type,
        context: data.context,
        user: user(data.user as Json),
        subscribed: data.subscribed,
      };
    default:
      return null;
  }
}

/** The set_webhook validation callback body. */
export function viberWebhookCallback(
  timestampMs: number,
  messageToken: bigint | number,
  chatHostname = DEFAULT_CHAT_HOSTNAME,
): string {
  return stringifyJson({
    event: 'webhook',
    timestamp: timestampMs,
    chat_hostname: chatHostname,
    message_token: messageToken,
  });
}

/** POST of a Viber body, signed the Viber way. */
export function viberRequest(
  url: string,
  body: string,
  key: string,
  extraHeaders: Record<string, string> = {},
): RenderedRequest {
  const signed = signViber(key, url, body);
  return {
    method: 'POST',
    url: signed.url,
    headers: { ...extraHeaders, 'content-type': 'application/json', ...signed.headers },
    body,
  };
}

function subscribedTo(options: Json): ReadonlySet<string> | null {
  return Array.isArray(options.eventTypes)
    ? new Set([...MANDATORY_VIBER_EVENTS, ...(options.eventTypes as string[])])
    : null;
}

function checkEventTypes(value: unknown): string | null {
  if (!Array.isArray(value)) return 'must be an array of Viber event names';
  const unknown = value.filter((v) => !VIBER_EVENTS.includes(v as ViberEvent));
  return unknown.length === 0
    ? null
    : `unknown Viber event ${unknown.map(String).join(', ')}; known: ${VIBER_EVENTS.join(', ')}`;
}

export const viberFormat: WireFormat = {
  name: 'viber',
  hmacOnly: true,
  render({ message, endpoint, app, now }: RenderInput): RenderedRequest | null {
    const canonical = readCanonical(message);
    if (!canonical) return null;
    const options = endpoint.formatOptions;
    const data = redactProfiles(canonical.type, canonical.data, privacyOf(options));
    const hostname =
      typeof options.chatHostname === 'string' ? options.chatHostname : DEFAULT_CHAT_HOSTNAME;
    const callback = viberCallback(canonical.type, data, hostname);
    if (!callback) return null;
    const wanted = subscribedTo(options);
    if (wanted && !wanted.has(callback.event as string)) return null;
    const key = app.viberAuthToken ?? currentSecret(endpoint, now) ?? '';
    return viberRequest(endpoint.url, stringifyJson(callback), key, endpoint.headers);
  },
  validateOptions(options): ErrorDetail[] {
    return checkOptions(options, {
      ...PRIVACY_CHECKS,
      chatHostname: isShortString(128),
      eventTypes: checkEventTypes,
    });
  },
};
