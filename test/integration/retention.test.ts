import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTenant, type Json, sendMessage } from '../helpers/hookline-app.js';
import { useHooklineFixture } from '../helpers/hookline-fixture.js';
import { startReceiver, status, type Receiver } from '../helpers/receiver.js';

const { h, receiver, restartHookline } = useHooklineFixture();
const DAY = 86_400_000;
/** A failing endpoint that keeps its deliveries retrying for weeks: never settled. */
const RETRYING = { preset: 'custom', waitsMs: new Array(10).fill(7 * DAY) };

let failing: Receiver;
beforeEach(async () => {
  failing = await startReceiver(status(500));
});
afterEach(async () => {
  await failing.close();
});

async function deliveries(appId: string): Promise<Json[]> {
  return (await h.api('GET', `/api/v1/apps/${appId}/deliveries?limit=250`)).body.data;
}
const unsettledIds = async (appId: string) =>
  (await deliveries(appId))
    .filter((d) => d.state === 'pending' || d.state === 'delivering')
    .map((d) => d.id)
    .sort();

describe('retention pass (fake clock)', () => {
  it('deletes settled messages past retention with their deliveries and attempts, never retrying ones', async () => {
    const ok = await createTenant(h, { url: receiver.url });
    const bad = await h.api('POST', `/api/v1/apps/${ok.appId}/endpoints`, {
      url: failing.url,
      retryPolicy: RETRYING,
      filterTypes: ['order.failed'],
    });
    const delivered = await sendMessage(h, ok.appId, { n: 1 });
    const retrying = await sendMessage(h, ok.appId, { n: 2 }, 'order.failed');
    await h.dispatcher.drainDue();
    const stillRetrying = await unsettledIds(ok.appId);
    expect(stillRetrying).toHaveLength(1);

    h.clock.advance(29 * DAY);
    expect((await h.app.retention.runPass()).messages).toBe(0);
    h.clock.advance(2 * DAY);
    const totals = await h.app.retention.runPass();
    expect(totals).toMatchObject({ messages: 1, deliveries: 1, attempts: 1 });
    expect((await h.api('GET', `/api/v1/apps/${ok.appId}/messages/${delivered}`)).status).toBe(404);
    const attempts = await h.api(
      'GET',
      `/api/v1/apps/${ok.appId}/endpoints/${ok.endpointId}/attempts?limit=250`,
    );
    expect(attempts.status).toBe(200);
    expect(attempts.body.data.map((a: Json) => a.messageId)).toEqual([retrying]);
    // The retrying message is whole: its message, its deliveries (both), its attempt.
    expect((await h.api('GET', `/api/v1/apps/${ok.appId}/messages/${retrying}`)).status).toBe(200);
    expect(await unsettledIds(ok.appId)).toEqual(stillRetrying);
    const kept = await h.api('GET', `/api/v1/apps/${ok.appId}/messages/${retrying}/attempts`);
    expect(kept.body.data.length).toBeGreaterThan(0);
    expect(bad.status).toBe(201);
  });

  it('drops payloads earlier when asked: shown as dropped, never sent again', async () => {
    await restartHookline({ config: { payloadRetentionDays: 7 } });
    const t = await createTenant(h, { url: receiver.url });
    const id = await sendMessage(h, t.appId, { secret: 'gone soon' });
    await h.dispatcher.drainDue();
    h.clock.advance(8 * DAY);
    expect(await h.app.retention.runPass()).toMatchObject({ payloadsDropped: 1, messages: 0 });

    const message = await h.api('GET', `/api/v1/apps/${t.appId}/messages/${id}`);
    expect(message.status).toBe(200);
    expect(message.body).toMatchObject({
      id,
      payload: null,
      payloadDroppedAt: new Date(h.clock.now()).toISOString(),
    });
    const listed = await h.api('GET', `/api/v1/apps/${t.appId}/messages`);
    expect(listed.body.data[0]).toMatchObject({ id, payload: null });
    // The Svix routes answer as Svix's server does for an expired payload: {"expired": true}.
    const svix = await h.api('GET', `/api/v1/app/${t.appId}/msg/${id}`);
    expect(svix.status).toBe(200);
    expect(svix.body).toMatchObject({ id, payload: { expired: true } });
    const svixListed = await h.api('GET', `/api/v1/app/${t.appId}/msg`);
    expect(svixListed.body.data[0]).toMatchObject({ id, payload: { expired: true } });
    const withoutContent = await h.api('GET', `/api/v1/app/${t.appId}/msg?with_content=false`);
    expect(withoutContent.body.data[0].payload).toEqual({});

    const replay = await h.api('POST', `/api/v1/apps/${t.appId}/messages/${id}/replay`, {
      endpointId: t.endpointId,
    });
    expect(replay.status).toBe(410);
    expect(replay.body.code).toBe('payload_expired');
    const [delivery] = await deliveries(t.appId);
    const retry = await h.api('POST', `/api/v1/apps/${t.appId}/deliveries/${delivery.id}/retry`);
    expect(retry.status).toBe(410);
    expect(retry.body.code).toBe('payload_expired');
    const recover = await h.api(
      'POST',
      `/api/v1/apps/${t.appId}/endpoints/${t.endpointId}/recover`,
      {
        since: new Date(0).toISOString(),
        states: ['succeeded'],
      },
    );
    expect(recover.body).toMatchObject({ requeued: 0, done: true });
    await h.dispatcher.drainDue();
    expect(receiver.requests).toHaveLength(1);
  });

  it('keeps the SQLite file flat under steady traffic: freed pages are reused or given back', async () => {
    // Never disabled for failing: its deliveries stay retrying (held would be settled).
    await restartHookline({ config: { retentionDays: 1, disableAfterMs: 'off' } });
    const file = join(h.dataDir, 'hookline.db');
    const reader = new Database(file, { readonly: true });
    try {
      expect(reader.pragma('auto_vacuum', { simple: true })).toBe(2); // incremental
      const t = await createTenant(h, { url: receiver.url });
      await h.api('POST', `/api/v1/apps/${t.appId}/endpoints`, {
        url: failing.url,
        retryPolicy: RETRYING,
        filterTypes: ['order.failed'],
      });
      // Unsettled from the start, and kept through every pass however old it gets.
      await sendMessage(h, t.appId, { retrying: true }, 'order.failed');
      const text = 'x'.repeat(4000);
      const pages: number[] = [];
      for (let cycle = 0; cycle < 8; cycle++) {
        const messages = Array.from({ length: 40 }, (_, i) => ({
          eventType: 'message.delivered',
          payload: { text, i, cycle },
        }));
        const sent = await h.api('POST', `/api/v1/apps/${t.appId}/messages/batch`, { messages });
        expect(sent.status).toBe(202);
        await h.dispatcher.drainDue();
        h.clock.advance(DAY + 3_600_000);
        const unsettled = await unsettledIds(t.appId);
        const totals = await h.app.retention.runPass();
        expect(totals.messages).toBe(40);
        expect(await unsettledIds(t.appId)).toEqual(unsettled);
        pages.push(reader.pragma('page_count', { simple: true }) as number);
      }
      const left = await h.api('GET', `/api/v1/apps/${t.appId}/messages?limit=250`);
      expect(left.body.data.map((m: Json) => m.eventType)).toEqual(['order.failed']);
      // After the first cycles fill the file, it stops growing.
      const warm = Math.max(...pages.slice(1, 3));
      expect(Math.max(...pages.slice(3))).toBeLessThanOrEqual(warm);
    } finally {
      reader.close();
    }
  });
});

