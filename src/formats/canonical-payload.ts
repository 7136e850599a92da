import { isValidEvent, validateEvent } from '../domain/events/validate.js';
import { isCanonicalEventType } from '../domain/events/catalog.js';
import type { Message } from '../domain/types.js';
import { parseJsonLossless } from '../lib/json.js';
import { RenderError } from './format.js';

/** A message whose type is in the canonical catalog, its payload parsed (64-bit integers as bigint). */
export interface CanonicalMessage {
  type: string;
  data: Record<string, unknown>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * null when the event type is not in the canonical catalog: platform formats have no wire shape for
 * it (the delivery is skipped). A payload published under a catalog name without its schema (through
 * the generic messages API) is never rendered half-way: it throws RenderError, and the delivery
 * fails with the schema problem as its error.
 */
export function readCanonical(
  message: Pick<Message, 'eventType' | 'payload'>,
): CanonicalMessage | null {
  if (!isCanonicalEventType(message.eventType)) return null;
  const data = parseJsonLossless(message.payload);
  if (isRecord(data) && isValidEvent(message.eventType, data))
    return { type: message.eventType, data };
  const problem = validateEvent(message.eventType, data, 'payload')[0];
  const where = problem?.field ? `${problem.field}: ` : '';
  throw new RenderError(
    `payload does not match the ${message.eventType} schema (${where}${problem?.message ?? 'not an object'})`,
  );
}

/** The payload parsed, whatever its type (compose templates work on any event). */
export function readPayload(message: Pick<Message, 'payload'>): unknown {
  return parseJsonLossless(message.payload);
}
