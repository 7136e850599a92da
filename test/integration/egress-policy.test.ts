import { afterAll, afterEach, describe, expect, it } from 'vitest';
import {
  createTenant,
  removeDataDirs,
  sendMessage,
  startHookline,
  type TestHookline,
} from '../helpers/hookline-app.js';
import { startReceiver, type Receiver } from '../helpers/receiver.js';

// Creation-time checks: no test here connects anywhere but to its own receiver on 127.0.0.1.

let h: TestHookline | null = null;
let receiver: Receiver | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
  await receiver?.close();
  receiver = null;
});
afterAll(removeDataDirs);

/**
 * Every spelling of this machine, a private address or metadata the URL parser accepts. These are
 * only ever refused when an endpoint is saved (a 400 naming `url`): no test connects to them.
 */
const REFUSED_URLS = [
  'http://127.0.0.1:9/hook',
  'http://0177.0.0.1/', // octal
  'http://2130706433/', // one number
  'http://0x7f.1/', // hex, short form
  'http://127.1/',
  'http://[::1]/',
  'http://[::ffff:127.0.0.1]/',
  'http://[::127.0.0.1]/',
  'http://localhost:9/',
  'http://api.localhost/',
  'http://169.254.169.254/latest/meta-data/',
  'http://[64:ff9b::a9fe:a9fe]/', // NAT64 of the metadata address
  'http://[64:ff9b:1::a9fe:a9fe]/',
  'http://[2002:a9fe:a9fe::1]/', // 6to4
  'http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/', // Teredo
  'http://[fec0::1]/', // site-local
  'http://[fd00::1]/',
  'http://10.0.0.1/',
  'http://192.168.1.1/',
  'http://100.64.0.1/',
  'http://0.0.0.0:9/',
  'http://224.0.0.1/',
];

async function production(config: Record<string, string | boolean> = {}) {
  h = await startHookline({ config: { egress: 'public-only', ...config } });
  return h;
}

function expectUrlRefused(res: { status: number; body: { code: string; details: unknown[] } }) {
  expect(res.status).toBe(400);
  expect(res.body.code).toBe('invalid_request');
  expect(res.body.details).toContainEqual(
    expect.objectContaining({ field: 'url', message: expect.stringMatching(/egress policy/) }),
  );
}

describe('egress policy at endpoint creation (public-only, the shipped default)', () => {
  it('an app key cannot create an endpoint at any spelling of loopback, private or metadata', async () => {
    const hk = await production();
    const app = await hk.api('POST', '/api/v1/apps', { name: 'tenant' });
    const key = app.body.apiKey as string;
    for (const url of REFUSED_URLS) {
      const res = await hk.api(
        'POST',
        `/api/v1/apps/${app.body.id}/endpoints`,
        { url, format: 'compose', formatOptions: { method: 'GET' } },
        { token: key },
      );
      expect({ url, status: res.status }).toEqual({ url, status: 400 });
      expectUrlRefused(res);
    }
    const list = await hk.api('GET', `/api/v1/apps/${app.body.id}/endpoints`);
    expect(list.body.data).toEqual([]);
  });

  it('refuses moving an endpoint to loopback, keeps the old URL', async () => {
    const hk = await production();
    const t = await createTenant(hk, { url: 'https://receiver.example.com/hook' });
    const res = await hk.api('PATCH', `/api/v1/apps/${t.appId}/endpoints/${t.endpointId}`, {
      url: 'http://0177.0.0.1:8080/openapi.json',
    });
    expectUrlRefused(res);
    expect(res.body.message).toMatch(/^url: address 127\.0\.0\.1 is loopback/);
    const ep = await hk.api('GET', `/api/v1/apps/${t.appId}/endpoints/${t.endpointId}`);
    expect(ep.body.url).toBe('https://receiver.example.com/hook');
  });

  it('the Svix front door, bot connections and Viber set_webhook refuse it too', async () => {
    const hk = await production();
    const app = await hk.api('POST', '/api/v1/apps', { name: 'tenant' });
    const key = app.body.apiKey as string;
    const svix = await hk.api(
      'POST',
      `/api/v1/app/${app.body.id}/endpoint`,
      { url: 'http://[::ffff:a9fe:a9fe]/' },
      { token: key },
    );
    expect(svix.status).toBe(422); // Svix answers validation errors with 422
    expect(JSON.stringify(svix.body)).toMatch(/egress policy/);

    const bot = await hk.api(
      'POST',
      '/v2/integrations/webhook',
      { storyId: 'a'.repeat(24), name: 'bot', url: 'http://127.1:9/bot' },
      { token: key },
    );
    expect(bot.status).toBe(400);
    expect(bot.body.details).toContainEqual(expect.objectContaining({ field: 'url' }));
    expect(JSON.stringify(bot.body)).toMatch(/loopback, refused by the egress policy/);

    const token = (
      await hk.api('POST', `/api/v1/apps/${app.body.id}/viber-token`, undefined, { token: key })
    ).body.viberAuthToken as string;
    const pa = await hk.app.server.inject({
      method: 'POST',
      url: '/pa/set_webhook',
      headers: { 'content-type': 'application/json', 'x-viber-auth-token': token },
      payload: JSON.stringify({ url: 'https://[fd00::1]/viber' }),
    });
    expect(pa.json()).toMatchObject({ status_message: 'invalidUrl' });
    expect(pa.json().status_message).toBe('invalidUrl');
  });

  it('public addresses and names pass the creation check', async () => {
    const hk = await production();
    const t = await createTenant(hk, { url: 'https://hooks.example.com/in' });
    for (const url of ['http://93.184.216.34/x', 'https://[2606:4700:4700::1111]/x']) {
      const res = await hk.api('PATCH', `/api/v1/apps/${t.appId}/endpoints/${t.endpointId}`, {
        url,
      });
      expect(res.status).toBe(200);
    }
  });

  it('HOOKLINE_EGRESS_ALLOW lets the operator reach a listed range', async () => {
    receiver = await startReceiver();
    const hk = await production({ egressAllow: '127.0.0.0/8' });
    const t = await createTenant(hk, { url: `${receiver.url}/hook` });
    await sendMessage(hk, t.appId, { hello: 'allowed' });
    await hk.dispatcher.drainDue();
    expect(receiver.requests).toHaveLength(1);
    expectUrlRefused(
      await hk.api('POST', `/api/v1/apps/${t.appId}/endpoints`, { url: 'http://10.0.0.1/' }),
    );
  });
});

