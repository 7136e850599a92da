import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

/**
 * Secrets at rest: AES-256-GCM with a fresh 96-bit nonce per value. A sealed value reads
 * `enc:v1:<key id>:<base64url(nonce | ciphertext | tag)>`; the key id tells which key sealed it, so
 * a rotation can tell old rows from new ones and a wrong key is named, not guessed at.
 */

/** Raw 32-byte keys: the one that seals, and older ones still accepted for opening (rotation). */
export interface EncryptionKeys {
  current: Uint8Array;
  previous: Uint8Array[];
}

export const KEY_BYTES = 32;
export const SEALED_PREFIX = 'enc:v1:';
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const KEY_ID_HEX = 16;

/** A key could not open a value: a wrong key, a missing previous key, or a damaged value. */
export class EncryptionKeyError extends Error {
  override name = 'EncryptionKeyError';
}

/** A short public name of a key (an HMAC of it, so it tells nothing about the key itself). */
export function keyIdOf(key: Uint8Array): string {
  return createHmac('sha256', key).update('hookline key id').digest('hex').slice(0, KEY_ID_HEX);
}

/** The key id a sealed value names, or null for a value that is not sealed (plain text). */
export function sealedKeyId(value: string): string | null {
  if (!value.startsWith(SEALED_PREFIX)) return null;
  const id = value.slice(SEALED_PREFIX.length, SEALED_PREFIX.length + KEY_ID_HEX);
  return value.charAt(SEALED_PREFIX.length + KEY_ID_HEX) === ':' ? id : null;
}

/** The stored prefix of values sealed under a key id (for SQL `LIKE '<prefix>%'`). */
export const sealedPrefixOf = (keyId: string) => `${SEALED_PREFIX}${keyId}:`;

export class SecretBox {
  /** The id of the key that seals. */
  readonly keyId: string;
  private readonly keys = new Map<string, Buffer>();

  constructor(keys: EncryptionKeys) {
    for (const key of [keys.current, ...keys.previous]) {
      if (key.length !== KEY_BYTES)
        throw new EncryptionKeyError(`a key must be ${KEY_BYTES} bytes`);
      this.keys.set(keyIdOf(key), Buffer.from(key));
    }
    this.keyId = keyIdOf(keys.current);
  }

  /** Whether this box holds the key of that id. */
  holds(keyId: string): boolean {
    return this.keys.has(keyId);
  }

  /**
   * Seals under the current key. `context` (the table and column) is authenticated with the value,
   * so a sealed value moved to another column does not open.
   */
  seal(plain: string, context: string): string {
    const nonce = randomBytes(NONCE_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.keys.get(this.keyId)!, nonce);
    cipher.setAAD(Buffer.from(context));
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    const packed = Buffer.concat([nonce, body, cipher.getAuthTag()]).toString('base64url');
    return `${sealedPrefixOf(this.keyId)}${packed}`;
  }

  /** The plain value. A value that is not sealed (written before encryption) is returned as is. */
  open(stored: string, context: string): string {
    const keyId = sealedKeyId(stored);
    if (keyId === null) return stored;
    const key = this.keys.get(keyId);
    if (!key)
      throw new EncryptionKeyError(
        `a ${context} value is sealed under key ${keyId}, which the configured keys (${[...this.keys.keys()].join(', ')}) do not include`,
      );
    const packed = Buffer.from(stored.slice(sealedPrefixOf(keyId).length), 'base64url');
    if (packed.length < NONCE_BYTES + TAG_BYTES)
      throw new EncryptionKeyError(`a ${context} value sealed under key ${keyId} is damaged`);
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, packed.subarray(0, NONCE_BYTES));
      decipher.setAAD(Buffer.from(context));
      decipher.setAuthTag(packed.subarray(packed.length - TAG_BYTES));
      const body = packed.subarray(NONCE_BYTES, packed.length - TAG_BYTES);
      return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
    } catch {
      throw new EncryptionKeyError(
        `a ${context} value sealed under key ${keyId} does not open (damaged, or another key with the same id)`,
      );
    }
  }

  /** `seal` for nullable columns. */
  sealNullable(plain: string | null, context: string): string | null {
    return plain === null ? null : this.seal(plain, context);
  }

  /** `open` for nullable columns. */
  openNullable(stored: string | null, context: string): string | null {
    return stored === null ? null : this.open(stored, context);
  }
}

/**
 * A key as an operator writes it: base64 (or base64url) of 32 bytes, as `openssl rand -base64 32`
 * prints, or 64 hex digits (`openssl rand -hex 32`). Null for anything else.
 */
export function parseKey(text: string): Uint8Array | null {
  const t = text.trim();
  if (/^[0-9a-fA-F]{64}$/.test(t)) return Buffer.from(t, 'hex');
  if (!/^[A-Za-z0-9+/]{43}=?$/.test(t) && !/^[A-Za-z0-9_-]{43}=?$/.test(t)) return null;
  const key = Buffer.from(
    t.replace(/=$/, ''),
    t.includes('-') || t.includes('_') ? 'base64url' : 'base64',
  );
  return key.length === KEY_BYTES ? key : null;
}

/** A new random key, written as base64. */
export function newKeyText(): string {
  return randomBytes(KEY_BYTES).toString('base64');
}
