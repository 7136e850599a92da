import { createHmac, timingSafeEqual, verify, type KeyObject } from 'node:crypto';
import { parsePublicKey, PUBLIC_KEY_PREFIX, SECRET_KEY_PREFIX } from '../signing/ed25519-keys.js';
import { decodeSecret } from '../signing/standard-webhooks.js';
import { WebhookVerificationError } from './errors.js';
import {
  bodyBytes,
  requireHeader,
  verified,
  type WebhookRequest,
  type WebhookVerifier,
} from './request.js';

export interface StandardWebhooksOptions {
  /**
   * The keys the receiver trusts: `whsec_` secrets verify `v1` (HMAC) signatures, `whpk_` public
   * keys verify `v1a` (ed25519) ones. Give several while the sender rotates.
   */
  keys: string | string[];
  /** How far `webhook-timestamp` may be from now, in seconds (default 300). */
  toleranceSec?: number;
  /** The current time in milliseconds (tests; default Date.now). */
  now?: () => number;
}

type TrustedKey = { version: 'v1'; secret: Buffer } | { version: 'v1a'; publicKey: KeyObject };

function trustedKey(key: string, index: number): TrustedKey {
  if (key.startsWith(PUBLIC_KEY_PREFIX)) {
    const publicKey = parsePublicKey(key);
    if (publicKey === null)
      throw new TypeError(`keys[${index}]: a whpk_ key is base64 of a 32-byte ed25519 public key`);
    return { version: 'v1a', publicKey };
  }
  if (key.startsWith(SECRET_KEY_PREFIX))
    throw new TypeError(
      `keys[${index}]: a whsk_ key is the sender's secret key; verify with its whpk_ public key`,
    );
  const secret = decodeSecret(key);
  if (secret.length === 0) throw new TypeError(`keys[${index}]: empty or not base64`);
  return { version: 'v1', secret };
}

const sameBytes = (a: Buffer, b: Buffer) => a.length === b.length && timingSafeEqual(a, b);

function matches(key: TrustedKey, content: Buffer, version: string, signature: Buffer): boolean {
  if (key.version !== version) return false;
  if (key.version === 'v1')
    return sameBytes(createHmac('sha256', key.secret).update(content).digest(), signature);
  return signature.length === 64 && verify(null, content, key.publicKey, signature);
}

/**
 * Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`; Svix's `svix-*`
 * names are read too): the timestamp must be within the tolerance and one signature must match
 * one trusted key.
 */
export function standardWebhooks(options: StandardWebhooksOptions): WebhookVerifier {
  const keys = (Array.isArray(options.keys) ? options.keys : [options.keys]).map(trustedKey);
  if (keys.length === 0) throw new TypeError('keys: give at least one whsec_ or whpk_ key');
  const toleranceSec = options.toleranceSec ?? 300;
  const now = options.now ?? Date.now;
  return {
    verify(request: WebhookRequest) {
      const id = requireHeader(request.headers, 'webhook-id', 'svix-id');
      const timestampText = requireHeader(request.headers, 'webhook-timestamp', 'svix-timestamp');
      const header = requireHeader(request.headers, 'webhook-signature', 'svix-signature');
      if (!/^\d{1,12}$/.test(timestampText))
        throw new WebhookVerificationError(
          'invalid_header',
          `webhook-timestamp: not a Unix time in seconds: ${JSON.stringify(timestampText)}`,
          'webhook-timestamp',
        );
      const timestamp = Number(timestampText);
      const skew = Math.floor(now() / 1000) - timestamp;
      if (Math.abs(skew) > toleranceSec)
        throw new WebhookVerificationError(
          'timestamp_out_of_tolerance',
          `webhook-timestamp ${timestamp} is ${Math.abs(skew)} s ${skew > 0 ? 'in the past' : 'in the future'}; the tolerance is ${toleranceSec} s`,
          'webhook-timestamp',
        );
      const body = bodyBytes(request.body);
      const content = Buffer.concat([Buffer.from(`${id}.${timestamp}.`), body]);
      const signatures = header
        .split(' ')
        .filter(Boolean)
        .map((part) => {
          const comma = part.indexOf(',');
          return {
            version: part.slice(0, comma),
            value: Buffer.from(part.slice(comma + 1), 'base64'),
          };
        });
      const ok = signatures.some((s) => keys.some((k) => matches(k, content, s.version, s.value)));
      if (!ok) {
        const versions = [...new Set(signatures.map((s) => s.version))].join(', ') || 'none';
        const trusted = [...new Set(keys.map((k) => k.version))].join(', ');
        throw new WebhookVerificationError(
          'no_matching_signature',
          `no signature in webhook-signature matches a trusted key (${signatures.length} signature(s) of version ${versions}; keys verify ${trusted})`,
          'webhook-signature',
        );
      }
      return verified('standard-webhooks', body, { id, timestamp });
    },
  };
}
