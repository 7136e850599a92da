/**
 * Delivery reports of one message share a key: the platform's `message_token` (required on both
 * events, and the same on the message and on every status of it). A message published with a
 * webhook id (business messaging `webhook_id`) ties its later reports to that webhook by this key.
 */
const REPORTED_EVENTS = new Set(['message.sent', 'message.status']);

export function isReportedEvent(eventType: string): boolean {
  return REPORTED_EVENTS.has(eventType);
}

/** The report key of an event, or null when the event is not about a message the business sent. */
export function reportKeyOf(eventType: string, data: unknown): string | null {
  if (!REPORTED_EVENTS.has(eventType) || data === null || typeof data !== 'object') return null;
  const token = (data as { message_token?: unknown }).message_token;
  if (typeof token === 'bigint') return token.toString();
  if (typeof token === 'number' && Number.isSafeInteger(token)) return String(token);
  return null;
}