describe('development allowance (public-and-loopback)', () => {
  it('allows loopback receivers but still refuses private ranges', async () => {
    h = await startHookline({ config: { egress: 'public-and-loopback' } });
    const t = await createTenant(h, { url: 'http://127.0.0.1:9/hook' });
    for (const url of ['http://10.0.0.1/', 'http://[64:ff9b::a9fe:a9fe]/', 'http://[fec0::1]/'])
      expectUrlRefused(
        await h.api('PATCH', `/api/v1/apps/${t.appId}/endpoints/${t.endpointId}`, { url }),
      );
  });
});

describe('HOOKLINE_REQUIRE_HTTPS', () => {
  it('refuses plain http on every API that saves a receiver URL', async () => {
    const hk = await production({ requireHttps: true, egressAllow: '127.0.0.0/8' });
    const app = await hk.api('POST', '/api/v1/apps', { name: 'tenant' });
    const key = app.body.apiKey as string;
    const native = await hk.api('POST', `/api/v1/apps/${app.body.id}/endpoints`, {
      url: 'http://hooks.example.com/in',
    });
    expect(native.status).toBe(400);
    expect(native.body.details).toContainEqual({
      field: 'url',
      message: expect.stringMatching(/HOOKLINE_REQUIRE_HTTPS/),
    });
    const svix = await hk.api(
      'POST',
      `/api/v1/app/${app.body.id}/endpoint`,
      { url: 'http://hooks.example.com/in' },
      { token: key },
    );
    expect(svix.status).toBe(422);
    expect(JSON.stringify(svix.body)).toMatch(/HOOKLINE_REQUIRE_HTTPS/);
    const bot = await hk.api(
      'POST',
      '/v2/integrations/webhook',
      { storyId: 'a'.repeat(24), name: 'bot', url: 'http://hooks.example.com/bot' },
      { token: key },
    );
    expect(bot.status).toBe(400);
    expect(JSON.stringify(bot.body)).toMatch(/HOOKLINE_REQUIRE_HTTPS/);
    const token = (
      await hk.api('POST', `/api/v1/apps/${app.body.id}/viber-token`, undefined, { token: key })
    ).body.viberAuthToken as string;
    const pa = await hk.app.server.inject({
      method: 'POST',
      url: '/pa/set_webhook',
      headers: { 'content-type': 'application/json', 'x-viber-auth-token': token },
      payload: JSON.stringify({ url: 'http://hooks.example.com/viber' }),
    });
    expect(pa.json().status_message).toBe('invalidUrl');
    const ok = await hk.api('POST', `/api/v1/apps/${app.body.id}/endpoints`, {
      url: 'https://hooks.example.com/in',
    });
    expect(ok.status).toBe(201);
  });
});
