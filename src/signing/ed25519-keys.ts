import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
} from 'node:crypto';

/**
 * Standard Webhooks asymmetric keys: `whsk_` + base64 of the ed25519 secret key and `whpk_` +
 * base64 of the 32-byte public key. The secret key is written as libsodium and Svix write it, the
 * 32-byte seed followed by the public key (64 bytes); a bare 32-byte seed is accepted too.
 */
export const SECRET_KEY_PREFIX = 'whsk_';
export const PUBLIC_KEY_PREFIX = 'whpk_';

// DER headers that wrap a raw 32-byte ed25519 seed (PKCS#8) or public key (SPKI).
const PKCS8_HEADER = Buffer.from('302e020100300506032b657004220420', 'hex');
const SPKI_HEADER = Buffer.from('302a300506032b6570032100', 'hex');

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

function decode(text: string, prefix: string): Buffer | null {
  if (!text.startsWith(prefix)) return null;
  const body = text.slice(prefix.length);
  return BASE64.test(body) ? Buffer.from(body, 'base64') : null;
}

const rawPublicKey = (key: KeyObject): Buffer =>
  Buffer.from(key.export({ format: 'jwk' }).x as string, 'base64url');

/** Why a `whsk_` key cannot be used, or null when it can. */
export function secretKeyProblem(secretKey: string): string | null {
  const bytes = decode(secretKey, SECRET_KEY_PREFIX);
  if (bytes === null) return `must be ${SECRET_KEY_PREFIX} followed by base64`;
  if (bytes.length !== 32 && bytes.length !== 64)
    return `must encode 32 (seed) or 64 (seed + public key) bytes, not ${bytes.length}`;
  if (bytes.length === 64) {
    const derived = rawPublicKey(createPublicKey(privateKeyOf(bytes.subarray(0, 32))));
    if (!derived.equals(bytes.subarray(32))) return 'its last 32 bytes are not its public key';
  }
  return null;
}

function privateKeyOf(seed: Buffer): KeyObject {
  return createPrivateKey({
    key: Buffer.concat([PKCS8_HEADER, seed]),
    format: 'der',
    type: 'pkcs8',
  });
}

/** The private key of a `whsk_` key; throws on a malformed one (check with secretKeyProblem). */
export function parseSecretKey(secretKey: string): KeyObject {
  const problem = secretKeyProblem(secretKey);
  if (problem !== null) throw new Error(`ed25519 secret key: ${problem}`);
  return privateKeyOf(decode(secretKey, SECRET_KEY_PREFIX)!.subarray(0, 32));
}

/** The public key of a `whpk_` key, or null when it is not one. */
export function parsePublicKey(publicKey: string): KeyObject | null {
  const bytes = decode(publicKey, PUBLIC_KEY_PREFIX);
  if (bytes === null || bytes.length !== 32) return null;
  return createPublicKey({ key: Buffer.concat([SPKI_HEADER, bytes]), format: 'der', type: 'spki' });
}

/** The `whpk_` key that verifies what a `whsk_` key signs. */
export function publicKeyOf(secretKey: string): string {
  return (
    PUBLIC_KEY_PREFIX + rawPublicKey(createPublicKey(parseSecretKey(secretKey))).toString('base64')
  );
}

/** A new key pair, its secret key written as seed + public key (64 bytes). */
export function newSigningKey(): string {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const seed = Buffer.from(privateKey.export({ format: 'jwk' }).d as string, 'base64url');
  return SECRET_KEY_PREFIX + Buffer.concat([seed, rawPublicKey(publicKey)]).toString('base64');
}
