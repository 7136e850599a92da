import Fastify from 'fastify';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleRoutes } from '../../../src/api/routes/console.js';

/** The console's pages and assets carry the security headers, with the configured frame-ancestors. */

let root: string;
const app = Fastify();

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'hookline-console-'));
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Hookline</title>');
  writeFileSync(join(root, 'assets', 'app-1.js'), 'console.log(1)');
  await app.register(
    consoleRoutes(root, { frameAncestors: "'self' https://provider.example.test" }),
  );
  app.get('/api/v1/ping', async () => ({ ok: true }));
});
afterAll(async () => {
  await app.close();
  rmSync(root, { recursive: true, force: true });
});

describe('console pages', () => {
  it.each(['/', '/portal', '/portal/endpoints', '/assets/app-1.js'])('%s', async (url) => {
    const res = await app.inject({ method: 'GET', url });
    expect(res.statusCode).toBe(200);
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("frame-ancestors 'self' https://provider.example.test");
    expect(csp).toContain("default-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    // A list of origins cannot be said with X-Frame-Options, so it is left out.
    expect(res.headers['x-frame-options']).toBeUndefined();
  });

  it('the API beside them is not given the page policy', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/ping' });
    expect(res.headers['content-security-policy']).toBeUndefined();
  });
});
