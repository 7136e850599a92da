import { parseJsonLossless, stringifyJson } from '../lib/json.js';

/**
 * Viber's send_name / send_photo, for every format (page 000, "User Names and Photos"): unless an
 * endpoint opts in, a user's names and photo are replaced by placeholder values; a user who
 * disallowed Content Personalization (`content_personalization: false` on the profile) gets the
 * placeholders whatever the endpoint says. Only user profiles are touched (the sender of
 * message.received, the caller of call.missed, the user of subscription.subscribed and
 * conversation.started) plus the name of a private chat, which is the user's name.
 */
export const NAME_PLACEHOLDER = 'Subscriber';
/** Stands for a hidden photo: a URL that names no real host (`.invalid` never resolves). */
export const PHOTO_PLACEHOLDER = 'https://avatar.placeholder.invalid/subscriber.jpg';

/** Profile fields that are names: the display name and the business-messaging name parts. */
const NAME_PARTS = ['first_name', 'middle_name', 'last_name'] as const;

export interface Privacy {
  sendName: boolean;
  sendPhoto: boolean;
}

/** Both default to false, as in Viber's set_webhook. */
export function privacyOf(options: Record<string, unknown>): Privacy {
  return { sendName: options.sendName === true, sendPhoto: options.sendPhoto === true };
}

const PROFILE_FIELD: Record<string, string> = {
  'message.received': 'sender',
  'call.missed': 'caller',
  'subscription.subscribed': 'user',
  'conversation.started': 'user',
};

type Json = Record<string, unknown>;
const isRecord = (v: unknown): v is Json =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/** What this profile may show: the endpoint's switches, unless the user disallowed personalization. */
function allowedFor(profile: Json, privacy: Privacy): Privacy {
  return profile.content_personalization === false
    ? { sendName: false, sendPhoto: false }
    : privacy;
}

function needsRedaction(profile: Json, allowed: Privacy): boolean {
  const nameShown =
    (typeof profile.name === 'string' && profile.name !== NAME_PLACEHOLDER) ||
    (typeof profile.username === 'string' && profile.username !== NAME_PLACEHOLDER) ||
    NAME_PARTS.some((part) => part in profile);
  const photoShown = typeof profile.avatar === 'string' && profile.avatar !== PHOTO_PLACEHOLDER;
  return (!allowed.sendName && nameShown) || (!allowed.sendPhoto && photoShown);
}

function redactProfile(profile: Json, allowed: Privacy): Json {
  const copy: Json = { ...profile };
  if (!allowed.sendName) {
    if (typeof copy.name === 'string') copy.name = NAME_PLACEHOLDER;
    if (typeof copy.username === 'string') copy.username = NAME_PLACEHOLDER;
    for (const part of NAME_PARTS) delete copy[part];
  }
  if (!allowed.sendPhoto && typeof copy.avatar === 'string') copy.avatar = PHOTO_PLACEHOLDER;
  return copy;
}

/** Events whose private chat is named after the user, without a profile of them (outgoing messages). */
const CHAT_ONLY = new Set(['message.sent']);

/** Returns the very same object when nothing needs hiding, a redacted copy otherwise. */
export function redactProfiles<T>(eventType: string, data: T, privacy: Privacy): T {
  const field = PROFILE_FIELD[eventType];
  if ((!field && !CHAT_ONLY.has(eventType)) || !isRecord(data)) return data;
  const profile = field ? data[field] : {};
  if (!isRecord(profile)) return data;
  const allowed = allowedFor(profile, privacy);
  if (allowed.sendName && allowed.sendPhoto) return data;
  const conversation = data.conversation;
  const hideProfile = field !== undefined && needsRedaction(profile, allowed);
  const hideChatName =
    !allowed.sendName &&
    isRecord(conversation) &&
    conversation.type !== 'group' &&
    typeof conversation.name === 'string' &&
    conversation.name !== NAME_PLACEHOLDER;
  if (!hideProfile && !hideChatName) return data;
  const out: Json = { ...data };
  if (hideProfile) out[field as string] = redactProfile(profile, allowed);
  if (hideChatName) out.conversation = { ...conversation, name: NAME_PLACEHOLDER };
  return out as T;
}

/** Payload-text version for formats that pass the payload through: the same text when unchanged. */
export function redactPayloadText(eventType: string, payload: string, privacy: Privacy): string {
  if (!PROFILE_FIELD[eventType] && !CHAT_ONLY.has(eventType)) return payload;
  const data = parseJsonLossless(payload);
  const redacted = redactProfiles(eventType, data, privacy);
  return redacted === data ? payload : stringifyJson(redacted);
}
