import type { EndpointSecret } from './types.js';

/**
 * How an endpoint signs Standard Webhooks: `hmac-sha256` (`v1`, a shared `whsec_` secret) or
 * `ed25519` (`v1a`, a `whsk_` secret key that never leaves Hookline; receivers verify with its
 * `whpk_` public key). The algorithm is the secret's own prefix, so nothing else is stored.
 */
export const SIGNATURE_ALGORITHMS = ['hmac-sha256', 'ed25519'] as const;
export type SignatureAlgorithm = (typeof SIGNATURE_ALGORITHMS)[number];

export const algorithmOf = (secret: string): SignatureAlgorithm =>
  secret.startsWith('whsk_') ? 'ed25519' : 'hmac-sha256';

/** The algorithm of the endpoint's current secret (the one not rotated out). */
export function currentAlgorithm(secrets: EndpointSecret[]): SignatureAlgorithm {
  const current = secrets.find((s) => s.expiresAt === null) ?? secrets[0];
  return current ? algorithmOf(current.secret) : 'hmac-sha256';
}
