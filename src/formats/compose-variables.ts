import { canonicalFieldPaths } from '../domain/events/field-paths.js';

/**
 * What compose templates can say. `@{{payload.<field>}}` is any canonical field, plus the
 * business-messaging names below; `@{{event}}` is the event type, `@{{message_id}}` Hookline's id.
 */
export const ALIASES = ['id', 'from', 'to', 'mobile', 'submit_time'] as const;
const TOP_LEVEL = new Set(['event', 'message_id', 'payload']);

export function isKnownVariable(name: string): boolean {
  if (TOP_LEVEL.has(name)) return true;
  if (!name.startsWith('payload.')) return false;
  const field = name.slice('payload.'.length);
  return (ALIASES as readonly string[]).includes(field) || canonicalFieldPaths().has(field);
}

type Json = Record<string, unknown>;
const isRecord = (v: unknown): v is Json =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/** The user's side of an event: a phone number when known, else the platform user id. */
function userAddress(type: string, data: Json): unknown {
  const profile = (
    type === 'message.received' ? data.sender : type === 'call.missed' ? data.caller : data.user
  ) as Json | undefined;
  if (type === 'message.status' || type === 'message.sent') return data.recipient;
  if (type === 'number.unsubscribed') return data.number;
  if (type === 'subscription.unsubscribed') return data.user_id;
  return profile ? (profile.phone ?? profile.id) : undefined;
}

/** id, from, to, mobile and submit_time, derived per event type; canonical fields win over them. */
export function aliasesFor(type: string, data: Json): Json {
  const mobile = userAddress(type, data);
  const incoming =
    type === 'message.received' ||
    type === 'call.missed' ||
    type.startsWith('subscription.') ||
    type === 'conversation.started';
  const id = data.id ?? (data.message_token === undefined ? undefined : String(data.message_token));
  return {
    id,
    from: incoming ? mobile : data.account_id,
    to: incoming ? data.account_id : mobile,
    mobile,
    submit_time: data.submitted_at,
  };
}

/** The page's status words (sent|delivered|read|failed|deleted): Viber's `seen` is written `read`. */
function pageStatus(eventType: string, data: Json): Json {
  return eventType === 'message.status' && data.status === 'seen' ? { status: 'read' } : {};
}

export function composeView(eventType: string, messageId: string, payload: unknown): Json {
  const data = isRecord(payload)
    ? { ...aliasesFor(eventType, payload), ...payload, ...pageStatus(eventType, payload) }
    : payload;
  return { event: eventType, message_id: messageId, payload: data };
}
