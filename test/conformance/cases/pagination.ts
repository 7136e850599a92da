import { expect, it } from 'vitest';
import type { Page } from '../../../src/domain/types.js';
import { HooklineError } from '../../../src/lib/errors.js';
import type { ListQuery } from '../../../src/store/store.js';
import { claim, createApp, createEndpoint, record, send, T0 } from '../fixtures.js';
import type { SuiteContext } from '../suite.js';

/** Walks every page of a list; checks that pages never overlap and that the last has no cursor. */
async function walk<T, K extends string | number>(
  list: (q: ListQuery) => Promise<Page<T>>,
  limit: number,
  key: (t: T) => K,
) {
  const pages: T[][] = [];
  let cursor: string | null = null;
  for (let guard = 0; guard < 1000; guard++) {
    const page: Page<T> = await list({ limit, cursor });
    expect(page.data.length).toBeLessThanOrEqual(limit);
    pages.push(page.data);
    if (page.nextCursor === null) break;
    expect(page.data).toHaveLength(limit);
    cursor = page.nextCursor;
  }
  const rows = pages.flat();
  expect(new Set(rows.map(key)).size).toBe(rows.length);
  return { pages, rows, keys: rows.map(key) };
}

const newestFirst = <K>(keys: K[]) => [...keys].reverse();

