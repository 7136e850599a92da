import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { LookupFunction } from 'node:net';
import { createProxy } from 'proxy';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HttpSender } from '../../src/delivery/http-sender.js';
import {
  createTenant,
  removeDataDirs,
  sendMessage,
  startHookline,
  type TestHookline,
} from '../helpers/hookline-app.js';
import { startReceiver, type Receiver } from '../helpers/receiver.js';

// Everything here runs on 127.0.0.1: the proxy (the npm `proxy` package), the receiver, Hookline.

interface Proxy {
  url: string;
  /** Request lines the proxy received: `CONNECT host:port` for tunnels. */
  seen: string[];
  close(): Promise<void>;
}

async function startProxy(): Promise<Proxy> {
  const seen: string[] = [];
  const server = createProxy(createServer());
  // The package calls authenticate for every request, tunnels included: a place to record them.
  server.authenticate = (req: IncomingMessage) => {
    seen.push(`${req.method} ${req.url}`);
    return true;
  };
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Resolves every name to 127.0.0.1 and records what it was asked; never touches real DNS. */
function loopbackLookup(calls: string[]): LookupFunction {
  return ((hostname: string, options: { all?: boolean }, callback: (...a: unknown[]) => void) => {
    calls.push(hostname);
    process.nextTick(() =>
      options?.all
        ? callback(null, [{ address: '127.0.0.1', family: 4 }])
        : callback(null, '127.0.0.1', 4),
    );
  }) as LookupFunction;
}

const NAME = 'receiver.hookline-test.invalid';

let proxy: Proxy;
let receiver: Receiver;
let h: TestHookline | null = null;
let sender: HttpSender | null = null;
beforeEach(async () => {
  proxy = await startProxy();
  receiver = await startReceiver();
});
afterEach(async () => {
  await h?.close();
  h = null;
  await sender?.close();
  sender = null;
  await receiver.close();
  await proxy.close();
});
afterAll(removeDataDirs);

async function deliver(hookline: TestHookline, url: string) {
  const t = await createTenant(hookline, { url, retryPolicy: { preset: 'standard' } });
  const messageId = await sendMessage(hookline, t.appId, { hello: 'proxy' });
  await hookline.dispatcher.drainDue();
  const [attempt] = (
    await hookline.api('GET', `/api/v1/apps/${t.appId}/messages/${messageId}/attempts`)
  ).body.data;
  return attempt;
}

describe('HOOKLINE_EGRESS_PROXY', () => {
  it('sends deliveries through the proxy (CONNECT tunnel)', async () => {
    h = await startHookline({ config: { egressProxy: proxy.url } });
    const attempt = await deliver(h, `${receiver.url}/hook`);
    expect(attempt).toMatchObject({ statusCode: 200, errorKind: null });
    const port = new URL(receiver.url).port;
    expect(proxy.seen).toEqual([`CONNECT 127.0.0.1:${port}`]);
    expect(receiver.requests).toHaveLength(1);
  });

  it('resolves and checks a name itself, then tunnels to the checked address', async () => {
    const calls: string[] = [];
    sender = new HttpSender({
      egress: 'public-and-loopback',
      proxy: proxy.url,
      lookup: loopbackLookup(calls),
    });
    h = await startHookline({ sender });
    const port = new URL(receiver.url).port;
    const attempt = await deliver(h, `http://${NAME}:${port}/hook`);
    expect(attempt).toMatchObject({ statusCode: 200, errorKind: null });
    expect(calls).toEqual([NAME]);
    // The proxy is asked for the address Hookline checked, not the name it could resolve again.
    expect(proxy.seen).toEqual([`CONNECT 127.0.0.1:${port}`]);
    expect(receiver.requests[0].headers.host).toBe(`${NAME}:${port}`);
  });

  it('the egress policy still applies to the final target: nothing reaches the proxy', async () => {
    const calls: string[] = [];
    sender = new HttpSender({
      egress: 'public-only',
      proxy: proxy.url,
      lookup: loopbackLookup(calls),
    });
    h = await startHookline({ sender });
    const port = new URL(receiver.url).port;
    const byName = await deliver(h, `http://${NAME}:${port}/hook`);
    expect(byName).toMatchObject({ errorKind: 'blocked', statusCode: null });
    expect(byName.errorMessage).toMatch(/127\.0\.0\.1 is loopback, refused by the egress policy/);
    const literal = await deliver(h, `${receiver.url}/hook`);
    expect(literal).toMatchObject({ errorKind: 'blocked', statusCode: null });
    expect(proxy.seen).toEqual([]);
    expect(receiver.requests).toHaveLength(0);
  });
});

describe('GET /api/v1/egress', () => {
  it('publishes the declared egress addresses to any credential', async () => {
    h = await startHookline({
      config: { egressAddresses: '203.0.113.7, 2001:db8::/64', egressProxy: proxy.url },
    });
    const t = await createTenant(h, { url: 'https://hooks.example.com/in' });
    const res = await h.api('GET', '/api/v1/egress', undefined, { token: t.apiKey });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ addresses: ['203.0.113.7', '2001:db8::/64'], proxied: true });
    expect(JSON.stringify(res.body)).not.toContain(proxy.url);
    const anonymous = await h.app.server.inject({ method: 'GET', url: '/api/v1/egress' });
    expect(anonymous.statusCode).toBe(401);
  });

  it('is empty when the operator declared none', async () => {
    h = await startHookline();
    const res = await h.api('GET', '/api/v1/egress');
    expect(res.body).toEqual({ addresses: [], proxied: false });
  });
});
