import type { LookupFunction } from 'node:net';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HttpSender, RESPONSE_BODY_CAP } from '../../src/delivery/http-sender.js';
import { closedPort } from '../helpers/free-port.js';
import {
  createTenant,
  removeDataDirs,
  sendMessage,
  startHookline,
  type TestHookline,
} from '../helpers/hookline-app.js';
import { startReceiver, status, type Receiver } from '../helpers/receiver.js';

let h: TestHookline | null = null;
let receiver: Receiver;

beforeEach(async () => {
  receiver = await startReceiver();
});
afterEach(async () => {
  await h?.close();
  h = null;
  await receiver.close();
});
afterAll(removeDataDirs);

/** Sends one message to a fresh endpoint, runs what is due, returns the delivery and its attempt. */
async function deliverOnce(endpoint: Record<string, unknown>, hookline?: TestHookline) {
  h = hookline ?? (await startHookline());
  const t = await createTenant(h, { retryPolicy: { preset: 'standard' }, ...endpoint });
  const messageId = await sendMessage(h, t.appId, { hello: 'world' });
  await h.dispatcher.drainDue();
  const [delivery] = (
    await h.api('GET', `/api/v1/apps/${t.appId}/deliveries?messageId=${messageId}`)
  ).body.data;
  const [attempt] = (await h.api('GET', `/api/v1/apps/${t.appId}/messages/${messageId}/attempts`))
    .body.data;
  return { delivery, attempt, tenant: t };
}

// A name that must never reach real DNS: the tests inject `lookup`.
const UNRESOLVABLE = 'receiver.hookline-test.invalid';

function failingLookup(calls: string[]): LookupFunction {
  return ((
    hostname: string,
    _options: unknown,
    callback: (err: NodeJS.ErrnoException | null) => void,
  ) => {
    calls.push(hostname);
    const error = Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), {
      code: 'ENOTFOUND',
      hostname,
    });
    process.nextTick(() => callback(error));
  }) as LookupFunction;
}

/** Resolves every name to 127.0.0.1 (loopback only). */
function loopbackLookup(calls: string[]): LookupFunction {
  return ((
    hostname: string,
    options: { all?: boolean },
    callback: (...args: unknown[]) => void,
  ) => {
    calls.push(hostname);
    process.nextTick(() =>
      options?.all
        ? callback(null, [{ address: '127.0.0.1', family: 4 }])
        : callback(null, '127.0.0.1', 4),
    );
  }) as LookupFunction;
}

