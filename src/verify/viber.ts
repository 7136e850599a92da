import { timingSafeEqual } from 'node:crypto';
import {
  VIBER_SIGNATURE_HEADER,
  VIBER_SIGNATURE_QUERY,
  viberSignature,
} from '../signing/viber-signature.js';
import { WebhookVerificationError } from './errors.js';
import { bodyBytes, headerValue, verified, type WebhookVerifier } from './request.js';

export interface ViberOptions {
  /** The account's auth token (X-Viber-Auth-Token), which keys the signature. */
  authToken: string;
}

function querySignature(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  return (
    new URL(url, 'http://receiver.invalid').searchParams.get(VIBER_SIGNATURE_QUERY) ?? undefined
  );
}

/**
 * The Viber content signature: hex HMAC-SHA256 of the body keyed with the auth token, in
 * `X-Viber-Content-Signature` and in the `sig` query parameter. Each one present must match.
 */
export function viber(options: ViberOptions): WebhookVerifier {
  if (!options.authToken) throw new TypeError('authToken: required');
  return {
    verify(request) {
      const given = [
        {
          where: 'X-Viber-Content-Signature',
          value: headerValue(request.headers, VIBER_SIGNATURE_HEADER),
        },
        { where: '?sig=', value: querySignature(request.url) },
      ].filter(
        (g): g is { where: string; value: string } => g.value !== undefined && g.value !== '',
      );
      if (given.length === 0)
        throw new WebhookVerificationError(
          'missing_header',
          'missing header X-Viber-Content-Signature (and no ?sig= query parameter)',
          VIBER_SIGNATURE_HEADER,
        );
      const body = bodyBytes(request.body);
      const expected = Buffer.from(viberSignature(options.authToken, body));
      for (const { where, value } of given) {
        const actual = Buffer.from(value);
        if (actual.length !== expected.length || !timingSafeEqual(actual, expected))
          throw new WebhookVerificationError(
            'no_matching_signature',
            `${where}: not the HMAC-SHA256 of the body keyed with the auth token`,
            where === '?sig=' ? VIBER_SIGNATURE_QUERY : VIBER_SIGNATURE_HEADER,
          );
      }
      return verified('viber', body);
    },
  };
}
