import { afterAll, describe, expect, it } from 'vitest';
import { HttpSender } from '../../../src/delivery/http-sender.js';
import { verifyReceiver } from '../../../src/bots/verify/handshake.js';
import type { ReceiverTarget } from '../../../src/bots/outgoing-request.js';
import { deadUrl, useBotReceiver } from './receiver.js';

const sender = new HttpSender({ egress: 'public-and-loopback' });
afterAll(async () => {
  await sender.close();
});
const receiver = useBotReceiver();
const target = (over: Partial<ReceiverTarget> = {}): ReceiverTarget => ({
  url: receiver.url('/bot?existing=1'),
  token: null,
  headers: {},
  auth: null,
  ...over,
});

describe('verification handshake', () => {
  it('passes when the receiver answers 200 with the challenge; sends token, headers and Basic auth', async () => {
    const result = await verifyReceiver(
      sender,
      target({
        token: 'secret token',
        headers: { 'X-Custom': 'v' },
        auth: { username: 'foo', password: 'bär' },
      }),
      1000,
      'challenge-123',
    );
    expect(result).toEqual({ ok: true });
    const [get] = receiver.gets();
    expect(get.url.pathname).toBe('/bot');
    expect(Object.fromEntries(get.url.searchParams)).toEqual({
      existing: '1',
      challenge: 'challenge-123',
      token: 'secret token',
    });
    expect(get.headers['x-custom']).toBe('v');
    expect(get.headers['x-hookline-token']).toBe('secret token');
    expect(get.headers.authorization).toBe(`Basic ${Buffer.from('foo:bär').toString('base64')}`);
  });

  it('sends a fresh random challenge, and no token parameter when there is none', async () => {
    expect(await verifyReceiver(sender, target(), 1000)).toEqual({ ok: true });
    expect(await verifyReceiver(sender, target(), 1000)).toEqual({ ok: true });
    const [a, b] = receiver.gets().map((g) => g.url.searchParams);
    expect(a.get('challenge')).toMatch(/^[0-9a-f]{32}$/);
    expect(a.get('challenge')).not.toBe(b.get('challenge'));
    expect(a.has('token')).toBe(false);
  });

  it('accepts the challenge with a trailing newline', async () => {
    receiver.handler = (req, res) => res.end(`${req.url.searchParams.get('challenge')}\n`);
    expect(await verifyReceiver(sender, target(), 1000)).toEqual({ ok: true });
  });

  it('refuses a wrong body', async () => {
    receiver.handler = (_req, res) => res.end('hello');
    const result = await verifyReceiver(sender, target(), 1000, 'c-1');
    expect(result).toEqual({
      ok: false,
      code: 'verification_wrong_body',
      reason: expect.stringContaining('"hello" is not the challenge "c-1"'),
    });
  });

  it('refuses a body longer than any challenge', async () => {
    receiver.handler = (req, res) =>
      res.end(`${req.url.searchParams.get('challenge')}${'x'.repeat(5000)}`);
    expect(await verifyReceiver(sender, target(), 1000)).toMatchObject({
      ok: false,
      code: 'verification_wrong_body',
    });
  });

  it('refuses any status but 200, even 2xx and redirects', async () => {
    for (const status of [201, 204, 301, 404, 500]) {
      receiver.handler = (req, res) =>
        res
          .writeHead(status, { location: '/elsewhere' })
          .end(status === 204 ? undefined : (req.url.searchParams.get('challenge') ?? ''));
      const result = await verifyReceiver(sender, target(), 1000);
      expect(result).toEqual({
        ok: false,
        code: 'verification_status',
        reason: expect.stringContaining(`HTTP ${status}`),
      });
    }
  });

  it('refuses on timeout', async () => {
    receiver.handler = () => undefined; // never answers; closed with the server
    const result = await verifyReceiver(sender, target(), 200);
    expect(result).toEqual({
      ok: false,
      code: 'verification_timeout',
      reason: expect.stringContaining('within 200 ms'),
    });
  });

  it('refuses when the receiver cannot be reached', async () => {
    const result = await verifyReceiver(sender, target({ url: await deadUrl() }), 1000);
    expect(result).toEqual({
      ok: false,
      code: 'verification_unreachable',
      reason: expect.stringContaining('ECONNREFUSED'),
    });
  });

  it('refuses an address the egress policy forbids, without connecting', async () => {
    const strict = new HttpSender({ egress: 'public-only' });
    try {
      const result = await verifyReceiver(strict, target(), 1000);
      expect(result).toEqual({
        ok: false,
        code: 'verification_unreachable',
        reason: expect.stringContaining('loopback'),
      });
      expect(receiver.requests).toEqual([]);
    } finally {
      await strict.close();
    }
  });
});
