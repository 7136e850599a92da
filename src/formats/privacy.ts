import { parseJsonLossless, stringifyJson } from '../lib/json.js';

/**
 * Viber's send_name / send_photo, for every format: unless an endpoint opts in, user names are
 * replaced by NAME_PLACEHOLDER and avatars are left out. Only user profiles are touched (the
 * sender of message.received, the user of subscription.subscribed and conversation.started) plus
 * the name of a private chat, which is the user's name.
 */
export const NAME_PLACEHOLDER = 'Subscriber';

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
  'subscription.subscribed': 'user',
  'conversation.started': 'user',
};

type Json = Record<string, unknown>;
const isRecord = (v: unknown): v is Json =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

function needsRedaction(profile: Json, privacy: Privacy): boolean {
  return (
    (!privacy.sendName && typeof profile.name === 'string' && profile.name !== NAME_PLACEHOLDER) ||
    (!privacy.sendPhoto && 'avatar' in profile)
  );
}

function redactProfile(profile: Json, privacy: Privacy): Json {
  const copy: Json = { ...profile };
  if (!privacy.sendName && typeof copy.name === 'string') copy.name = NAME_PLACEHOLDER;
  if (!privacy.sendPhoto) delete copy.avatar;
  return copy;
}

/** Returns the very same object when nothing needs hiding, a redacted copy otherwise. */
export function redactProfiles<T>(eventType: string, data: T, privacy: Privacy): T {
  const field = PROFILE_FIELD[eventType];
  if (!field || (privacy.sendName && privacy.sendPhoto) || !isRecord(data)) return data;
  const profile = data[field];
  const conversation = data.conversation;
  const hideProfile = isRecord(profile) && needsRedaction(profile, privacy);
  const hideChatName =
    !privacy.sendName &&
    isRecord(conversation) &&
    conversation.type !== 'group' &&
    typeof conversation.name === 'string' &&
    conversation.name !== NAME_PLACEHOLDER;
  if (!hideProfile && !hideChatName) return data;
  const out: Json = { ...data };
  if (hideProfile) out[field] = redactProfile(profile, privacy);
  if (hideChatName) out.conversation = { ...conversation, name: NAME_PLACEHOLDER };
  return out as T;
}

/** Payload-text version for formats that pass the payload through: the same text when unchanged. */
export function redactPayloadText(eventType: string, payload: string, privacy: Privacy): string {
  if (!PROFILE_FIELD[eventType] || (privacy.sendName && privacy.sendPhoto)) return payload;
  const data = parseJsonLossless(payload);
  const redacted = redactProfiles(eventType, data, privacy);
  return redacted === data ? payload : stringifyJson(redacted);
}
