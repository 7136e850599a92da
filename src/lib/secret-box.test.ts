import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  EncryptionKeyError,
  keyIdOf,
  newKeyText,
  parseKey,
  sealedKeyId,
  SecretBox,
} from './secret-box.js';

const keyA = randomBytes(32);
const keyB = randomBytes(32);

describe('SecretBox', () => {
  it('seals with a fresh nonce under the current key id and opens again', () => {
    const box = new SecretBox({ current: keyA, previous: [] });
    const one = box.seal('whsec_abc', 'endpoints.secrets');
    const two = box.seal('whsec_abc', 'endpoints.secrets');
    expect(one).not.toBe(two);
    expect(one).not.toContain('whsec_abc');
    expect(sealedKeyId(one)).toBe(keyIdOf(keyA));
    expect(box.open(one, 'endpoints.secrets')).toBe('whsec_abc');
    expect(box.open('', 'x')).toBe('');
  });

  it('returns a value written before encryption (not sealed) as it is', () => {
    const box = new SecretBox({ current: keyA, previous: [] });
    expect(box.open('[{"secret":"whsec_plain"}]', 'endpoints.secrets')).toBe(
      '[{"secret":"whsec_plain"}]',
    );
    expect(sealedKeyId('plain')).toBeNull();
  });

  it('opens older keys given as previous, and names an unknown key without showing the value', () => {
    const old = new SecretBox({ current: keyA, previous: [] }).seal('tok-123', 'apps.viber');
    const rotated = new SecretBox({ current: keyB, previous: [keyA] });
    expect(rotated.open(old, 'apps.viber')).toBe('tok-123');
    expect(sealedKeyId(rotated.seal('tok-123', 'apps.viber'))).toBe(keyIdOf(keyB));
    const wrong = new SecretBox({ current: keyB, previous: [] });
    expect(() => wrong.open(old, 'apps.viber')).toThrow(EncryptionKeyError);
    expect(() => wrong.open(old, 'apps.viber')).toThrow(new RegExp(keyIdOf(keyA)));
  });

  it('refuses a value moved to another column or tampered with', () => {
    const box = new SecretBox({ current: keyA, previous: [] });
    const sealed = box.seal('secret', 'bot_connections.token');
    expect(() => box.open(sealed, 'bot_connections.auth_password')).toThrow(EncryptionKeyError);
    const last = sealed.at(-2) === 'A' ? 'B' : 'A';
    const tampered = `${sealed.slice(0, -2)}${last}${sealed.at(-1)}`;
    expect(() => box.open(tampered, 'bot_connections.token')).toThrow(/does not open/);
  });
});

describe('parseKey', () => {
  it('takes base64, base64url and hex of exactly 32 bytes', () => {
    const raw = randomBytes(32);
    expect(parseKey(raw.toString('base64'))).toEqual(raw);
    expect(parseKey(raw.toString('base64url'))).toEqual(raw);
    expect(parseKey(`${raw.toString('hex')}\n`)).toEqual(raw);
    expect(parseKey(newKeyText())).toHaveLength(32);
  });

  it('refuses anything else', () => {
    for (const bad of [
      '',
      'short',
      randomBytes(16).toString('base64'),
      randomBytes(33).toString('base64'),
      'x'.repeat(64),
      `${randomBytes(32).toString('base64')}!`,
    ])
      expect(parseKey(bad), bad).toBeNull();
  });
});
