import { isValidEvent } from '../domain/events/validate.js';
import { isCanonicalEventType } from '../domain/events/catalog.js';
import type { Message } from '../domain/types.js';
import { parseJsonLossless } from '../lib/json.js';

/** A message whose type is in the canonical catalog, its payload parsed (64-bit integers as bigint). */
export interface CanonicalMessage {
  type: string;
  data: Record<string, unknown>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * null when the message is not a valid canonical event: platform formats have no wire shape for
 * other events, and a payload published under a catalog name without its schema (through the
 * generic messages API) is not rendered half-way.
 */
export function readCanonical(message: Pick<Message, 'eventType' | 'payload'>): CanonicalMessage | null {
  if (!isCanonicalEventType(message.eventType)) return null;
  const data = parseJsonLossless(message.payload);
  return isRecord(data) && isValidEvent(message.eventType, data) ? { type: message.eventType, data } : null;
}

/** The payload parsed, whatever its type (compose templates work on any event). */
export function readPayload(message: Pick<Message, 'payload'>): unknown {
  return parseJsonLossless(message.payload);
}
