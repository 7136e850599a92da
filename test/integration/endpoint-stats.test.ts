import { describe, expect, it } from 'vitest';
import { createTenant, sendMessage } from '../helpers/hookline-app.js';
import { useHooklineFixture } from '../helpers/hookline-fixture.js';
import { status } from '../helpers/receiver.js';

const { h, receiver } = useHooklineFixture();
const MINUTE = 60_000;

describe('endpoint health and stats routes', () => {
  it('shows health on the endpoint and a time series per endpoint and app', async () => {
    h.clock.set(Date.UTC(2026, 5, 1, 12, 0, 10));
    const t = await createTenant(h, { url: receiver.url, retryPolicy: { preset: 'single' } });
    receiver.script(status(200), status(503, {}, 'down'));
    await sendMessage(h, t.appId, { n: 1 });
    await sendMessage(h, t.appId, { n: 2 });
    await h.dispatcher.drainDue();
    h.clock.advance(MINUTE);
    await sendMessage(h, t.appId, { n: 3 });
    await h.dispatcher.drainDue();

    const ep = await h.api('GET', `/api/v1/apps/${t.appId}/endpoints/${t.endpointId}`);
    expect(ep.status).toBe(200);
    expect(ep.body.health).toMatchObject({
      consecutiveFailures: 0,
      failingSince: null,
      lastSuccessAt: new Date(h.clock.now()).toISOString(),
      lastError: { message: 'receiver answered HTTP 503', statusCode: 503, kind: 'status' },
      lastHour: { attempts: 3, succeeded: 2, retrying: 0, failed: 1 },
      lastDay: { attempts: 3, succeeded: 2, failed: 1 },
    });
    expect(ep.body.health.lastHour.successRate).toBeCloseTo(2 / 3);
    expect(ep.body.health.lastHour.latencyP50Ms).toEqual(expect.any(Number));
    const list = await h.api('GET', `/api/v1/apps/${t.appId}/endpoints`);
    expect(list.body.data[0].health.lastHour.attempts).toBe(3);

    const since = new Date(Date.UTC(2026, 5, 1, 12, 0, 0)).toISOString();
    const until = new Date(Date.UTC(2026, 5, 1, 12, 3, 0)).toISOString();
    const series = await h.api(
      'GET',
      `/api/v1/apps/${t.appId}/endpoints/${t.endpointId}/stats?since=${since}&until=${until}&bucket=1m`,
    );
    expect(series.status).toBe(200);
    expect(
      series.body.series.map((p: { succeeded: number; failed: number }) => [p.succeeded, p.failed]),
    ).toEqual([
      [1, 1],
      [1, 0],
      [0, 0],
    ]);
    expect(series.body.totals).toMatchObject({ attempts: 3, succeeded: 2, failed: 1 });

    const appStats = await h.api('GET', `/api/v1/apps/${t.appId}/stats?bucket=1h`);
    expect(appStats.status).toBe(200);
    expect(appStats.body.totals).toMatchObject({ attempts: 3 });
    expect(appStats.body.backlog).toEqual({ pending: 0, delivering: 0 });
    expect(appStats.body.failingEndpoints).toEqual([]);
    // Default windows: an hour of minutes, a week of hours.
    expect(appStats.body.series).toHaveLength(7 * 24 + 1);
    const minutes = await h.api('GET', `/api/v1/apps/${t.appId}/stats`);
    expect(minutes.body.bucket).toBe('1m');
    expect(minutes.body.series).toHaveLength(61);
  });

  it('lists the failing endpoints and the backlog on the app', async () => {
    receiver.setDefault(status(500));
    const t = await createTenant(h, { url: receiver.url, retryPolicy: { preset: 'standard' } });
    await sendMessage(h, t.appId, {});
    await sendMessage(h, t.appId, {});
    await h.dispatcher.drainDue();
    const res = await h.api('GET', `/api/v1/apps/${t.appId}/stats`);
    expect(res.body.backlog).toEqual({ pending: 2, delivering: 0 });
    expect(res.body.failingEndpoints).toEqual([
      {
        id: t.endpointId,
        url: receiver.url,
        description: '',
        disabled: false,
        consecutiveFailures: 2,
        failingSince: new Date(h.clock.now()).toISOString(),
        lastError: expect.objectContaining({ statusCode: 500 }),
      },
    ]);
    expect(res.body.totals).toMatchObject({ attempts: 2, retrying: 2, successRate: 0 });
  });

  it('answers a clear 400 for a bad window and 404 for another app', async () => {
    const t = await createTenant(h, { url: receiver.url });
    const other = await createTenant(h, { url: receiver.url }, 'Other');
    const bad = async (query: string) => {
      const res = await h.api('GET', `/api/v1/apps/${t.appId}/stats?${query}`);
      expect(res.status).toBe(400);
      return res.body;
    };
    expect((await bad('bucket=5m')).message).toMatch(/bucket/);
    expect((await bad('since=yesterday')).message).toMatch(/since/);
    expect((await bad('since=2026-01-02T00:00:00Z&until=2026-01-01T00:00:00Z')).details).toEqual([
      { field: 'until', message: 'must be after since' },
    ]);
    expect(
      (await bad('since=2020-01-01T00:00:00Z&until=2026-01-01T00:00:00Z')).details[0].field,
    ).toBe('since');
    expect((await bad('limit=3')).message).toMatch(/limit/);
    const foreign = await h.api(
      'GET',
      `/api/v1/apps/${t.appId}/endpoints/${other.endpointId}/stats`,
    );
    expect(foreign.status).toBe(404);
    const asOther = await h.api('GET', `/api/v1/apps/${t.appId}/stats`, undefined, {
      token: other.apiKey,
    });
    expect([401, 403, 404]).toContain(asOther.status);
  });
});