export function paginationCases({ store }: SuiteContext): void {
  it('pages apps newest first', async () => {
    const created = [];
    for (let i = 0; i < 7; i++) created.push((await createApp(store())).id);
    const { pages, keys } = await walk(
      (q) => store().listApps(q),
      3,
      (a) => a.id,
    );
    expect(pages.map((p) => p.length)).toEqual([3, 3, 1]);
    expect(keys).toEqual(newestFirst(created));
  });

  it('pages endpoints of one app', async () => {
    const app = await createApp(store());
    const other = await createApp(store());
    const created = [];
    for (let i = 0; i < 5; i++) created.push((await createEndpoint(store(), app.id)).id);
    await createEndpoint(store(), other.id);
    const { keys } = await walk(
      (q) => store().listEndpoints(app.id, q),
      2,
      (e) => e.id,
    );
    expect(keys).toEqual(newestFirst(created));
  });

  it('pages messages, filtered by event type and time window', async () => {
    const app = await createApp(store());
    const sent: Array<{ id: string; type: string; at: number }> = [];
    for (let i = 0; i < 12; i++) {
      const type = i % 3 === 0 ? 'user.subscribed' : 'message.delivered';
      const r = await send(store(), app.id, { eventType: type, createdAt: T0 + i * 10 });
      sent.push({ id: r.message.id, type, at: T0 + i * 10 });
    }
    const everything = await walk(
      (q) => store().listMessages(app.id, {}, q),
      5,
      (m) => m.id,
    );
    expect(everything.keys).toEqual(newestFirst(sent.map((s) => s.id)));
    const byType = await walk(
      (q) => store().listMessages(app.id, { eventType: 'user.subscribed' }, q),
      2,
      (m) => m.id,
    );
    expect(byType.keys).toEqual(
      newestFirst(sent.filter((s) => s.type === 'user.subscribed').map((s) => s.id)),
    );
    const window = await walk(
      (q) => store().listMessages(app.id, { since: T0 + 20, until: T0 + 70 }, q),
      2,
      (m) => m.id,
    );
    expect(window.keys).toEqual(
      newestFirst(sent.filter((s) => s.at >= T0 + 20 && s.at < T0 + 70).map((s) => s.id)),
    );
    const combined = await walk(
      (q) => store().listMessages(app.id, { eventType: 'message.delivered', since: T0 + 15 }, q),
      3,
      (m) => m.id,
    );
    expect(combined.keys).toEqual(
      newestFirst(
        sent.filter((s) => s.type === 'message.delivered' && s.at >= T0 + 15).map((s) => s.id),
      ),
    );
  });

  it('pages deliveries, filtered by state, endpoint and message', async () => {
    const app = await createApp(store());
    const a = await createEndpoint(store(), app.id);
    const b = await createEndpoint(store(), app.id);
    const messages: string[] = [];
    for (let i = 0; i < 6; i++) messages.push((await send(store(), app.id)).message.id);
    const claims = await claim(store(), T0, 5);
    for (const c of claims) await record(store(), c, 'succeeded', T0 + 1);
    const all = await walk(
      (q) => store().listDeliveries(app.id, {}, q),
      5,
      (d) => d.id,
    );
    expect(all.keys).toHaveLength(12);
    expect(all.keys).toEqual([...all.keys].sort((x, y) => y - x));
    const done = await walk(
      (q) => store().listDeliveries(app.id, { state: 'succeeded' }, q),
      2,
      (d) => d.id,
    );
    expect(done.keys.sort()).toEqual(claims.map((c) => c.delivery.id).sort());
    const ofA = await walk(
      (q) => store().listDeliveries(app.id, { endpointId: a.id }, q),
      4,
      (d) => d.id,
    );
    expect(ofA.rows.every((d) => d.endpointId === a.id)).toBe(true);
    expect(ofA.keys).toHaveLength(6);
    const one = await walk(
      (q) => store().listDeliveries(app.id, { messageId: messages[2], endpointId: b.id }, q),
      1,
      (d) => d.id,
    );
    expect(one.rows.map((d) => [d.messageId, d.endpointId])).toEqual([[messages[2], b.id]]);
    const pendingOfB = await walk(
      (q) => store().listDeliveries(app.id, { endpointId: b.id, state: 'pending' }, q),
      2,
      (d) => d.id,
    );
    expect(pendingOfB.rows.every((d) => d.state === 'pending' && d.endpointId === b.id)).toBe(true);
  });

  it('pages attempts, filtered by message, endpoint and delivery', async () => {
    const app = await createApp(store());
    const a = await createEndpoint(store(), app.id);
    await createEndpoint(store(), app.id);
    const m = await send(store(), app.id);
    await send(store(), app.id);
    for (let round = 0; round < 3; round++) {
      for (const c of await claim(store(), T0 + round * 1000))
        await record(store(), c, 'retry', T0 + round * 1000, T0 + (round + 1) * 1000);
    }
    const all = await walk(
      (q) => store().listAttempts(app.id, {}, q),
      5,
      (x) => x.id,
    );
    expect(all.keys).toHaveLength(12);
    expect(all.keys).toEqual([...all.keys].sort((x, y) => y - x));
    const ofMessage = await walk(
      (q) => store().listAttempts(app.id, { messageId: m.message.id }, q),
      4,
      (x) => x.id,
    );
    expect(ofMessage.keys).toHaveLength(6);
    expect(ofMessage.rows.every((x) => x.messageId === m.message.id)).toBe(true);
    const ofEndpoint = await walk(
      (q) => store().listAttempts(app.id, { endpointId: a.id, messageId: m.message.id }, q),
      2,
      (x) => x.id,
    );
    expect(ofEndpoint.keys).toHaveLength(3);
    const deliveryId = ofEndpoint.rows[0].deliveryId as number;
    const ofDelivery = await walk(
      (q) => store().listAttempts(app.id, { deliveryId }, q),
      2,
      (x) => x.id,
    );
    expect(ofDelivery.keys).toEqual(ofEndpoint.keys);
  });

  it('returns an empty last page without a cursor when rows run out exactly', async () => {
    const app = await createApp(store());
    for (let i = 0; i < 4; i++) await send(store(), app.id);
    const first = await store().listMessages(app.id, {}, { limit: 4, cursor: null });
    expect(first.data).toHaveLength(4);
    expect(first.nextCursor).toBeNull();
  });

  it('refuses a cursor it did not issue with a 400', async () => {
    const app = await createApp(store());
    const bogus = Buffer.from('not-a-number').toString('base64url');
    await expect(store().listDeliveries(app.id, {}, { limit: 5, cursor: bogus })).rejects.toSatisfy(
      (e: unknown) => e instanceof HooklineError && e.status === 400,
    );
    await expect(store().listAttempts(app.id, {}, { limit: 5, cursor: '' })).rejects.toSatisfy(
      (e: unknown) => e instanceof HooklineError && e.status === 400,
    );
  });
}