describe('receiver faults become attempts with the matching error kind', () => {
  it('a receiver that hangs is cut off at the timeout', async () => {
    receiver.setDefault({ kind: 'hang' });
    const { delivery, attempt } = await deliverOnce({ url: receiver.url, timeoutMs: 200 });
    expect(receiver.requests).toHaveLength(1);
    expect(attempt).toMatchObject({ errorKind: 'timeout', statusCode: null });
    expect(attempt.errorMessage).toMatch(/200 ms/);
    expect(delivery).toMatchObject({ state: 'pending', attempts: 1 });
  });

  it('a receiver that sends headers and then stalls the body is cut off at the timeout', async () => {
    receiver.setDefault({
      kind: 'handler',
      handle: (_req, res) => {
        res.writeHead(200);
        res.write('partial');
      },
    });
    const { attempt } = await deliverOnce({ url: receiver.url, timeoutMs: 200 });
    expect(attempt).toMatchObject({ errorKind: 'timeout' });
  });

  it('a receiver slower than the timeout is a timeout', async () => {
    receiver.setDefault({ kind: 'slow', delayMs: 2000 });
    const { attempt } = await deliverOnce({ url: receiver.url, timeoutMs: 150 });
    expect(attempt).toMatchObject({ errorKind: 'timeout' });
  });

  it('a refused connection is a connection error', async () => {
    const port = await closedPort();
    const { delivery, attempt } = await deliverOnce({ url: `http://127.0.0.1:${port}/hook` });
    expect(attempt).toMatchObject({ errorKind: 'connection', statusCode: null });
    expect(attempt.errorMessage).toMatch(/ECONNREFUSED/);
    expect(delivery.lastError).toMatch(/ECONNREFUSED/);
  });

  it('a reset connection is a connection error', async () => {
    receiver.setDefault({ kind: 'reset' });
    const { attempt } = await deliverOnce({ url: receiver.url });
    expect(receiver.requests).toHaveLength(1);
    expect(attempt).toMatchObject({ errorKind: 'connection', statusCode: null });
  });

  it('a name that does not resolve is a dns error', async () => {
    const calls: string[] = [];
    const sender = new HttpSender({ egress: 'public-and-loopback', lookup: failingLookup(calls) });
    try {
      const { attempt } = await deliverOnce(
        { url: `http://${UNRESOLVABLE}/hook` },
        await startHookline({ sender }),
      );
      expect(calls).toContain(UNRESOLVABLE);
      expect(attempt).toMatchObject({ errorKind: 'dns', statusCode: null });
      expect(attempt.errorMessage).toMatch(/ENOTFOUND/);
    } finally {
      await h?.close();
      h = null;
      await sender.close();
    }
  });

  it('a name resolving to a refused address is blocked before connecting', async () => {
    const calls: string[] = [];
    const sender = new HttpSender({
      egress: 'public-only',
      lookup: loopbackLookup(calls),
    });
    const port = new URL(receiver.url).port;
    try {
      const { attempt } = await deliverOnce(
        { url: `http://${UNRESOLVABLE}:${port}/hook` },
        await startHookline({ sender }),
      );
      expect(calls).toContain(UNRESOLVABLE);
      expect(attempt).toMatchObject({ errorKind: 'blocked', statusCode: null });
      expect(attempt.errorMessage).toMatch(/loopback, refused by the egress policy/);
      expect(receiver.requests).toHaveLength(0);
    } finally {
      await h?.close();
      h = null;
      await sender.close();
    }
  });

  it('a literal refused address is blocked without connecting', async () => {
    // Saved while the API allowed loopback; the sender's policy is stricter (a policy changed
    // since the endpoint was saved): the connect-time check still refuses it.
    const sender = new HttpSender({ egress: 'public-only' });
    try {
      const { attempt } = await deliverOnce(
        { url: `${receiver.url}/hook` },
        await startHookline({ sender }),
      );
      expect(attempt).toMatchObject({ errorKind: 'blocked', statusCode: null });
      expect(attempt.errorMessage).toMatch(/loopback/);
      expect(receiver.requests).toHaveLength(0);
    } finally {
      await h?.close();
      h = null;
      await sender.close();
    }
  });

  it('the same name resolving to loopback is delivered under the default policy', async () => {
    const calls: string[] = [];
    const sender = new HttpSender({ egress: 'public-and-loopback', lookup: loopbackLookup(calls) });
    const port = new URL(receiver.url).port;
    try {
      const { delivery } = await deliverOnce(
        { url: `http://${UNRESOLVABLE}:${port}/hook` },
        await startHookline({ sender }),
      );
      expect(delivery.state).toBe('succeeded');
      expect(receiver.requests[0].headers.host).toBe(`${UNRESOLVABLE}:${port}`);
    } finally {
      await h?.close();
      h = null;
      await sender.close();
    }
  });

  it('a huge response body is kept only up to 4 KiB', async () => {
    receiver.setDefault({ kind: 'huge', bytes: 5 * 1024 * 1024 });
    const { delivery, attempt } = await deliverOnce({ url: receiver.url });
    expect(RESPONSE_BODY_CAP).toBe(4096);
    expect(delivery.state).toBe('succeeded');
    expect(attempt.statusCode).toBe(200);
    expect(attempt.responseBody).toHaveLength(4096);
    expect(attempt.responseBody).toBe('x'.repeat(4096));
  });

  it('a huge error body is cut at 4 KiB too, and the attempt is a status failure', async () => {
    receiver.setDefault({ kind: 'huge', bytes: 100_000, status: 500 });
    const { attempt } = await deliverOnce({ url: receiver.url });
    expect(attempt).toMatchObject({ errorKind: 'status', statusCode: 500 });
    expect(attempt.responseBody).toHaveLength(4096);
  });

  it('a redirect is a failure and is not followed', async () => {
    receiver.script(status(302, { location: `${receiver.url}/elsewhere` }, 'moved'));
    const { delivery, attempt } = await deliverOnce({ url: `${receiver.url}/hook` });
    expect(receiver.requests.map((r) => r.url)).toEqual(['/hook']);
    expect(attempt).toMatchObject({ errorKind: 'status', statusCode: 302, responseBody: 'moved' });
    expect(attempt.responseHeaders.location).toBe(`${receiver.url}/elsewhere`);
    expect(delivery).toMatchObject({ state: 'pending', lastStatus: 302 });
  });

  it('a 4xx is a failure and is retried like any other', async () => {
    receiver.script(status(404));
    const { delivery, attempt } = await deliverOnce({ url: receiver.url });
    expect(attempt).toMatchObject({ errorKind: 'status', statusCode: 404 });
    expect(delivery).toMatchObject({ state: 'pending', attempts: 1 });
  });

  it('any 2xx is a success', async () => {
    receiver.setDefault(status(204));
    const { delivery } = await deliverOnce({ url: receiver.url });
    expect(delivery).toMatchObject({ state: 'succeeded', lastStatus: 204 });
  });
});
