import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTenant,
  removeDataDirs,
  startHookline,
  type TenantSetup,
  type TestHookline,
} from '../../helpers/hookline-app.js';

/** Issue 12, point 5 and "Hostile input": inputs that used to give a 500 get a 4xx naming why. */
const DEEP_ARRAY = '['.repeat(10_000) + ']'.repeat(10_000);
const DEEP_OBJECT = '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000);

let h: TestHookline;
let t: TenantSetup;
beforeAll(async () => {
  h = await startHookline();
  t = await createTenant(h, { url: 'http://127.0.0.1:9/hook' });
});
afterAll(async () => {
  await h?.close();
  removeDataDirs();
});

const expectDepthLimit = (res: { status: number; body: { code: string; message: string } }) => {
  expect(res.status).toBe(400);
  expect(res.body.code).toBe('invalid_request');
  expect(res.body.message).toBe('body: nested deeper than 100 levels (the nesting limit)');
};

describe('deep nesting (10,000 levels)', () => {
  it('is a 400 naming the limit on /messages, /messages/batch and bot invoke', async () => {
    const messages = `/api/v1/apps/${t.appId}/messages`;
    for (const payload of [DEEP_ARRAY, DEEP_OBJECT]) {
      expectDepthLimit(
        await h.api('POST', messages, `{"eventType":"message.delivered","payload":${payload}}`),
      );
      expectDepthLimit(
        await h.api(
          'POST',
          `${messages}/batch`,
          `{"messages":[{"eventType":"message.delivered","payload":${payload}}]}`,
        ),
      );
      expectDepthLimit(
        await h.api(
          'POST',
          '/v2/integrations/webhook/0123456789abcdef01234567/invoke',
          `{"chat":${payload}}`,
          { token: t.apiKey },
        ),
      );
    }
    // Up to the limit is fine.
    const ok = '{"a":'.repeat(90) + '1' + '}'.repeat(90);
    const sent = await h.api('POST', messages, `{"eventType":"message.delivered","payload":${ok}}`);
    expect(sent.status).toBe(202);
  });

  it('refuses numbers that overflow to Infinity in a body', async () => {
    const res = await h.api(
      'POST',
      `/api/v1/apps/${t.appId}/messages`,
      '{"eventType":"message.delivered","payload":{"n":1e309}}',
    );
    expect(res.status).toBe(400);
    expect(res.body.message).toContain('too large');
  });
});

describe('list parameters', () => {
  it('limit=Infinity and limit=1e309 are 400s naming limit', async () => {
    for (const limit of ['Infinity', '1e309', '-Infinity']) {
      const res = await h.api('GET', `/api/v1/apps/${t.appId}/messages?limit=${limit}`);
      expect(res.status, limit).toBe(400);
      expect(res.body.details[0].field).toBe('limit');
    }
  });

  it('a bad cursor, or one beyond an integer id, is a 400 naming cursor', async () => {
    const huge = Buffer.from('99999999999999999999999').toString('base64url');
    for (const cursor of ['!!!', huge]) {
      const res = await h.api('GET', `/api/v1/apps/${t.appId}/deliveries?cursor=${cursor}`);
      expect(res.status, cursor).toBe(400);
      expect(res.body.details[0].field).toBe('cursor');
    }
  });

  it('an id beyond bigint range is a 400 naming it', async () => {
    const res = await h.api('GET', `/api/v1/apps/${t.appId}/deliveries/99999999999999999999999`);
    expect(res.status).toBe(400);
    expect(res.body.details[0].field).toBe('deliveryId');
  });
});

describe('endpoint headers', () => {
  const base = () => `/api/v1/apps/${t.appId}/endpoints`;
  it.each([
    [{ 'bad name': 'x' }, 'headers.bad name', 'not a valid header name'],
    [{ 'x-a': 'a\r\nx-b: y' }, 'headers.x-a', 'control characters'],
    [{ 'x-a': 'a\u0000b' }, 'headers.x-a', 'control characters'],
    [{ 'X-A': '1', 'x-a': '2' }, 'headers.x-a', 'repeats'],
  ])('%j is a 400 naming the header', async (headers, field, message) => {
    for (const res of [
      await h.api('POST', base(), { url: 'http://127.0.0.1:9/y', headers }),
      await h.api('PATCH', `${base()}/${t.endpointId}`, { headers }),
    ]) {
      expect(res.status).toBe(400);
      expect(res.body.details).toContainEqual({ field, message: expect.stringContaining(message) });
    }
  });
});

describe('routes and methods', () => {
  it('an app key on an admin-only route is a 403 with a code', async () => {
    for (const [method, url] of [
      ['POST', '/api/v1/apps'],
      ['DELETE', `/api/v1/apps/${t.appId}`],
    ]) {
      const res = await h.api(method, url, method === 'POST' ? { name: 'x' } : undefined, {
        token: t.apiKey,
      });
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('admin_required');
    }
  });

  it('a wrong method on a known path is a 405 with Allow', async () => {
    const res = await h.api('PUT', `/api/v1/apps/${t.appId}/messages`, {});
    expect(res.status).toBe(405);
    expect(res.body.code).toBe('method_not_allowed');
    expect(res.headers.allow).toBe('GET, HEAD, POST');
    const unknown = await h.api('GET', '/api/v1/no-such-thing');
    expect(unknown.status, JSON.stringify(unknown.body)).toBe(404);
  });

  it('choice errors list the allowed values', async () => {
    const ordering = await h.api('POST', `/api/v1/apps/${t.appId}/endpoints`, {
      url: 'http://127.0.0.1:9/y',
      ordering: 'sideways',
    });
    expect(ordering.status).toBe(400);
    expect(ordering.body.details).toContainEqual({
      field: 'ordering',
      message: 'must be one of: parallel, serial',
    });
    const state = await h.api('GET', `/api/v1/apps/${t.appId}/deliveries?state=nope`);
    expect(state.status).toBe(400);
    expect(state.body.details[0].message).toMatch(/^must be one of: .*pending/);
  });
});
