import { createHmac, createSecretKey, type KeyObject } from 'node:crypto';

/**
 * Standard Webhooks v1: base64 HMAC-SHA256 of `${id}.${timestamp}.${body}` keyed with the
 * base64-decoded `whsec_` secret; one `v1,<sig>` per active secret, space separated.
 */
const PREFIX = 'whsec_';

export function decodeSecret(secret: string): Buffer {
  return Buffer.from(secret.startsWith(PREFIX) ? secret.slice(PREFIX.length) : secret, 'base64');
}

/** Decoded keys per secret: every delivery signs, and decoding base64 each time showed in profiles. */
const keys = new Map<string, KeyObject>();
const KEY_CACHE_SIZE = 10_000;

function keyOf(secret: string): KeyObject {
  let key = keys.get(secret);
  if (key === undefined) {
    key = createSecretKey(decodeSecret(secret));
    if (keys.size >= KEY_CACHE_SIZE) keys.clear();
    keys.set(secret, key);
  }
  return key;
}

export function signStandard(
  secret: string | Buffer,
  id: string,
  timestampSec: number,
  body: string,
): string {
  const key = typeof secret === 'string' ? keyOf(secret) : secret;
  const digest = createHmac('sha256', key).update(`${id}.${timestampSec}.${body}`).digest('base64');
  return `v1,${digest}`;
}

export interface StandardHeaders {
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
}

export function standardWebhookHeaders(
  secrets: Array<string | Buffer>,
  id: string,
  timestampSec: number,
  body: string,
): StandardHeaders {
  return {
    'webhook-id': id,
    'webhook-timestamp': String(timestampSec),
    'webhook-signature': secrets.map((s) => signStandard(s, id, timestampSec, body)).join(' '),
  };
}
