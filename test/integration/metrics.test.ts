import type { ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import type { Attempt } from '../../src/domain/types.js';
import {
  ADMIN_TOKEN,
  createTenant,
  sendMessage,
  type TestHookline,
} from '../helpers/hookline-app.js';
import { useHooklineFixture } from '../helpers/hookline-fixture.js';
import {
  counterValue,
  parsePrometheusText,
  sampleValue,
  type Sample,
} from '../helpers/prometheus-text.js';
import { startReceiver, status } from '../helpers/receiver.js';

const { h, receiver, restartHookline } = useHooklineFixture();

async function scrape(hookline: TestHookline = h): Promise<Sample[]> {
  const res = await hookline.app.server.inject({
    method: 'GET',
    url: '/metrics',
    headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
  });
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
  return parsePrometheusText(res.body);
}

async function attemptsInStore(appId: string): Promise<Attempt[]> {
  const page = await h.app.store.listAttempts(appId, {}, { limit: 1000, cursor: null });
  return page.data;
}

const backlog = (samples: Sample[], state: string) =>
  sampleValue(samples, 'hookline_backlog_deliveries', { state });
const attemptsCounted = (samples: Sample[], outcome: string, statusClass: string) =>
  counterValue(samples, 'hookline_attempts_total', { outcome, status_class: statusClass });

describe('GET /metrics', () => {
  it('reports the backlog rising and falling during real deliveries, as the store has it', async () => {
    const failing = await startReceiver(status(500));
    try {
      const t = await createTenant(h, { url: receiver.url });
      const bad = await h.api('POST', `/api/v1/apps/${t.appId}/endpoints`, {
        url: failing.url,
        retryPolicy: { preset: 'custom', waitsMs: [60_000] },
      });
      expect(bad.status).toBe(201);
      for (let i = 0; i < 3; i++) await sendMessage(h, t.appId, { n: i });

      // Accepted, nothing sent yet: six deliveries due, the oldest for 5 s.
      h.clock.advance(5000);
      let m = await scrape();
      expect(sampleValue(m, 'hookline_messages_accepted_total')).toBe(3);
      expect(backlog(m, 'due')).toBe(6);
      expect((await h.app.store.stats()).pending).toBe(6);
      expect(sampleValue(m, 'hookline_oldest_due_age_seconds')).toBe(5);
      expect(
        sampleValue(m, 'hookline_store_commit_seconds_count', { operation: 'insert_message' }),
      ).toBe(3);

      // The healthy receiver holds its first request: one delivery stays in flight.
      let answerHeld!: () => void;
      const held = new Promise<void>((resolve) => (answerHeld = resolve));
      receiver.script({
        kind: 'handler',
        handle: async (_req, res: ServerResponse) => {
          await held;
          res.writeHead(200).end('ok');
        },
      });
      let committed = 0;
      const fiveCommitted = new Promise<void>((resolve) =>
        h.app.events.on('committed', () => ++committed === 5 && resolve()),
      );
      const draining = h.dispatcher.drainDue();
      await fiveCommitted;

      m = await scrape();
      const stats = await h.app.store.stats();
      expect(stats).toMatchObject({ delivering: 1, succeeded: 2 });
      expect(backlog(m, 'in_flight')).toBe(stats.delivering);
      expect(backlog(m, 'waiting')).toBe(3);
      expect(backlog(m, 'due')).toBe(0);
      expect(sampleValue(m, 'hookline_oldest_due_age_seconds')).toBe(0);
      expect(sampleValue(m, 'hookline_endpoints', { state: 'failing' })).toBe(1);
      expect(sampleValue(m, 'hookline_endpoints', { state: 'disabled' })).toBe(0);
      let stored = await attemptsInStore(t.appId);
      expect(attemptsCounted(m, 'succeeded', '2xx')).toBe(
        stored.filter((a) => a.statusCode === 200).length,
      );
      expect(attemptsCounted(m, 'retry', '5xx')).toBe(
        stored.filter((a) => a.statusCode === 500).length,
      );
      expect(attemptsCounted(m, 'retry', '5xx')).toBe(3);

      answerHeld();
      await draining;
      m = await scrape();
      expect(backlog(m, 'in_flight')).toBe(0);
      expect(attemptsCounted(m, 'succeeded', '2xx')).toBe(3);
      expect(
        sampleValue(m, 'hookline_delivery_latency_seconds_count', { outcome: 'succeeded' }),
      ).toBe(3);

      // The retries come due and fail for good.
      h.clock.advance(61_000);
      m = await scrape();
      expect(backlog(m, 'due')).toBe(3);
      expect(sampleValue(m, 'hookline_oldest_due_age_seconds')).toBeGreaterThanOrEqual(1);
      await h.dispatcher.drainDue();
      m = await scrape();
      const final = await h.app.store.stats();
      expect(final).toMatchObject({ pending: 0, delivering: 0, succeeded: 3, failed: 3 });
      expect(backlog(m, 'failed')).toBe(final.failed);
      expect(backlog(m, 'due') + backlog(m, 'waiting') + backlog(m, 'in_flight')).toBe(0);
      expect(sampleValue(m, 'hookline_endpoints', { state: 'failing' })).toBe(0);
      expect(attemptsCounted(m, 'failed', '5xx')).toBe(3);
      expect(sampleValue(m, 'hookline_delivery_latency_seconds_count', { outcome: 'failed' })).toBe(
        3,
      );

      // Every stored attempt was counted once; every attempt came from one claimed delivery.
      stored = await attemptsInStore(t.appId);
      expect(stored).toHaveLength(9);
      expect(counterValue(m, 'hookline_attempts_total')).toBe(stored.length);
      expect(sampleValue(m, 'hookline_claimed_deliveries_total')).toBe(stored.length);
      expect(sampleValue(m, 'hookline_claims_total')).toBeGreaterThanOrEqual(2);
      expect(sampleValue(m, 'hookline_attempt_duration_seconds_count')).toBe(stored.length);
      expect(
        sampleValue(m, 'hookline_store_batch_size_sum', { operation: 'record_attempts' }),
      ).toBe(stored.length);
      expect(
        sampleValue(m, 'hookline_store_commit_seconds_count', { operation: 'record_attempts' }),
      ).toBeGreaterThanOrEqual(1);
    } finally {
      await failing.close();
    }
  });

  it('includes the process metrics and event-loop lag, and no per-message or per-endpoint labels', async () => {
    const t = await createTenant(h, { url: receiver.url });
    const messageId = await sendMessage(h, t.appId, { n: 1 });
    await h.dispatcher.drainDue();
    const res = await h.app.server.inject({
      method: 'GET',
      url: '/metrics',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
    });
    const m = parsePrometheusText(res.body);
    expect(m.some((s) => s.name === 'nodejs_eventloop_lag_seconds')).toBe(true);
    expect(m.some((s) => s.name === 'process_cpu_user_seconds_total')).toBe(true);
    expect(m.some((s) => s.name === 'process_resident_memory_bytes')).toBe(true);
    expect(res.body).not.toContain(messageId);
    expect(res.body).not.toContain(t.endpointId);
    expect(res.body).not.toContain(t.appId);
    expect(m.some((s) => 'endpoint_id' in s.labels)).toBe(false);
  });

  it('exports the busiest endpoints only when asked, at most the number asked', async () => {
    await restartHookline({ config: { metricsEndpointSeries: 1 } });
    const t = await createTenant(h, { url: receiver.url });
    const quiet = await h.api('POST', `/api/v1/apps/${t.appId}/endpoints`, {
      url: `${receiver.url}/quiet`,
      filterTypes: ['message.seen'],
    });
    await sendMessage(h, t.appId, { n: 1 });
    await sendMessage(h, t.appId, { n: 2 });
    await sendMessage(h, t.appId, { n: 3 }, 'message.seen');
    await h.dispatcher.drainDue();
    const m = await scrape();
    const series = m.filter((s) => s.name === 'hookline_endpoint_attempts_total');
    expect(series).toEqual([
      {
        name: 'hookline_endpoint_attempts_total',
        labels: { endpoint_id: t.endpointId, outcome: 'succeeded' },
        value: 3,
      },
    ]);
    expect(quiet.status).toBe(201);
  });

  it('requires a token on the API port: the metrics token or the admin token', async () => {
    await restartHookline({ config: { metricsToken: 'metrics-token-0123456789' } });
    const t = await createTenant(h, { url: receiver.url });
    const get = (authorization?: string) =>
      h.app.server.inject({
        method: 'GET',
        url: '/metrics',
        headers: authorization ? { authorization } : {},
      });
    const anonymous = await get();
    expect(anonymous.statusCode).toBe(401);
    expect(JSON.parse(anonymous.body)).toMatchObject({ code: 'unauthorized' });
    expect((await get(`Bearer ${t.apiKey}`)).statusCode).toBe(401);
    expect((await get('Bearer metrics-token-wrong-0000')).statusCode).toBe(401);
    expect((await get('Bearer metrics-token-0123456789')).statusCode).toBe(200);
    expect((await get(`Bearer ${ADMIN_TOKEN}`)).statusCode).toBe(200);
  });

  it('serves /metrics on its own port instead, when one is configured', async () => {
    await restartHookline({ config: { metricsPort: 0, port: 0, host: '127.0.0.1' } });
    await h.app.listen();
    expect(h.app.metricsUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const own = await fetch(`${h.app.metricsUrl}/metrics`);
    expect(own.status).toBe(200);
    expect(await own.text()).toContain('hookline_backlog_deliveries{state="due"} 0');
    expect((await fetch(`${h.app.metricsUrl}/other`)).status).toBe(404);
    const onApiPort = await h.app.server.inject({
      method: 'GET',
      url: '/metrics',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
    });
    expect(onApiPort.statusCode).toBe(404);

    await restartHookline({
      config: {
        metricsPort: 0,
        port: 0,
        host: '127.0.0.1',
        metricsToken: 'metrics-token-0123456789',
      },
    });
    await h.app.listen();
    expect((await fetch(`${h.app.metricsUrl}/metrics`)).status).toBe(401);
    const withToken = await fetch(`${h.app.metricsUrl}/metrics`, {
      headers: { authorization: 'Bearer metrics-token-0123456789' },
    });
    expect(withToken.status).toBe(200);
  });
});
