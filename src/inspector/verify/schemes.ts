import { createHmac, createPublicKey, timingSafeEqual, verify } from 'node:crypto';
import { parseSecretKey } from '../../signing/ed25519-keys.js';
import { decodeSecret, isAsymmetricKey } from '../../signing/standard-webhooks.js';
import { verifyHexHmac } from '../../signing/hex-hmac.js';
import { verifyViberSignature } from '../../signing/viber-signature.js';

/** The signature schemes Hookline signs with (see signing/). */
export type SignatureScheme = 'standard-webhooks' | 'viber' | 'hex-hmac';

function sameBytes(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Standard Webhooks: any `v1,<base64>` of the header matches HMAC(secret, `id.timestamp.body`),
 * or, for an ed25519 (`whsk_`) key, any `v1a,<base64>` verifies with its public key.
 */
export function standardSignatureMatches(
  secret: string,
  id: string,
  timestamp: string,
  body: Buffer,
  header: string,
): boolean {
  if (isAsymmetricKey(secret)) {
    const publicKey = createPublicKey(parseSecretKey(secret));
    const content = Buffer.concat([Buffer.from(`${id}.${timestamp}.`), body]);
    return header.split(' ').some((part) => {
      const [version, signature] = part.split(',', 2);
      return (
        version === 'v1a' &&
        signature !== undefined &&
        verify(null, content, publicKey, Buffer.from(signature, 'base64'))
      );
    });
  }
  const expected = createHmac('sha256', decodeSecret(secret))
    .update(`${id}.${timestamp}.`)
    .update(body)
    .digest();
  return header.split(' ').some((part) => {
    const [version, signature] = part.split(',', 2);
    return (
      version === 'v1' &&
      signature !== undefined &&
      sameBytes(expected, Buffer.from(signature, 'base64'))
    );
  });
}

export const viberSignatureMatches = (key: string, body: Buffer, signature: string): boolean =>
  verifyViberSignature(key, body, signature);

export const hexSignatureMatches = (secret: string, body: Buffer, signature: string): boolean =>
  verifyHexHmac(secret, body, signature);
