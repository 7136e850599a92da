import type { BinRequest } from '../domain/bins.js';
import { assertJsonDepth } from '../lib/json.js';

type Json = Record<string, unknown>;

function parseObject(body: Buffer): Json | null {
  const first = body.find((b) => b !== 0x20 && b !== 0x0a && b !== 0x0d && b !== 0x09);
  if (first !== 0x7b) return null; // '{'
  try {
    const text = body.toString('utf8');
    assertJsonDepth(text);
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Json)
      : null;
  } catch {
    return null;
  }
}

const CHATAPI_KEYS = ['messages', 'ack', 'chatUpdate'] as const;

/**
 * A best guess at what a captured webhook is about, read from its JSON body: the Standard Webhooks
 * `type`, a Viber or business `event`, a Chat-API section, Routee's status callback; null when the
 * body says nothing recognisable (a compose template, a non-JSON body, a truncated body).
 */
export function eventHint(request: Pick<BinRequest, 'body' | 'bodyTruncated'>): string | null {
  if (request.bodyTruncated) return null;
  const body = parseObject(request.body);
  if (!body) return null;
  if (typeof body.type === 'string' && 'data' in body) return body.type;
  if (typeof body.event === 'string') return body.event;
  if (
    typeof body.trackingId === 'string' &&
    body.status !== null &&
    typeof body.status === 'object'
  )
    return 'message.status';
  for (const key of CHATAPI_KEYS) if (Array.isArray(body[key])) return key;
  if (typeof body.status === 'string' && 'instanceId' in body) return 'status';
  return null;
}
