import { expect, it } from 'vitest';
import {
  allDeliveries,
  createApp,
  createEndpoint,
  messageRecord,
  send,
  T0,
  WINDOW_MS,
} from '../fixtures.js';
import type { SuiteContext } from '../suite.js';

/**
 * Inserts that arrive together (the stores write them in shared transactions) are each answered
 * as if it had come alone.
 */
export function concurrentInsertCases({ store }: SuiteContext): void {
  it('fans each message out as if alone: pending, held, one due per serial endpoint, replays', async () => {
    const app = await createApp(store());
    const parallel = await createEndpoint(store(), app.id);
    const held = await createEndpoint(store(), app.id, { disabled: true });
    const other = await createApp(store());
    const serial = await createEndpoint(store(), other.id, { ordering: 'serial' });
    const earlier = await send(store(), app.id, { idempotencyKey: 'k-old', requestDigest: 'd' });
    const fresh = Array.from({ length: 6 }, (_, i) =>
      messageRecord(app.id, {
        idempotencyKey: i % 2 === 0 ? `k-${i}` : null,
        requestDigest: i % 2 === 0 ? 'd' : null,
        createdAt: T0 + i,
      }),
    );
    const replay = messageRecord(app.id, { idempotencyKey: 'k-old', requestDigest: 'd' });
    const lined = Array.from({ length: 3 }, () => messageRecord(other.id));
    const results = await Promise.all(
      [...fresh, replay, ...lined].map((m) => store().insertMessage(m, WINDOW_MS)),
    );
    expect(results.slice(0, 6).map((r) => [r.message.id, r.created, r.deliveries])).toEqual(
      fresh.map((m) => [m.id, true, 2]),
    );
    expect(results[6]).toEqual({ message: earlier.message, created: false, deliveries: 2 });
    expect(results.slice(7).map((r) => r.deliveries)).toEqual([1, 1, 1]);
    for (const m of fresh)
      expect(await store().getMessage(app.id, m.id)).toMatchObject({
        id: m.id,
        idempotencyKey: m.idempotencyKey,
      });
    const all = await allDeliveries(store(), app.id);
    expect(all).toHaveLength(2 * 7);
    const of = (endpointId: string) => all.filter((d) => d.endpointId === endpointId);
    expect(of(parallel.id).every((d) => d.state === 'pending' && d.nextAttemptAt !== null)).toBe(
      true,
    );
    expect(of(held.id).every((d) => d.state === 'held')).toBe(true);
    const line = await allDeliveries(store(), other.id);
    expect(line.map((d) => d.endpointId)).toEqual([serial.id, serial.id, serial.id]);
    expect(line.filter((d) => d.nextAttemptAt !== null)).toHaveLength(1);
  });

  it('one bad insert fails alone: an unknown app, a key reused for another request', async () => {
    const app = await createApp(store());
    await createEndpoint(store(), app.id);
    await send(store(), app.id, { idempotencyKey: 'taken', requestDigest: 'first' });
    const good = Array.from({ length: 4 }, () => messageRecord(app.id));
    const outcomes = await Promise.allSettled([
      ...good.map((m) => store().insertMessage(m, WINDOW_MS)),
      store().insertMessage(messageRecord('app_missing'), WINDOW_MS),
      store().insertMessage(
        messageRecord(app.id, { idempotencyKey: 'taken', requestDigest: 'other' }),
        WINDOW_MS,
      ),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'fulfilled',
      'fulfilled',
      'rejected',
      'rejected',
    ]);
    expect(outcomes[5]).toMatchObject({ reason: { code: 'idempotency_conflict' } });
    for (const m of good) expect(await store().getMessage(app.id, m.id)).not.toBeNull();
    expect(await allDeliveries(store(), app.id)).toHaveLength(5);
  });
}
