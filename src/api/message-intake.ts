import { isReportedEvent, reportKeyOf } from '../domain/events/report-key.js';
import { badRequest, HooklineError, unauthorized } from '../lib/errors.js';
import { parseJsonLossless, stringifyJson } from '../lib/json.js';
import { sha256Hex } from '../lib/hash.js';
import { newId } from '../lib/ids.js';
import type { InsertMessageResult, NewMessage } from '../store/store.js';
import type { ApiContext } from './context.js';
import { traceIngest } from './ingest-trace.js';

export interface MessageInput {
  appId: string;
  eventType: string;
  /** JSON text of the payload. */
  payload: string;
  idempotencyKey: string | null;
  endpointId: string | null;
  /** The producer's ordering key; when absent, per-key endpoints derive one from the event. */
  orderingKey?: string | null;
  /** The request's W3C `traceparent` header, when it had one. */
  traceparent?: string | string[];
  /** The API key's digest when its app came from memory on a shared store (see auth.ts). */
  keyDigest?: string;
}

export type AcceptedMessage = InsertMessageResult;

/** A message payload as stored (JSON text), or why it cannot be: 400 not an object, 413 too large. */
export type PayloadCheck =
  { ok: true; text: string } | { ok: false; status: 400 | 413; problem: string };

export function payloadText(payload: unknown, limitBytes: number): PayloadCheck {
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) {
    return { ok: false, status: 400, problem: 'must be a JSON object' };
  }
  const text = stringifyJson(payload);
  if (Buffer.byteLength(text) > limitBytes)
    return { ok: false, status: 413, problem: `exceeds the limit of ${limitBytes} bytes` };
  return { ok: true, text };
}

/**
 * The key that ties a sent message's delivery reports together (business messaging `webhook_id`),
 * read from the payload of message.sent / message.status; null for other events.
 */
function reportKeyFor(eventType: string, payload: string): string | null {
  if (!isReportedEvent(eventType)) return null;
  try {
    return reportKeyOf(eventType, parseJsonLossless(payload));
  } catch {
    return null;
  }
}

/**
 * The one way a message enters Hookline (plain messages, typed events, the simulator's real sends):
 * checks an explicit endpoint, stores message + deliveries in one transaction (which wakes the
 * dispatcher).
 */
export async function acceptMessage(
  ctx: ApiContext,
  input: MessageInput,
): Promise<AcceptedMessage> {
  // A key taken from memory is checked before anything of the app is read for it (the write checks
  // it again); a plain message reads nothing before the write that checks it.
  if (input.keyDigest !== undefined && input.endpointId !== null) {
    const current = await ctx.apiKeys.find(input.keyDigest);
    if (current?.id !== input.appId) throw forgotten(ctx, input.keyDigest);
  }
  if (input.endpointId !== null && !(await ctx.store.getEndpoint(input.appId, input.endpointId))) {
    throw badRequest(`endpointId: no endpoint ${input.endpointId} in this app`, [
      { field: 'endpointId', message: 'unknown endpoint' },
    ]);
  }
  const message = newMessage(input, ctx.clock.now());
  try {
    return await traceIngest(input.appId, [message], input.traceparent, () =>
      ctx.store.insertMessage(message, ctx.idempotencyWindowMs),
    );
  } catch (error) {
    // The store found the key rotated (or the app deleted) since it was kept in memory.
    if (
      input.keyDigest !== undefined &&
      error instanceof HooklineError &&
      error.code === 'unauthorized'
    )
      throw forgotten(ctx, input.keyDigest);
    throw error;
  }
}

/** The 401 of a key found outdated; the next request with it reads the store. */
function forgotten(ctx: ApiContext, keyDigest: string): HooklineError {
  ctx.apiKeys.forget(keyDigest);
  return unauthorized('unknown API token');
}

/** A message as the store takes it: a new id, the time, and the key its reports are routed by. */
export function newMessage(input: MessageInput, now: number): NewMessage {
  const { traceparent: _header, keyDigest, ...fields } = input;
  return {
    id: newId('msg', now),
    createdAt: now,
    ...fields,
    orderingKey: input.orderingKey ?? null,
    reportKey: reportKeyFor(input.eventType, input.payload),
    requestDigest: input.idempotencyKey === null ? null : requestDigest(input),
    ...(keyDigest === undefined ? {} : { keyDigest }),
  };
}

/**
 * What a keyed request asked for, as a digest: a key reused with another event type, payload,
 * endpoint or ordering key is a conflict, not a replay (the payload as stored: JSON text).
 */
function requestDigest(input: MessageInput): string {
  return sha256Hex(
    JSON.stringify([input.eventType, input.payload, input.endpointId, input.orderingKey ?? null]),
  );
}
