import { timingSafeEqual } from 'node:crypto';
import { hexHmac, SIGNATURE_HEADER } from '../signing/hex-hmac.js';
import { WebhookVerificationError } from './errors.js';
import { bodyBytes, requireHeader, verified, type WebhookVerifier } from './request.js';

export interface SignatureHeaderOptions {
  /** The endpoint secret as written (`whsec_...`); several while the sender rotates. */
  secrets: string | string[];
}

/** The business-messaging `Signature` header: hex HMAC-SHA256 of the body keyed with the secret. */
export function signatureHeader(options: SignatureHeaderOptions): WebhookVerifier {
  const secrets = Array.isArray(options.secrets) ? options.secrets : [options.secrets];
  if (secrets.length === 0 || secrets.some((s) => !s))
    throw new TypeError('secrets: give at least one non-empty secret');
  return {
    verify(request) {
      const given = Buffer.from(
        requireHeader(request.headers, SIGNATURE_HEADER).trim().toLowerCase(),
      );
      const body = bodyBytes(request.body);
      const ok = secrets.some((secret) => {
        const expected = Buffer.from(hexHmac(secret, body));
        return expected.length === given.length && timingSafeEqual(expected, given);
      });
      if (!ok)
        throw new WebhookVerificationError(
          'no_matching_signature',
          `Signature: not the HMAC-SHA256 of the body keyed with any of the ${secrets.length} secret(s)`,
          SIGNATURE_HEADER,
        );
      return verified('signature-header', body);
    },
  };
}