describe('POST /api/v1/purge and its inputs', () => {
  it('purges by hand in bounded requests that continue with the cursor', async () => {
    const t = await createTenant(h, { url: receiver.url });
    for (let i = 0; i < 5; i++) await sendMessage(h, t.appId, { i });
    await h.dispatcher.drainDue();
    h.clock.advance(DAY);
    const before = new Date(h.clock.now() - 1000).toISOString();
    const first = await h.api('POST', '/api/v1/purge', { before, limit: 3 });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ messages: 3, deliveries: 3, done: false });
    const second = await h.api('POST', '/api/v1/purge', {
      before,
      limit: 3,
      cursor: first.body.cursor,
    });
    expect(second.body).toMatchObject({ messages: 2, done: true, cursor: null });
    expect((await h.api('GET', `/api/v1/apps/${t.appId}/messages`)).body.data).toEqual([]);
  });

  it('looks at exactly `limit` messages when the limit is not a multiple of the step size', async () => {
    const t = await createTenant(h, { url: receiver.url });
    const messages = Array.from({ length: 300 }, (_, i) => ({
      eventType: 'message.delivered',
      payload: { i },
    }));
    const sent = await h.api('POST', `/api/v1/apps/${t.appId}/messages/batch`, { messages });
    expect(sent.status).toBe(202);
    await h.dispatcher.drainDue();
    h.clock.advance(DAY);
    const before = new Date(h.clock.now() - 1000).toISOString();
    // Two steps: 200, then 1.
    const first = await h.api('POST', '/api/v1/purge', { before, limit: 201 });
    expect(first.body).toMatchObject({ messages: 201, done: false });
    const rest = await h.api('POST', '/api/v1/purge', { before, cursor: first.body.cursor });
    expect(rest.body).toMatchObject({ messages: 99, done: true });
  });

  it('refuses a bad time, a future time, a bad cursor (400 naming the field) and app keys (403)', async () => {
    const t = await createTenant(h, { url: receiver.url });
    const bad = await h.api('POST', '/api/v1/purge', { before: 'yesterday' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toMatch(/before/);
    const future = await h.api('POST', '/api/v1/purge', {
      before: new Date(h.clock.now() + DAY).toISOString(),
    });
    expect(future.status).toBe(400);
    expect(future.body.details[0].field).toBe('before');
    const cursor = await h.api('POST', '/api/v1/purge', {
      before: new Date(h.clock.now()).toISOString(),
      cursor: 'nonsense',
    });
    expect(cursor.status).toBe(400);
    expect(cursor.body.details[0].field).toBe('cursor');
    const asApp = await h.api(
      'POST',
      '/api/v1/purge',
      { before: new Date(h.clock.now()).toISOString() },
      { token: t.apiKey },
    );
    expect(asApp.status).toBe(403);
  });
});
