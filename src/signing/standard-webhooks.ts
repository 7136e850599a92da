import { createHmac, createSecretKey, sign, type KeyObject } from 'node:crypto';
import { parseSecretKey, SECRET_KEY_PREFIX } from './ed25519-keys.js';

/**
 * Standard Webhooks: the content `${id}.${timestamp}.${body}` is signed once per active key, and
 * the signatures go space separated in `webhook-signature`. A `whsec_` secret signs `v1` (base64
 * HMAC-SHA256 keyed with the base64-decoded secret); a `whsk_` key signs `v1a` (base64 ed25519).
 */
const PREFIX = 'whsec_';

export function decodeSecret(secret: string): Buffer {
  return Buffer.from(secret.startsWith(PREFIX) ? secret.slice(PREFIX.length) : secret, 'base64');
}

export const isAsymmetricKey = (secret: string): boolean => secret.startsWith(SECRET_KEY_PREFIX);

/** Decoded keys per secret: every delivery signs, and decoding base64 each time showed in profiles. */
const keys = new Map<string, KeyObject>();
const KEY_CACHE_SIZE = 10_000;

function keyOf(secret: string): KeyObject {
  let key = keys.get(secret);
  if (key === undefined) {
    key = isAsymmetricKey(secret) ? parseSecretKey(secret) : createSecretKey(decodeSecret(secret));
    if (keys.size >= KEY_CACHE_SIZE) keys.clear();
    keys.set(secret, key);
  }
  return key;
}

/** `v1,<hmac>` for a `whsec_` secret (or raw HMAC key bytes), `v1a,<ed25519>` for a `whsk_` key. */
export function signStandard(
  secret: string | Buffer,
  id: string,
  timestampSec: number,
  body: string,
): string {
  const content = `${id}.${timestampSec}.${body}`;
  const key = typeof secret === 'string' ? keyOf(secret) : secret;
  if (!Buffer.isBuffer(key) && key.type === 'private')
    return `v1a,${sign(null, Buffer.from(content), key).toString('base64')}`;
  return `v1,${createHmac('sha256', key).update(content).digest('base64')}`;
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
