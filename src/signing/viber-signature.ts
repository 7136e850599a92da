import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Viber content signature: lowercase hex HMAC-SHA256 of the exact body bytes, keyed with the
 * account's auth token. Viber sends it as `X-Viber-Content-Signature`; the official viber-bot SDK
 * reads the `sig` query parameter, so Hookline sends both.
 */
export const VIBER_SIGNATURE_HEADER = 'x-viber-content-signature';
export const VIBER_SIGNATURE_QUERY = 'sig';

export function viberSignature(authToken: string, body: string | Buffer): string {
  return createHmac('sha256', authToken).update(body).digest('hex');
}

/** Appends `sig=<signature>` to the URL's query, keeping the rest of the URL as written. */
export function withSigQuery(url: string, signature: string): string {
  const hash = url.indexOf('#');
  const base = hash === -1 ? url : url.slice(0, hash);
  const separator = base.includes('?')
    ? base.endsWith('?') || base.endsWith('&')
      ? ''
      : '&'
    : '?';
  return `${base}${separator}${VIBER_SIGNATURE_QUERY}=${signature}`;
}

export interface ViberSigned {
  url: string;
  headers: { [VIBER_SIGNATURE_HEADER]: string };
}

export function signViber(authToken: string, url: string, body: string): ViberSigned {
  const signature = viberSignature(authToken, body);
  return { url: withSigQuery(url, signature), headers: { [VIBER_SIGNATURE_HEADER]: signature } };
}

/** Receiver-side check, constant time. */
export function verifyViberSignature(
  authToken: string,
  body: string | Buffer,
  signature: string,
): boolean {
  const expected = Buffer.from(viberSignature(authToken, body), 'utf8');
  const given = Buffer.from(signature, 'utf8');
  return expected.length === given.length && timingSafeEqual(expected, given);
}
