import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTenant,
  type Json,
  removeDataDirs,
  sendMessage,
  startHookline,
  type TenantSetup,
  type TestHookline,
} from '../helpers/hookline-app.js';
import { startReceiver, type Receiver } from '../helpers/receiver.js';

let h: TestHookline;
let receiver: Receiver;
let t: TenantSetup;
const sent: string[] = [];

beforeAll(async () => {
  receiver = await startReceiver();
  h = await startHookline();
  t = await createTenant(h, { url: receiver.url });
  for (let i = 0; i < 3; i++)
    await h.api('POST', `/api/v1/apps/${t.appId}/endpoints`, { url: `${receiver.url}/${i}` });
  for (let i = 0; i < 7; i++) {
    sent.push(await sendMessage(h, t.appId, { i }, i % 2 === 0 ? 'message.even' : 'message.odd'));
    h.clock.advance(1000);
  }
  await h.dispatcher.drainDue();
});
afterAll(async () => {
  await h.close();
  await receiver.close();
  removeDataDirs();
});

/** Follows nextCursor to the end; returns every page. */
async function pages(path: string, limit: number, token?: string) {
  const out: Array<Array<Record<string, Json>>> = [];
  let cursor: string | null = null;
  const sep = path.includes('?') ? '&' : '?';
  do {
    const res: { status: number; body: Json } = await h.api(
      'GET',
      `${path}${sep}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      undefined,
      { token },
    );
    expect(res.status).toBe(200);
    out.push(res.body.data);
    cursor = res.body.nextCursor;
    expect(out.length).toBeLessThan(100);
  } while (cursor !== null);
  return out;
}

describe('cursor pagination', () => {
  it('walks messages newest first, each exactly once', async () => {
    const walked = await pages(`/api/v1/apps/${t.appId}/messages`, 3);
    expect(walked.map((p) => p.length)).toEqual([3, 3, 1]);
    expect(walked.flat().map((m) => m.id)).toEqual([...sent].reverse());
  });

  it('a page that ends exactly at the last item has no next cursor', async () => {
    const walked = await pages(`/api/v1/apps/${t.appId}/messages`, 7);
    expect(walked.map((p) => p.length)).toEqual([7]);
  });

  it('combines with filters', async () => {
    const even = await pages(`/api/v1/apps/${t.appId}/messages?eventType=message.even`, 2);
    expect(even.flat().map((m) => m.payload.i)).toEqual([6, 4, 2, 0]);
    const since = new Date(h.clock.now() - 3500).toISOString();
    const recent = await pages(`/api/v1/apps/${t.appId}/messages?since=${since}`, 2);
    expect(recent.flat().map((m) => m.payload.i)).toEqual([6, 5, 4]);
  });

  it('walks endpoints, deliveries and attempts', async () => {
    const endpoints = (await pages(`/api/v1/apps/${t.appId}/endpoints`, 3)).flat();
    expect(endpoints).toHaveLength(4);
    expect(new Set(endpoints.map((e) => e.id)).size).toBe(4);

    const deliveries = (await pages(`/api/v1/apps/${t.appId}/deliveries`, 5)).flat();
    expect(deliveries).toHaveLength(28);
    expect(new Set(deliveries.map((d) => d.id)).size).toBe(28);
    expect(deliveries.map((d) => d.id)).toEqual(
      [...deliveries.map((d) => d.id)].sort((a, b) => b - a),
    );

    const byEndpoint = (
      await pages(`/api/v1/apps/${t.appId}/endpoints/${t.endpointId}/deliveries?state=succeeded`, 2)
    ).flat();
    expect(byEndpoint.map((d) => d.messageId)).toEqual([...sent].reverse());

    const attempts = (
      await pages(`/api/v1/apps/${t.appId}/endpoints/${t.endpointId}/attempts`, 4)
    ).flat();
    expect(attempts.map((a) => a.messageId)).toEqual([...sent].reverse());
    const ofMessage = (
      await pages(`/api/v1/apps/${t.appId}/messages/${sent[0]}/attempts`, 1)
    ).flat();
    expect(ofMessage).toHaveLength(4);
  });

  it('walks apps (admin)', async () => {
    for (let i = 0; i < 4; i++) await h.api('POST', '/api/v1/apps', { name: `extra ${i}` });
    const apps = (await pages('/api/v1/apps', 2)).flat();
    expect(apps).toHaveLength(5);
    expect(new Set(apps.map((a) => a.id)).size).toBe(5);
    // An app key's list is its own app, whatever the page size.
    expect((await pages('/api/v1/apps', 1, t.apiKey)).flat().map((a) => a.id)).toEqual([t.appId]);
  });
});
