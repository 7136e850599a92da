import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The business-messaging `Signature` header: hex HMAC-SHA256 of the exact body, keyed with the
 * endpoint secret as written (the whole `whsec_...` string, UTF-8), so a receiver can verify with
 * the secret it copied and one HMAC call.
 */
export const SIGNATURE_HEADER = 'signature';

export function hexHmac(secret: string, body: string | Buffer): string {
  return createHmac('sha256', secret).update(body).digest('hex');
}

export function signatureHeader(secret: string, body: string): { [SIGNATURE_HEADER]: string } {
  return { [SIGNATURE_HEADER]: hexHmac(secret, body) };
}

export function verifyHexHmac(secret: string, body: string | Buffer, signature: string): boolean {
  const expected = Buffer.from(hexHmac(secret, body), 'utf8');
  const given = Buffer.from(signature.toLowerCase(), 'utf8');
  return expected.length === given.length && timingSafeEqual(expected, given);
}
