import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createTenant,
  removeDataDirs,
  startHookline,
  type TestHookline,
} from '../helpers/hookline-app.js';
import { createTestDatabase, describePostgres, type TestDatabase } from '../helpers/postgres.js';
import { startReceiver, type Receiver } from '../helpers/receiver.js';

const DAY = 24 * 3600 * 1000;

/** Idempotency as Stripe has it (issue 12), through the API, on each store. */
function idempotencyCases(start: () => Promise<TestHookline>) {
  let h: TestHookline;
  let receiver: Receiver;
  beforeAll(async () => {
    h = await start();
  });
  afterAll(async () => {
    await h?.close();
    removeDataDirs();
  });
  beforeEach(async () => {
    receiver = await startReceiver();
  });
  afterEach(async () => {
    await h.dispatcher.drainDue();
    await receiver.close();
  });

  it('the same key and body within 24 h returns the original message, its delivery count, and creates nothing', async () => {
    const t = await createTenant(h, { url: receiver.url });
    const url = `/api/v1/apps/${t.appId}/messages`;
    const body = { eventType: 'message.seen', payload: { v: 1 }, idempotencyKey: 'order-42' };
    const first = await h.api('POST', url, body);
    expect(first.status).toBe(202);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    expect(first.body).toMatchObject({ idempotencyKey: 'order-42', deliveries: 1 });

    // A second endpoint since does not change what the replay answers.
    await h.api('POST', `/api/v1/apps/${t.appId}/endpoints`, { url: receiver.url });
    h.clock.advance(DAY - 1);
    const again = await h.api('POST', url, body);
    expect(again.status).toBe(200);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toEqual(first.body);

    // The Idempotency-Key header names the same key.
    const { idempotencyKey: _k, ...withoutKey } = body;
    const viaHeader = await h.api('POST', url, withoutKey, {
      headers: { 'idempotency-key': 'order-42' },
    });
    expect(viaHeader.status).toBe(200);
    expect(viaHeader.body).toEqual(first.body);

    expect((await h.api('GET', url)).body.data).toHaveLength(1);
    await h.dispatcher.drainDue();
    expect(receiver.requests).toHaveLength(1);
  });

  it('the same key with another body is a 409 idempotency_conflict and writes nothing', async () => {
    const t = await createTenant(h, { url: receiver.url });
    const url = `/api/v1/apps/${t.appId}/messages`;
    const body = { eventType: 'message.seen', payload: { v: 1 }, idempotencyKey: 'order-7' };
    expect((await h.api('POST', url, body)).status).toBe(202);
    for (const other of [
      { ...body, payload: { v: 2 } },
      { ...body, eventType: 'message.other' },
      { ...body, orderingKey: 'customer-1' },
      { ...body, endpointId: t.endpointId },
    ]) {
      const res = await h.api('POST', url, other);
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('idempotency_conflict');
      expect(res.body.message).toContain('order-7');
    }
    expect((await h.api('GET', url)).body.data).toHaveLength(1);
  });

  it('after the window the same key makes a new message', async () => {
    const t = await createTenant(h, { url: receiver.url });
    const url = `/api/v1/apps/${t.appId}/messages`;
    const first = await h.api('POST', url, {
      eventType: 'message.seen',
      payload: { v: 1 },
      idempotencyKey: 'k',
    });
    h.clock.advance(DAY);
    const later = await h.api('POST', url, {
      eventType: 'message.seen',
      payload: { v: 2 },
      idempotencyKey: 'k',
    });
    expect(later.status).toBe(202);
    expect(later.body.id).not.toBe(first.body.id);
    // The new message now owns the key, with its own body.
    const replay = await h.api('POST', url, {
      eventType: 'message.seen',
      payload: { v: 2 },
      idempotencyKey: 'k',
    });
    expect(replay.status).toBe(200);
    expect(replay.body.id).toBe(later.body.id);
  });

  it('concurrent identical requests make one message; all answer it with its delivery count', async () => {
    const t = await createTenant(h, { url: receiver.url });
    const body = { eventType: 'message.seen', payload: { n: 1 }, idempotencyKey: 'race' };
    const results = await Promise.all(
      Array.from({ length: 8 }, () => h.api('POST', `/api/v1/apps/${t.appId}/messages`, body)),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 202]);
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
    for (const r of results) expect(r.body.deliveries).toBe(1);
    await h.dispatcher.drainDue();
    expect(receiver.requests).toHaveLength(1);
  });

  it('concurrent requests with one key and different bodies: one message, the rest 409', async () => {
    const t = await createTenant(h, { url: receiver.url });
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        h.api('POST', `/api/v1/apps/${t.appId}/messages`, {
          eventType: 'message.seen',
          payload: { i },
          idempotencyKey: 'race-2',
        }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([202, 409, 409, 409, 409, 409]);
    expect((await h.api('GET', `/api/v1/apps/${t.appId}/messages`)).body.data).toHaveLength(1);
  });

  it('a batch reusing a key for another message is a 409 naming the item, and writes nothing', async () => {
    const t = await createTenant(h, { url: receiver.url });
    const url = `/api/v1/apps/${t.appId}/messages`;
    await h.api('POST', url, { eventType: 'a.b', payload: { v: 0 }, idempotencyKey: 'k0' });
    const stored = await h.api('POST', `${url}/batch`, {
      messages: [
        { eventType: 'a.b', payload: { v: 1 }, idempotencyKey: 'fresh' },
        { eventType: 'a.b', payload: { v: 2 }, idempotencyKey: 'k0' },
      ],
    });
    expect(stored.status).toBe(409);
    expect(stored.body.code).toBe('idempotency_conflict');
    expect(stored.body.details).toEqual([
      { field: 'messages[1].idempotencyKey', message: 'already used for another request' },
    ]);
    const inBatch = await h.api('POST', `${url}/batch`, {
      messages: [
        { eventType: 'a.b', payload: { v: 1 }, idempotencyKey: 'twice' },
        { eventType: 'a.b', payload: { v: 2 }, idempotencyKey: 'twice' },
      ],
    });
    expect(inBatch.status).toBe(409);
    expect(inBatch.body.details[0].field).toBe('messages[1].idempotencyKey');
    expect((await h.api('GET', url)).body.data).toHaveLength(1);
  });

  it('keys are per app', async () => {
    const a = await createTenant(h, { url: receiver.url }, 'A');
    const b = await createTenant(h, { url: receiver.url }, 'B');
    const body = { eventType: 'message.seen', payload: {}, idempotencyKey: 'same' };
    const ra = await h.api('POST', `/api/v1/apps/${a.appId}/messages`, body, { token: a.apiKey });
    const rb = await h.api('POST', `/api/v1/apps/${b.appId}/messages`, body, { token: b.apiKey });
    expect(ra.status).toBe(202);
    expect(rb.status).toBe(202);
    expect(rb.body.id).not.toBe(ra.body.id);
  });
}

describe('idempotency (SQLite)', () => idempotencyCases(() => startHookline()));

describePostgres('idempotency (PostgreSQL)', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('idempotency');
  });
  afterAll(async () => {
    await db?.drop();
  });
  idempotencyCases(() => startHookline({ config: { databaseUrl: db.url, dbPoolSize: 8 } }));
});
