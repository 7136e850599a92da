import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../app/config.js';
import { consoleHeaders, consoleHeadersHook, parseFrameAncestors } from './console-headers.js';

describe('HOOKLINE_PORTAL_FRAME_ANCESTORS', () => {
  it('takes CSP source lists', () => {
    expect(parseFrameAncestors("'self'")).toBe("'self'");
    expect(parseFrameAncestors("  'self'   https://app.example.com ")).toBe(
      "'self' https://app.example.com",
    );
    expect(parseFrameAncestors('https://*.example.com:8443 https:')).toBe(
      'https://*.example.com:8443 https:',
    );
    expect(parseFrameAncestors("'none'")).toBe("'none'");
  });

  it('refuses what would break or extend the policy', () => {
    for (const bad of [
      '',
      "'none' https://a.example.com",
      "'self'; script-src *",
      'https://a.example.com,https://b.example.com',
      "'unsafe-inline'",
      'https://a.example.com\r\nx-evil: 1',
    ])
      expect({ bad, parsed: parseFrameAncestors(bad) }).toEqual({ bad, parsed: undefined });
  });

  it('defaults to this origin only, and a bad value stops the start naming the variable', () => {
    expect(loadConfig({}).portalFrameAncestors).toBe("'self'");
    expect(() => loadConfig({ HOOKLINE_PORTAL_FRAME_ANCESTORS: "'self'; sandbox" })).toThrow(
      ConfigError,
    );
    expect(() => loadConfig({ HOOKLINE_PORTAL_FRAME_ANCESTORS: "'self'; sandbox" })).toThrow(
      /HOOKLINE_PORTAL_FRAME_ANCESTORS/,
    );
  });
});

describe('console headers', () => {
  it('put frame-ancestors in the CSP, with X-Frame-Options only where it can say the same', () => {
    const own = consoleHeaders("'self'");
    expect(own['content-security-policy']).toContain("frame-ancestors 'self'");
    expect(own['content-security-policy']).toContain("script-src 'self'");
    expect(own['x-frame-options']).toBe('SAMEORIGIN');
    expect(consoleHeaders("'none'")['x-frame-options']).toBe('DENY');
    const embedded = consoleHeaders("'self' https://app.example.com");
    expect(embedded['content-security-policy']).toContain(
      "frame-ancestors 'self' https://app.example.com",
    );
    expect(embedded['x-frame-options']).toBeUndefined();
    expect(own['referrer-policy']).toBe('no-referrer');
    expect(own['x-content-type-options']).toBe('nosniff');
  });

  it('the hook adds them to the replies of the plugin it is added to, and only those', async () => {
    const app = Fastify();
    await app.register(async (pages) => {
      pages.addHook('onSend', consoleHeadersHook('https://app.example.com'));
      pages.get('/portal', async (_request, reply) => reply.type('text/html').send('<html>'));
    });
    app.get('/api/v1/x', async () => ({ ok: true }));
    const page = await app.inject({ method: 'GET', url: '/portal' });
    expect(page.headers['content-security-policy']).toContain(
      'frame-ancestors https://app.example.com',
    );
    expect(page.body).toBe('<html>');
    const api = await app.inject({ method: 'GET', url: '/api/v1/x' });
    expect(api.headers['content-security-policy']).toBeUndefined();
    await app.close();
  });
});
