import { algorithmOf, type SignatureAlgorithm } from '../domain/signature-algorithm.js';
import type { EndpointSecret } from '../domain/types.js';
import { invalidField } from '../lib/errors.js';
import { newWebhookSecret } from '../lib/ids.js';
import { newSigningKey, publicKeyOf, secretKeyProblem } from '../signing/ed25519-keys.js';

/**
 * The secret an endpoint signs with next: the one given (its prefix names its algorithm) or a new
 * one of the algorithm asked for. A given key that contradicts the algorithm is a 400.
 */
export function nextSecret(given: string | undefined, algorithm: SignatureAlgorithm): string {
  if (given === undefined) return algorithm === 'ed25519' ? newSigningKey() : newWebhookSecret();
  if (algorithmOf(given) !== algorithm)
    throw invalidField(
      'secret',
      `a ${given.slice(0, given.indexOf('_') + 1)} key is not an ${algorithm} key (signatureAlgorithm)`,
    );
  const problem = algorithm === 'ed25519' ? secretKeyProblem(given) : null;
  if (problem !== null) throw invalidField('secret', problem);
  return given;
}

/** What a receiver verifies with: the HMAC secret itself, or only the ed25519 public key. */
export function verificationKey(secret: string): {
  signatureAlgorithm: SignatureAlgorithm;
  secret?: string;
  publicKey?: string;
} {
  const signatureAlgorithm = algorithmOf(secret);
  return signatureAlgorithm === 'ed25519'
    ? { signatureAlgorithm, publicKey: publicKeyOf(secret) }
    : { signatureAlgorithm, secret };
}

export const secretJson = (s: EndpointSecret) => ({
  ...verificationKey(s.secret),
  createdAt: new Date(s.createdAt).toISOString(),
  expiresAt: s.expiresAt === null ? null : new Date(s.expiresAt).toISOString(),
});
