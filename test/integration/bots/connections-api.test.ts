import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auth, startBotApi, type BotApi } from './api-harness.js';
import { deadUrl, useBotReceiver, type Receiver } from './receiver.js';

const BASE = '/v2/integrations/webhook';
const STORY = '634fef70c56fd000073f5730';

let api: BotApi;
beforeAll(async () => {
  api = await startBotApi();
});
afterAll(async () => {
  await api.close();
});
const receiver = useBotReceiver();

const call = (
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  url: string,
  payload?: unknown,
  key = api.keys.a,
) =>
  api.server.inject({
    method,
    url,
    headers: auth(key),
    ...(payload === undefined ? {} : { payload: payload as object }),
  });

async function create(over: Record<string, unknown> = {}, key = api.keys.a): Promise<string> {
  const res = await call(
    'POST',
    BASE,
    { storyId: STORY, name: 'Tracking', url: receiver.url(), ...over },
    key,
  );
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

describe('create', () => {
  it("verifies the receiver, then answers ChatBot's created acknowledgement", async () => {
    const res = await call('POST', BASE, {
      storyId: STORY,
      name: 'Tracking',
      url: receiver.url(),
      token: 'tok',
    });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{24}$/),
      timestamp: new Date(api.clock.now()).toISOString(),
      status: { code: 201, type: 'created' },
    });
    expect(receiver.gets()).toHaveLength(1);
    expect(receiver.gets()[0].url.searchParams.get('token')).toBe('tok');
  });

  it('GET /:id shows every field; the list leaves out credentials', async () => {
    const id = await create({
      token: 'secret-token',
      headers: { 'x-custom-header': 'value' },
      auth: { username: 'foo', password: 'bar' },
    });
    const one = await call('GET', `${BASE}/${id}`);
    expect(one.statusCode).toBe(200);
    const at = new Date(api.clock.now()).toISOString();
    expect(one.json()).toEqual({
      id,
      story: { id: STORY, name: STORY },
      name: 'Tracking',
      url: receiver.url(),
      token: 'secret-token',
      headers: { 'x-custom-header': 'value' },
      auth: { username: 'foo', password: 'bar' },
      timeoutMs: null,
      error: null,
      createdAt: at,
      updatedAt: at,
    });
    const list = await call('GET', BASE);
    expect(list.statusCode).toBe(200);
    expect(list.json()).toContainEqual({
      id,
      story: { id: STORY, name: STORY },
      name: 'Tracking',
      url: receiver.url(),
      error: false,
      createdAt: at,
      updatedAt: at,
    });
  });

  it('lists every violation with its field and limit, and saves nothing', async () => {
    const before = (await call('GET', BASE)).json().length;
    const res = await call('POST', BASE, {
      storyId: 'short',
      name: '',
      url: 'ftp://x',
      headers: {},
      auth: { username: 'u' },
    });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.code).toBe('invalid_request');
    expect(body.details.map((d: { field: string; limit: string }) => [d.field, d.limit])).toEqual(
      expect.arrayContaining([
        ['storyId', '24 characters'],
        ['name', '1-128 characters'],
        ['url', 'an absolute http(s) URL'],
        ['headers', 'an object with 1-10 entries'],
        ['auth.password', '1-1024 characters'],
      ]),
    );
    expect(body.details).toHaveLength(5);
    expect((await call('GET', BASE)).json()).toHaveLength(before);
    expect(receiver.requests).toEqual([]);
  });

  it('refuses a body that is not JSON object', async () => {
    const res = await api.server.inject({
      method: 'POST',
      url: BASE,
      headers: { ...auth(api.keys.a), 'content-type': 'application/json' },
      payload: '[1]',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().details[0].field).toBe('$');
  });

  const failures: [string, () => Promise<string> | string, (r: Receiver) => void][] = [
    [
      'verification_wrong_body',
      () => receiver.url(),
      (r) => {
        r.handler = (_q, s) => s.end('nope');
      },
    ],
    [
      'verification_status',
      () => receiver.url(),
      (r) => {
        r.handler = (_q, s) => s.writeHead(404).end();
      },
    ],
    ['verification_unreachable', () => deadUrl(), () => undefined],
  ];
  for (const [code, url, arrange] of failures) {
    it(`a failed handshake (${code}) refuses the save with the reason`, async () => {
      arrange(receiver);
      const before = (await call('GET', BASE)).json().length;
      const res = await call('POST', BASE, { storyId: STORY, name: 'x', url: await url() });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ code, details: [{ field: 'url' }] });
      expect(res.json().message).toMatch(/^url: verification failed: /);
      expect((await call('GET', BASE)).json()).toHaveLength(before);
    });
  }

  it('a handshake timeout refuses the save (connection timeoutMs applies)', async () => {
    receiver.handler = () => undefined;
    const res = await call('POST', BASE, {
      storyId: STORY,
      name: 'x',
      url: receiver.url('/slow'),
      timeoutMs: 200,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'verification_timeout',
      message: expect.stringContaining('200 ms'),
    });
  });
});

