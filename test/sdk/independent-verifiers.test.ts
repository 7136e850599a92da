import { createHmac, createPublicKey, verify } from 'node:crypto';
import { Webhook as StandardWebhook } from 'standardwebhooks';
import { Webhook as SvixWebhook } from 'svix';
import MessageValidator from 'viber-bot/lib/message/message-validator.js';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { vectors } from './vectors.js';

/**
 * docs/test-vectors.json through verifiers Hookline did not write: the standardwebhooks and svix
 * libraries (v1), viber-bot's own signature check, and node:crypto (v1a, the Signature header).
 * Each library's `verify` runs with the system clock set to the vector's `now`.
 */
const { toleranceSec } = vectors.standardWebhooks;
const SPKI_HEADER = Buffer.from('302a300506032b6570032100', 'hex');
const publicKey = (whpk: string) =>
  createPublicKey({
    key: Buffer.concat([SPKI_HEADER, Buffer.from(whpk.slice('whpk_'.length), 'base64')]),
    format: 'der',
    type: 'spki',
  });

const silent = { debug() {}, info() {}, warn() {}, error() {} };

type Library = typeof StandardWebhook | typeof SvixWebhook;

function libraryAccepts(Library: Library, keys: string[], body: string, headers: object): boolean {
  return keys
    .filter((k) => k.startsWith('whsec_'))
    .some((key) => {
      try {
        new Library(key).verify(body, headers as Record<string, string>);
        return true;
      } catch {
        return false;
      }
    });
}

/** Standard Webhooks v1a checked with node:crypto alone: headers, tolerance, one ed25519 match. */
function cryptoAcceptsV1a(
  keys: string[],
  body: string,
  headers: Record<string, string>,
  now: number,
) {
  const id = headers['webhook-id'];
  const timestamp = headers['webhook-timestamp'];
  const signatures = headers['webhook-signature'];
  if (!id || !timestamp || !signatures || !/^\d+$/.test(timestamp)) return false;
  if (Math.abs(now - Number(timestamp)) > toleranceSec) return false;
  const content = Buffer.from(`${id}.${timestamp}.${body}`);
  return signatures.split(' ').some((part) => {
    const [version, signature] = part.split(',');
    if (version !== 'v1a') return false;
    return keys
      .filter((k) => k.startsWith('whpk_'))
      .some((k) => verify(null, content, publicKey(k), Buffer.from(signature, 'base64')));
  });
}

const withHmac = vectors.standardWebhooks.verifying.filter((c) =>
  c.keys.some((k) => k.startsWith('whsec_')),
);
const withPublicKeys = vectors.standardWebhooks.verifying.filter((c) =>
  c.keys.some((k) => k.startsWith('whpk_')),
);

describe('independent verifiers agree with docs/test-vectors.json', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['Date'] }));
  afterEach(() => vi.useRealTimers());

  for (const [name, Library] of [
    ['standardwebhooks', StandardWebhook],
    ['svix', SvixWebhook],
  ] as const) {
    it.each(withHmac)(`${name} (v1): $name`, (c) => {
      vi.setSystemTime(c.now * 1000);
      expect(libraryAccepts(Library, c.keys, c.body, c.headers)).toBe(c.valid);
    });

    it.each(
      vectors.standardWebhooks.signing.filter((c) => c.keys.some((k) => k.startsWith('whsec_'))),
    )(`${name} verifies the v1 signing vector: $name`, (c) => {
      vi.setSystemTime(c.timestamp * 1000);
      for (const key of c.keys.filter((k) => k.startsWith('whsec_')))
        expect(libraryAccepts(Library, [key], c.body, c.headers)).toBe(true);
    });
  }

  it.each(withPublicKeys)('node:crypto (v1a): $name', (c) => {
    expect(cryptoAcceptsV1a(c.keys, c.body, c.headers, c.now)).toBe(c.valid);
  });

  it.each(
    vectors.standardWebhooks.signing.filter((c) => c.keys.some((k) => k.startsWith('whsk_'))),
  )('node:crypto verifies the v1a signing vector with each whpk_ key: $name', (c) => {
    const pairs = Object.values(vectors.keys).filter(
      (k): k is { secretKey: string; publicKey: string } =>
        typeof k === 'object' &&
        k !== null &&
        c.keys.includes((k as { secretKey: string }).secretKey),
    );
    expect(pairs.length).toBeGreaterThan(0);
    for (const pair of pairs)
      expect(cryptoAcceptsV1a([pair.publicKey], c.body, c.headers, c.timestamp)).toBe(true);
  });

  it.each(vectors.viber.verifying)("viber-bot's MessageValidator: $name", (c) => {
    const query = new URL(c.url, 'http://receiver.invalid').searchParams.get('sig') ?? undefined;
    const signature = c.headers['x-viber-content-signature'] ?? query;
    expect(new MessageValidator(silent, c.authToken).validateMessage(signature, c.body)).toBe(
      c.valid,
    );
  });

  it.each(vectors.viber.signing)("viber-bot's MessageValidator accepts: $name", (c) => {
    const sig = new URL(c.signedUrl).searchParams.get('sig') ?? undefined;
    const validator = new MessageValidator(silent, c.authToken);
    expect(validator.validateMessage(sig, c.body)).toBe(true);
    expect(validator.validateMessage(c.headers['x-viber-content-signature'], c.body)).toBe(true);
  });

  it.each(vectors.signatureHeader.verifying)('node:crypto (Signature header): $name', (c) => {
    const given = c.headers.signature?.toLowerCase();
    const ok = c.secrets.some(
      (s) => createHmac('sha256', s).update(c.body).digest('hex') === given,
    );
    expect(ok).toBe(c.valid);
  });
});
