import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/app/config.js';
import { createApp, type HooklineApp } from '../../src/app/create-app.js';
import type { AttemptResult } from '../../src/store/store.js';
import { ADMIN_TOKEN, removeDataDirs, tempDataDir, type Json } from '../helpers/hookline-app.js';
import { TEST_EGRESS } from '../helpers/loopback-egress.js';
import { counterValue, parsePrometheusText } from '../helpers/prometheus-text.js';
import { startReceiver, type Receiver } from '../helpers/receiver.js';

/**
 * `hookline serve`'s default engine, in process: delivery on its own thread, writing through the
 * store thread's one writer, woken by the API's writes. Real clock, real receivers on 127.0.0.1.
 */
const open: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  for (const thing of open.splice(0).reverse()) await thing.close();
});
afterAll(removeDataDirs);

async function start(dataDir = tempDataDir()): Promise<HooklineApp> {
  const config = loadConfig(
    {},
    { dataDir, adminToken: ADMIN_TOKEN, logLevel: 'silent', egress: TEST_EGRESS },
  );
  const app = await createApp({ config });
  open.push(app);
  return app;
}

async function receiver(): Promise<Receiver> {
  const r = await startReceiver();
  open.push(r);
  return r;
}

async function api(app: HooklineApp, method: string, url: string, body?: unknown): Promise<Json> {
  const res = await app.server.inject({
    method: method as 'GET',
    url,
    headers: {
      authorization: `Bearer ${ADMIN_TOKEN}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    payload: body === undefined ? undefined : JSON.stringify(body),
  });
  if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
  return res.body ? JSON.parse(res.body) : null;
}

async function tenant(app: HooklineApp, url: string) {
  const created = await api(app, 'POST', '/api/v1/apps', { name: 'Acme' });
  const endpoint = await api(app, 'POST', `/api/v1/apps/${created.id}/endpoints`, { url });
  return { appId: created.id as string, endpointId: endpoint.id as string };
}

const send = (app: HooklineApp, appId: string, n: number) =>
  api(app, 'POST', `/api/v1/apps/${appId}/messages`, {
    eventType: 'order.created',
    payload: { n },
  });

// Each app boots two threads from TypeScript sources (tsx compiles their imports again): slow.
describe('the delivery thread', { timeout: 120_000 }, () => {
  it('delivers what the API accepts, relays engine events and reports its metrics', async () => {
    const app = await start();
    expect(app.dispatcher).toBeNull(); // it runs on the other thread
    const r = await receiver();
    const { appId } = await tenant(app, r.url);
    const committed: AttemptResult[] = [];
    app.events.on('committed', ({ result }) => committed.push(result));

    for (let n = 0; n < 3; n++) await send(app, appId, n);
    const received = await r.waitFor(3);
    expect(received.map((q) => JSON.parse(q.body).data.n).sort()).toEqual([0, 1, 2]);
    await until(() => committed.length === 3);
    expect(committed.every((c) => c.outcome === 'succeeded')).toBe(true);
    expect((await app.store.stats()).succeeded).toBe(3);

    const res = await app.server.inject({
      method: 'GET',
      url: '/metrics',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
    });
    const samples = parsePrometheusText(res.body);
    // Accepted on this thread, attempted on the delivery thread: one exposition.
    expect(counterValue(samples, 'hookline_messages_accepted_total', {})).toBe(3);
    expect(
      counterValue(samples, 'hookline_attempts_total', {
        outcome: 'succeeded',
        status_class: '2xx',
      }),
    ).toBe(3);
  });

  it("sees an endpoint's change made on the API at once", async () => {
    const app = await start();
    const [first, second] = [await receiver(), await receiver()];
    const { appId, endpointId } = await tenant(app, first.url);
    await send(app, appId, 1);
    await first.waitFor(1);
    // Within the dispatcher's cache lifetime: only the forwarded invalidation makes it re-read.
    await api(app, 'PATCH', `/api/v1/apps/${appId}/endpoints/${endpointId}`, { url: second.url });
    await send(app, appId, 2);
    const [moved] = await second.waitFor(1);
    expect(JSON.parse(moved!.body).data.n).toBe(2);
    expect(first.requests).toHaveLength(1);
  });

  it('finishes a delivery in flight when the app closes, committed', async () => {
    const dataDir = tempDataDir();
    const app = await start(dataDir);
    const r = await receiver();
    r.setDefault({ kind: 'slow', delayMs: 300 });
    const { appId } = await tenant(app, r.url);
    await send(app, appId, 1);
    await r.waitFor(1);
    await app.close();
    expect(r.requests).toHaveLength(1);

    const again = await start(dataDir);
    expect(await again.store.stats()).toMatchObject({ succeeded: 1, pending: 0, delivering: 0 });
  });
});

/** Waits for what a relayed event brings (it arrives a moment after the fact). */
async function until(done: () => boolean): Promise<void> {
  while (!done()) await new Promise((resolve) => setTimeout(resolve, 5));
}
