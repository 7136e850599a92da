import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { removeDataDirs } from '../../helpers/hookline-app.js';
import { startReceiver, type Receiver } from '../../helpers/receiver.js';
import { createAppWithKey, startInspectorHookline, type InspectorTest } from './harness.js';

/**
 * Page 003 (Chat-API), "Checking the Webhook": "Webhook verification is a section where you can get
 * acquainted with incoming requests from the server - directly with the data that will come to
 * your http or https URL. Please note! When working with this tool, our RequestBin Webhook address
 * will be automatically substituted. After testing is completed, it will change to the one
 * specified earlier." Driven by the fake clock; bins capture over real HTTP on 127.0.0.1.
 */
let h: InspectorTest;
let appId: string;
let receiver: Receiver;
let endpointId: string;

beforeAll(async () => {
  h = await startInspectorHookline();
  ({ appId } = await createAppWithKey(h));
});
afterAll(async () => {
  await h.close();
  removeDataDirs();
});
beforeEach(async () => {
  receiver = await startReceiver();
  const ep = await h.api('POST', `/api/v1/apps/${appId}/endpoints`, {
    url: `${receiver.url}/hooks?tenant=7`,
  });
  expect(ep.status).toBe(201);
  endpointId = ep.body.id;
});
afterEach(async () => {
  await h.api('DELETE', `/api/v1/apps/${appId}/endpoints/${endpointId}`);
  await receiver.close();
});

async function send(n: number): Promise<string> {
  const res = await h.api('POST', `/api/v1/apps/${appId}/messages`, {
    eventType: 'order.updated',
    payload: { n },
    endpointId,
  });
  expect(res.status).toBe(202);
  return res.body.id;
}

/** Message ids in the order the receiver got them (standard format: webhook-id is the message id). */
const received = () => receiver.requests.map((r) => r.headers['webhook-id']);
const capturedBy = async (binId: string) =>
  (
    (await h.api('GET', `/api/v1/bins/${binId}/requests?limit=100`)).body.data as Array<{
      headers: Array<[string, string]>;
      path: string;
      query: string;
      body: string;
    }>
  ).reverse();

describe('webhook verification: an endpoint switched to a bin, then back by itself', () => {
  it('captures real traffic in the bin for the set time, then the URL gets everything; nothing is lost', async () => {
    const before = await send(1);
    await h.dispatcher.drainDue();
    expect(received()).toEqual([before]);

    const started = h.clock.now();
    const switched = await h.api(
      'POST',
      `/api/v1/apps/${appId}/endpoints/${endpointId}/verification`,
      { durationSeconds: 600 },
    );
    expect(switched.status).toBe(200);
    const verification = switched.body.verification;
    expect(verification).toMatchObject({
      binUrl: `${h.baseUrl}/in/${verification.binId}`,
      startedAt: new Date(started).toISOString(),
      until: new Date(started + 600_000).toISOString(),
    });
    // The endpoint keeps its URL: only where its deliveries go changes, for a while.
    expect(switched.body.url).toBe(`${receiver.url}/hooks?tenant=7`);

    const during = [await send(2), await send(3)];
    await h.dispatcher.drainDue();
    expect(received()).toEqual([before]); // the URL gets nothing while switched
    const captured = await capturedBy(verification.binId);
    expect(captured.map((c) => new Map(c.headers).get('webhook-id'))).toEqual(during);
    // As it would have come to the URL: path and query kept below the bin, signed, same body.
    expect(captured[0]).toMatchObject({
      path: `/in/${verification.binId}/hooks`,
      query: 'tenant=7',
      body: expect.stringContaining('"data":{"n":2}'),
    });
    expect(new Map(captured[0].headers).get('webhook-signature')).toMatch(/^v1,/);

    // Still switched a second before the end; back to the URL by itself at the end.
    h.clock.advance(599_000);
    await h.dispatcher.drainDue();
    expect(received()).toEqual([before]);
    h.clock.advance(1000);
    await h.dispatcher.drainDue();
    expect(received()).toEqual([before, ...during]);

    const after = await send(4);
    await h.dispatcher.drainDue();
    expect(received()).toEqual([before, ...during, after]);
    expect(await capturedBy(verification.binId)).toHaveLength(2);
    const deliveries = (await h.api('GET', `/api/v1/apps/${appId}/deliveries?limit=100`)).body
      .data as Array<{ messageId: string; state: string; attempts: number }>;
    for (const id of [before, ...during, after]) {
      expect(deliveries.find((d) => d.messageId === id)).toMatchObject({
        state: 'succeeded',
        attempts: 1,
      });
    }
  });

  it('until stopped: stopping sends the held deliveries to the URL at once', async () => {
    const switched = await h.api(
      'POST',
      `/api/v1/apps/${appId}/endpoints/${endpointId}/verification`,
      {},
    );
    expect(switched.status).toBe(200);
    const again = await h.api(
      'POST',
      `/api/v1/apps/${appId}/endpoints/${endpointId}/verification`,
      {},
    );
    expect(again.status).toBe(409);
    const held = await send(5);
    await h.dispatcher.drainDue();
    h.clock.advance(3600_000);
    await h.dispatcher.drainDue();
    expect(received()).toEqual([]);
    expect(await capturedBy(switched.body.verification.binId)).toHaveLength(1);

    const stopped = await h.api(
      'DELETE',
      `/api/v1/apps/${appId}/endpoints/${endpointId}/verification`,
    );
    expect(stopped.status).toBe(200);
    expect(stopped.body.verification.until).toBe(new Date(h.clock.now()).toISOString());
    await h.dispatcher.drainDue();
    expect(received()).toEqual([held]);
  });

  it("uses a bin of the app when given one; another app's bin is a 404", async () => {
    const bin = await h.api('POST', '/api/v1/bins', { appId });
    const other = await createAppWithKey(h, 'Other');
    const foreign = await h.api('POST', '/api/v1/bins', { appId: other.appId });
    const refused = await h.api(
      'POST',
      `/api/v1/apps/${appId}/endpoints/${endpointId}/verification`,
      { binId: foreign.body.id, durationSeconds: 60 },
    );
    expect(refused.status).toBe(404);
    const switched = await h.api(
      'POST',
      `/api/v1/apps/${appId}/endpoints/${endpointId}/verification`,
      { binId: bin.body.id, durationSeconds: 60 },
    );
    expect(switched.status).toBe(200);
    expect(switched.body.verification.binId).toBe(bin.body.id);
    await h.api('DELETE', `/api/v1/apps/${appId}/endpoints/${endpointId}/verification`);
  });
});
