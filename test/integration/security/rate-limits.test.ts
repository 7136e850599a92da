import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTenant,
  removeDataDirs,
  startHookline,
  type TestHookline,
} from '../../helpers/hookline-app.js';

/** Issue 12: API rate limits per credential (@fastify/rate-limit), tried with a tiny limit. */
describe('API rate limits per credential', () => {
  let h: TestHookline;
  beforeAll(async () => {
    h = await startHookline({ config: { apiRateLimit: 4 } });
  });
  afterAll(async () => {
    await h?.close();
    removeDataDirs();
  });

  it('answers the request over the limit 429 with Retry-After and the API error body', async () => {
    const a = await createTenant(h, { url: 'http://127.0.0.1:9/hook' }, 'A');
    const b = await createTenant(h, { url: 'http://127.0.0.1:9/hook' }, 'B');
    const get = (t: { appId: string; apiKey: string }) =>
      h.api('GET', `/api/v1/apps/${t.appId}`, undefined, { token: t.apiKey });

    for (let i = 0; i < 4; i++) expect((await get(a)).status).toBe(200);
    const over = await get(a);
    expect(over.status).toBe(429);
    expect(over.body).toMatchObject({ code: 'rate_limited', details: [] });
    expect(over.body.message).toContain('4 requests');
    const retryAfter = Number(over.headers['retry-after']);
    expect(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 60).toBe(true);
    expect(over.headers['x-ratelimit-limit']).toBe('4');

    // Writes count the same; another app's key has its own allowance.
    const post = await h.api(
      'POST',
      `/api/v1/apps/${a.appId}/messages`,
      { eventType: 'a.b', payload: {} },
      { token: a.apiKey },
    );
    expect(post.status).toBe(429);
    expect((await get(b)).status).toBe(200);

    // A wrong key is refused for what it is, and health checks are never limited.
    // The admin token is a credential too: setting up took its four.
    expect((await h.api('GET', '/api/v1/apps')).status).toBe(429);
    const wrong = await h.api('GET', `/api/v1/apps/${a.appId}`, undefined, { token: 'nope' });
    expect(wrong.status).toBe(401);
    for (let i = 0; i < 5; i++) {
      expect((await h.app.server.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
      expect((await h.app.server.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);
    }
  });

  it('is switched off with 0', async () => {
    const open = await startHookline({ config: { apiRateLimit: 0 } });
    try {
      const answers = await Promise.all(
        Array.from({ length: 10 }, () => open.api('GET', '/api/v1/apps')),
      );
      expect(answers.map((r) => r.status)).toEqual(Array(10).fill(200));
      expect(answers[0].headers['x-ratelimit-limit']).toBeUndefined();
    } finally {
      await open.close();
    }
  });
});
