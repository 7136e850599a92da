import { createPublicKey, sign, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  newSigningKey,
  parsePublicKey,
  parseSecretKey,
  publicKeyOf,
  secretKeyProblem,
} from './ed25519-keys.js';

describe('ed25519 whsk_/whpk_ keys', () => {
  it('generates seed + public key (64 bytes) whose public half is its whpk_ key', () => {
    const secretKey = newSigningKey();
    const bytes = Buffer.from(secretKey.slice('whsk_'.length), 'base64');
    expect(bytes).toHaveLength(64);
    expect(publicKeyOf(secretKey)).toBe(`whpk_${bytes.subarray(32).toString('base64')}`);
    expect(secretKeyProblem(secretKey)).toBeNull();
  });

  it('accepts a bare 32-byte seed and derives the same public key', () => {
    const secretKey = newSigningKey();
    const seedOnly = `whsk_${Buffer.from(secretKey.slice(5), 'base64').subarray(0, 32).toString('base64')}`;
    expect(publicKeyOf(seedOnly)).toBe(publicKeyOf(secretKey));
  });

  it('signs with the secret key and verifies with the parsed public key', () => {
    const secretKey = newSigningKey();
    const signature = sign(null, Buffer.from('hello'), parseSecretKey(secretKey));
    const publicKey = parsePublicKey(publicKeyOf(secretKey))!;
    expect(verify(null, Buffer.from('hello'), publicKey, signature)).toBe(true);
    expect(createPublicKey(parseSecretKey(secretKey)).equals(publicKey)).toBe(true);
  });

  it('names what is wrong with a bad key', () => {
    expect(secretKeyProblem('whsec_abc')).toMatch(/whsk_/);
    expect(secretKeyProblem(`whsk_${Buffer.alloc(31).toString('base64')}`)).toMatch(/not 31/);
    const other = Buffer.from(newSigningKey().slice(5), 'base64');
    const mismatched = Buffer.concat([
      Buffer.from(newSigningKey().slice(5), 'base64').subarray(0, 32),
      other.subarray(32),
    ]);
    expect(secretKeyProblem(`whsk_${mismatched.toString('base64')}`)).toMatch(/public key/);
    expect(parsePublicKey('whpk_short')).toBeNull();
    expect(parsePublicKey('whsec_abc')).toBeNull();
  });
});
