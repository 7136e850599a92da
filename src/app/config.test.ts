import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_CONFIG, loadConfig, OPTIONS } from './config.js';

function problem(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigError');
}

describe('config', () => {
  it('defaults: port 8080, ./data, SQLite, 256 KiB payloads, 24 h idempotency, public-only egress', () => {
    const c = loadConfig({});
    expect(c).toEqual({ ...DEFAULT_CONFIG, dataDir: resolve('./data') });
    expect(c.port).toBe(8080);
    expect(c.databaseUrl).toBeNull();
    expect(c.payloadLimitBytes).toBe(256 * 1024);
    expect(c.idempotencyWindowMs).toBe(24 * 3600 * 1000);
    expect(c.egress).toBe('public-only');
    expect(c.egressAllow).toEqual([]);
    expect(c.requireHttps).toBe(false);
    expect(c.egressProxy).toBeNull();
    expect(c.egressAddresses).toEqual([]);
    expect(c.role).toBe('all');
  });

  it('reads environment variables and lets explicit values win', () => {
    const env = {
      HOOKLINE_PORT: '9090',
      HOOKLINE_ROLE: 'worker',
      HOOKLINE_MIGRATE_ON_START: 'false',
      HOOKLINE_EGRESS: 'unrestricted',
      HOOKLINE_EGRESS_ALLOW: ' 10.1.0.0/16, fd00::/8,192.0.2.7',
    };
    const c = loadConfig(env, { port: 7070, dataDir: '/tmp/hk' });
    expect(c.port).toBe(7070);
    expect(c.role).toBe('worker');
    expect(c.migrateOnStart).toBe(false);
    expect(c.egress).toBe('unrestricted');
    expect(c.egressAllow).toEqual(['10.1.0.0/16', 'fd00::/8', '192.0.2.7']);
    expect(c.dataDir).toBe('/tmp/hk');
  });

  it('names the environment variable of a bad value and what it expects', () => {
    expect(problem(() => loadConfig({ HOOKLINE_PORT: 'eighty' }))).toMatch(
      /HOOKLINE_PORT: "eighty" is not valid; expected an integer from 0 to 65535/,
    );
    expect(problem(() => loadConfig({ HOOKLINE_PORT: '70000' }))).toMatch(/HOOKLINE_PORT/);
    expect(problem(() => loadConfig({ HOOKLINE_ROLE: 'boss' }))).toMatch(
      /HOOKLINE_ROLE: "boss".*one of all, api, worker/,
    );
    expect(problem(() => loadConfig({ HOOKLINE_ADMIN_TOKEN: 'short' }))).toMatch(
      /HOOKLINE_ADMIN_TOKEN.*at least 16 characters/,
    );
    expect(problem(() => loadConfig({ HOOKLINE_DATABASE_URL: 'mysql://x' }))).toMatch(
      /HOOKLINE_DATABASE_URL/,
    );
    expect(problem(() => loadConfig({ HOOKLINE_EGRESS: 'open' }))).toMatch(/HOOKLINE_EGRESS/);
    expect(problem(() => loadConfig({ HOOKLINE_EGRESS: 'private' }))).toMatch(
      /one of public-only, public-and-loopback, unrestricted/,
    );
    expect(problem(() => loadConfig({ HOOKLINE_EGRESS_PROXY: 'socks5://p:1080' }))).toMatch(
      /HOOKLINE_EGRESS_PROXY/,
    );
    expect(problem(() => loadConfig({ HOOKLINE_EGRESS_ADDRESSES: 'egress.example.com' }))).toMatch(
      /HOOKLINE_EGRESS_ADDRESSES/,
    );
    expect(problem(() => loadConfig({ HOOKLINE_EGRESS_ALLOW: '10.0.0.0/33' }))).toMatch(
      /HOOKLINE_EGRESS_ALLOW: "10.0.0.0\/33"/,
    );
    expect(problem(() => loadConfig({ HOOKLINE_LEASE_MS: '1000' }))).toMatch(/HOOKLINE_LEASE_MS/);
    expect(problem(() => loadConfig({ HOOKLINE_MIGRATE_ON_START: 'maybe' }))).toMatch(
      /HOOKLINE_MIGRATE_ON_START.*true or false/,
    );
    expect(problem(() => loadConfig({ HOOKLINE_PAYLOAD_LIMIT_BYTES: '12.5' }))).toMatch(
      /HOOKLINE_PAYLOAD_LIMIT_BYTES/,
    );
  });

  it('HOOKLINE_DISABLE_AFTER: 5 days by default, a duration with its unit, or off', () => {
    expect(loadConfig({}).disableAfterMs).toBe(5 * 24 * 3600 * 1000);
    expect(loadConfig({ HOOKLINE_DISABLE_AFTER: '36h' }).disableAfterMs).toBe(36 * 3600 * 1000);
    expect(loadConfig({ HOOKLINE_DISABLE_AFTER: '2 days' }).disableAfterMs).toBe(2 * 86_400_000);
    expect(loadConfig({ HOOKLINE_DISABLE_AFTER: 'off' }).disableAfterMs).toBeNull();
    for (const bad of ['5', 'five days', '-1d', '30s', '5x'])
      expect(problem(() => loadConfig({ HOOKLINE_DISABLE_AFTER: bad }))).toMatch(
        new RegExp(`HOOKLINE_DISABLE_AFTER: "${bad}" is not valid; expected a duration`),
      );
  });

  it('names the flag when the bad value came from the command line', () => {
    expect(problem(() => loadConfig({}, { logLevel: 'loud' }))).toMatch(
      /--log-level: "loud" is not valid/,
    );
    expect(problem(() => loadConfig({}, { port: -1 }))).toMatch(/--port/);
  });

  it('takes an encryption key as base64 or hex of 32 bytes; a bad one is named, never shown', () => {
    const key = Buffer.alloc(32, 9);
    const c = loadConfig({
      HOOKLINE_ENCRYPTION_KEY: key.toString('base64'),
      HOOKLINE_ENCRYPTION_PREVIOUS_KEYS: `${key.toString('hex')}, ${Buffer.alloc(32, 1).toString('base64')}`,
    });
    expect(c.encryptionKey).toBe(key.toString('base64'));
    expect(c.encryptionPreviousKeys).toHaveLength(2);
    const short = Buffer.alloc(16, 9).toString('base64');
    const message = problem(() =>
      loadConfig({ HOOKLINE_ENCRYPTION_KEY: short, HOOKLINE_ADMIN_TOKEN: 'short-admin' }),
    );
    expect(message).toMatch(
      /HOOKLINE_ENCRYPTION_KEY: \(value hidden\) is not valid; expected base64 of 32 bytes/,
    );
    expect(message).toMatch(/HOOKLINE_ADMIN_TOKEN: \(value hidden\)/);
    expect(message).not.toContain(short);
    expect(message).not.toContain('short-admin');
    expect(problem(() => loadConfig({ HOOKLINE_ENCRYPTION_PREVIOUS_KEYS: 'nope' }))).toMatch(
      /HOOKLINE_ENCRYPTION_PREVIOUS_KEYS/,
    );
  });

  it('reports every bad option at once', () => {
    const message = problem(() => loadConfig({ HOOKLINE_PORT: 'x', HOOKLINE_POLL_MS: '0' }));
    expect(message).toMatch(/HOOKLINE_PORT/);
    expect(message).toMatch(/HOOKLINE_POLL_MS/);
  });

  it('every option has a HOOKLINE_ environment variable and a default', () => {
    for (const spec of OPTIONS) {
      expect(spec.env).toMatch(/^HOOKLINE_[A-Z_]+$/);
      expect(spec.key in DEFAULT_CONFIG).toBe(true);
    }
    expect(new Set(OPTIONS.map((o) => o.key)).size).toBe(Object.keys(DEFAULT_CONFIG).length);
  });
});
