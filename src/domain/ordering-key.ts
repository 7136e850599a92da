/**
 * Per-key ordering: what a message is ordered by on an endpoint with `ordering: "per-key"`.
 * A message's key is the one its producer gave, else one derived from its event: the statuses of
 * one message share its token, one user's events share the user's id.
 */

export const ORDERING_KEY_MAX = 256;
const PATH_SEGMENT = /^[A-Za-z0-9_-]{1,64}$/;
const MAX_PATH_SEGMENTS = 8;

/** The payload field each event type's key is read from, by default. */
const DEFAULT_KEY_PATHS: Record<string, string[][]> = {
  'message.status': [['message_token'], ['id']],
  'message.sent': [['message_token'], ['id']],
  'message.received': [
    ['sender', 'id'],
    ['conversation', 'id'],
  ],
  'subscription.subscribed': [['user', 'id']],
  'subscription.unsubscribed': [['user_id']],
  'conversation.started': [['user', 'id']],
  'call.missed': [['conversation', 'id']],
};

/** `data.user.id` → segments, or the problem with it. */
export function parseKeyPath(path: string): { segments: string[] } | { problem: string } {
  const segments = path.split('.');
  if (segments.length > MAX_PATH_SEGMENTS)
    return { problem: `has more than ${MAX_PATH_SEGMENTS} segments` };
  const bad = segments.find((s) => !PATH_SEGMENT.test(s));
  if (bad !== undefined)
    return {
      problem: `segment "${bad}" is not a field name (letters, digits, _ and -, separated by dots)`,
    };
  return { segments };
}

/** The key at a path of the payload: a string, or a number as its decimal text; null otherwise. */
export function keyAt(payload: unknown, segments: readonly string[]): string | null {
  let value = payload;
  for (const segment of segments) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return null;
    if (!Object.hasOwn(value, segment)) return null;
    value = (value as Record<string, unknown>)[segment];
  }
  if (typeof value === 'string') return value.length > 0 ? value.slice(0, ORDERING_KEY_MAX) : null;
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

/** The key derived from an event's payload, or null when the event has none. */
export function defaultOrderingKey(eventType: string, payload: unknown): string | null {
  for (const path of DEFAULT_KEY_PATHS[eventType] ?? []) {
    const key = keyAt(payload, path);
    if (key !== null) return key;
  }
  return null;
}

/** The event types with a derived key and where it comes from, for the docs. */
export function defaultKeySources(): Array<{ eventType: string; paths: string[] }> {
  return Object.entries(DEFAULT_KEY_PATHS).map(([eventType, paths]) => ({
    eventType,
    paths: paths.map((p) => p.join('.')),
  }));
}
