import type { BinRequest } from '../../domain/bins.js';
import { headerValue } from '../capture.js';
import type { BinTarget } from './bin-targets.js';
import {
  hexSignatureMatches,
  standardSignatureMatches,
  viberSignatureMatches,
  type SignatureScheme,
} from './schemes.js';

/** Which key verified: an endpoint's current secret, one rotated out, or the app's Viber token. */
export type VerifyingKey = 'current-secret' | 'rotated-secret' | 'viber-auth-token';

export interface Verification {
  /** The request carries a Hookline signature header. */
  signed: boolean;
  verified: boolean;
  /** The scheme that verified, or else the first one whose header was found. */
  scheme: SignatureScheme | null;
  endpointId: string | null;
  key: VerifyingKey | null;
  /** Standard Webhooks only: seconds between the signed timestamp and arrival. */
  timestampSkewSeconds: number | null;
  message: string;
}

interface Key {
  value: string;
  kind: VerifyingKey;
}

const secretsOf = ({ endpoint }: BinTarget): Key[] =>
  [...endpoint.secrets]
    .sort(
      (a, b) =>
        Number(a.expiresAt !== null) - Number(b.expiresAt !== null) || b.createdAt - a.createdAt,
    )
    .map((s) => ({
      value: s.secret,
      kind: s.expiresAt === null ? 'current-secret' : 'rotated-secret',
    }));

/** The Viber format signs with the app's Viber token, or the endpoint secret when the app has none. */
const viberKeysOf = (target: BinTarget): Key[] => [
  ...(target.app.viberAuthToken
    ? [{ value: target.app.viberAuthToken, kind: 'viber-auth-token' as const }]
    : []),
  ...secretsOf(target),
];

interface Check {
  scheme: SignatureScheme;
  keys(target: BinTarget): Key[];
  matches(key: string): boolean;
}

function checksFor(request: BinRequest): Check[] {
  const header = (name: string) => headerValue(request.headers, name);
  const { body } = request;
  const checks: Check[] = [];
  const id = header('webhook-id');
  const timestamp = header('webhook-timestamp');
  const standard = header('webhook-signature');
  if (id !== undefined && timestamp !== undefined && standard !== undefined) {
    checks.push({
      scheme: 'standard-webhooks',
      keys: secretsOf,
      matches: (k) => standardSignatureMatches(k, id, timestamp, body, standard),
    });
  }
  const viber =
    header('x-viber-content-signature') ??
    new URLSearchParams(request.query).get('sig') ??
    undefined;
  if (viber !== undefined) {
    checks.push({
      scheme: 'viber',
      keys: viberKeysOf,
      matches: (k) => viberSignatureMatches(k, body, viber),
    });
  }
  const hex = header('signature');
  if (hex !== undefined)
    checks.push({
      scheme: 'hex-hmac',
      keys: secretsOf,
      matches: (k) => hexSignatureMatches(k, body, hex),
    });
  return checks;
}

function skewOf(request: BinRequest): number | null {
  const timestamp = Number(headerValue(request.headers, 'webhook-timestamp'));
  return Number.isFinite(timestamp) ? Math.round(request.receivedAt / 1000 - timestamp) : null;
}

const unverified = (scheme: SignatureScheme | null, message: string): Verification => ({
  signed: scheme !== null,
  verified: false,
  scheme,
  endpointId: null,
  key: null,
  timestampSkewSeconds: null,
  message,
});

/**
 * Whether a captured request was signed by Hookline for one of the endpoints pointing at the bin:
 * tries every signature header found against every key those endpoints sign with.
 */
export function verifyCapture(request: BinRequest, targets: BinTarget[]): Verification {
  const checks = checksFor(request);
  if (checks.length === 0) {
    return unverified(
      null,
      'no Hookline signature header (webhook-signature, X-Viber-Content-Signature or Signature)',
    );
  }
  const first = checks[0].scheme;
  if (request.bodyTruncated)
    return unverified(
      first,
      'the body was truncated when captured, so its signature cannot be checked',
    );
  if (targets.length === 0)
    return unverified(
      first,
      'no endpoint points at this bin, so there is no secret to check the signature with',
    );
  for (const check of checks) {
    for (const target of targets) {
      const key = check.keys(target).find((k) => check.matches(k.value));
      if (!key) continue;
      return {
        signed: true,
        verified: true,
        scheme: check.scheme,
        endpointId: target.endpoint.id,
        key: key.kind,
        timestampSkewSeconds: check.scheme === 'standard-webhooks' ? skewOf(request) : null,
        message: `signature verified (${check.scheme}) with the ${key.kind.replace(/-/g, ' ')} of endpoint ${target.endpoint.id}`,
      };
    }
  }
  const schemes = checks.map((c) => c.scheme).join(', ');
  return unverified(
    first,
    `the ${schemes} signature matches no key of the ${targets.length} endpoint(s) pointing at this bin`,
  );
}