describe('update and delete', () => {
  it('PUT replaces the settings without a handshake when URL and token stay', async () => {
    const id = await create({ token: 't1', headers: { 'x-a': '1' } });
    receiver.requests.length = 0;
    api.clock.advance(5000);
    const res = await call('PUT', `${BASE}/${id}`, {
      name: 'Renamed',
      url: receiver.url(),
      token: 't1',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      timestamp: new Date(api.clock.now()).toISOString(),
      status: { code: 200, type: 'success' },
    });
    expect(receiver.requests).toEqual([]);
    const saved = (await call('GET', `${BASE}/${id}`)).json();
    expect(saved).toMatchObject({
      name: 'Renamed',
      token: 't1',
      headers: null,
      auth: null,
      updatedAt: new Date(api.clock.now()).toISOString(),
    });
    expect(saved.createdAt).not.toBe(saved.updatedAt);
  });

  it('a GET can be PUT back as it is, with or without headers', async () => {
    for (const over of [
      { token: 't1' },
      { headers: { 'x-a': '1' }, auth: { username: 'u', password: 'p' } },
    ]) {
      const id = await create(over);
      const current = (await call('GET', `${BASE}/${id}`)).json();
      const res = await call('PUT', `${BASE}/${id}`, current);
      expect(res.statusCode, res.body).toBe(200);
      // Every write moves updatedAt (the version conditional updates check), even on a still clock.
      const { updatedAt, ...rest } = current;
      const after = (await call('GET', `${BASE}/${id}`)).json();
      expect(after).toMatchObject(rest);
      expect(Date.parse(after.updatedAt)).toBeGreaterThan(Date.parse(updatedAt));
    }
  });

  it('a new URL or token is verified again; a failure leaves the connection as it was', async () => {
    const id = await create();
    receiver.requests.length = 0;
    expect(
      (await call('PUT', `${BASE}/${id}`, { name: 'x', url: receiver.url('/v2') })).statusCode,
    ).toBe(200);
    expect(receiver.gets().map((g) => g.url.pathname)).toEqual(['/v2']);
    expect(
      (await call('PUT', `${BASE}/${id}`, { name: 'x', url: receiver.url('/v2'), token: 'new' }))
        .statusCode,
    ).toBe(200);
    expect(receiver.gets()[1].url.searchParams.get('token')).toBe('new');

    receiver.handler = (_q, s) => s.writeHead(500).end();
    const res = await call('PUT', `${BASE}/${id}`, {
      name: 'broken',
      url: receiver.url('/v3'),
      token: 'new',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('verification_status');
    expect((await call('GET', `${BASE}/${id}`)).json()).toMatchObject({
      name: 'x',
      url: receiver.url('/v2'),
    });
  });

  it('PUT checks the body like POST (storyId not needed)', async () => {
    const id = await create();
    const res = await call('PUT', `${BASE}/${id}`, { name: 'x'.repeat(129), url: receiver.url() });
    expect(res.statusCode).toBe(400);
    expect(res.json().details).toEqual([
      {
        field: 'name',
        limit: '1-128 characters',
        message: 'name must be 1-128 characters, got 129 characters',
      },
    ]);
  });

  it('DELETE removes it; afterwards it is a 404', async () => {
    const id = await create();
    const res = await call('DELETE', `${BASE}/${id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toEqual({ code: 200, type: 'success' });
    expect((await call('GET', `${BASE}/${id}`)).statusCode).toBe(404);
    expect((await call('DELETE', `${BASE}/${id}`)).statusCode).toBe(404);
    expect(
      (await call('PUT', `${BASE}/${id}`, { name: 'x', url: receiver.url() })).statusCode,
    ).toBe(404);
  });

  it('ids must be 24 hex characters', async () => {
    for (const method of ['GET', 'PUT', 'DELETE'] as const) {
      const res = await call(
        method,
        `${BASE}/not-an-id`,
        method === 'PUT' ? { name: 'x', url: receiver.url() } : undefined,
      );
      expect(res.statusCode).toBe(400);
      expect(res.json().details).toEqual([
        { field: 'id', message: 'must be 24 hex characters (0-9, a-f)' },
      ]);
    }
    expect((await call('GET', `${BASE}/${'0'.repeat(24)}`)).statusCode).toBe(404);
  });
});

describe('auth', () => {
  it('needs a Bearer API key', async () => {
    expect((await api.server.inject({ method: 'GET', url: BASE })).statusCode).toBe(401);
    expect((await call('GET', BASE, undefined, 'hk_unknown')).statusCode).toBe(401);
  });

  it('refuses the admin token without an app: connections belong to an app', async () => {
    const res = await call('GET', BASE, undefined, api.adminToken);
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('app_key_required');
  });

  it("lets the admin token use an app's connections named by ?appId=, and only that app's", async () => {
    const id = await create({}, api.keys.a);
    const admin = (url: string) => call('GET', url, undefined, api.adminToken);
    const listed = await admin(`${BASE}?appId=${api.appIds.a}`);
    expect(listed.statusCode).toBe(200);
    expect(listed.json().map((c: { id: string }) => c.id)).toContain(id);
    expect((await admin(`${BASE}/${id}?appId=${api.appIds.a}`)).json().id).toBe(id);
    expect((await admin(`${BASE}/${id}/invocations?appId=${api.appIds.a}`)).statusCode).toBe(200);
    // The same connection read for the other app is unknown there.
    expect((await admin(`${BASE}/${id}?appId=${api.appIds.b}`)).statusCode).toBe(404);
    const missing = await admin(`${BASE}?appId=app_missing`);
    expect([missing.statusCode, missing.json().code]).toEqual([404, 'not_found']);
    // An app key cannot name another app.
    const other = await call('GET', `${BASE}?appId=${api.appIds.b}`, undefined, api.keys.a);
    expect(other.statusCode).toBe(404);
    expect((await call('GET', `${BASE}?appId=${api.appIds.a}`)).statusCode).toBe(200);
  });

  it('keeps apps apart', async () => {
    const id = await create({}, api.keys.a);
    expect(
      (await call('GET', BASE, undefined, api.keys.b)).json().map((c: { id: string }) => c.id),
    ).not.toContain(id);
    expect((await call('GET', `${BASE}/${id}`, undefined, api.keys.b)).statusCode).toBe(404);
    expect(
      (await call('PUT', `${BASE}/${id}`, { name: 'x', url: receiver.url() }, api.keys.b))
        .statusCode,
    ).toBe(404);
    expect((await call('DELETE', `${BASE}/${id}`, undefined, api.keys.b)).statusCode).toBe(404);
    expect(
      (
        await call(
          'POST',
          `${BASE}/${id}/invoke`,
          { chatId: 'c', messageId: 'm', userId: 'u' },
          api.keys.b,
        )
      ).statusCode,
    ).toBe(404);
    expect((await call('GET', `${BASE}/${id}`)).statusCode).toBe(200);
  });
});
