import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, removeDataDirs } from '../../helpers/hookline-app.js';
import {
  createAppWithKey,
  createBin,
  send,
  startInspectorHookline,
  type InspectorTest,
} from './harness.js';
import { openStream, type TestStream } from './sse-client.js';

let h: InspectorTest;
const streams: TestStream[] = [];

beforeEach(async () => {
  h = await startInspectorHookline();
});
afterEach(async () => {
  for (const s of streams.splice(0)) await s.close();
  await h.close();
});
afterAll(removeDataDirs);

async function stream(
  binId: string,
  options: Parameters<typeof openStream>[3] = {},
  token = ADMIN_TOKEN,
): Promise<TestStream> {
  const s = await openStream(h.baseUrl, binId, token, options);
  streams.push(s);
  return s;
}

const data = (e: { data: string }) => JSON.parse(e.data);

describe('live stream (Server-Sent Events)', () => {
  it('says ready, then sends each new capture as a request event whose id is the request id', async () => {
    const bin = await createBin(h);
    await send(bin.url, 'POST', { body: 'before the stream' });
    const s = await stream(bin.id);
    expect(s.status).toBe(200);
    const [ready] = await s.waitFor(1);
    expect(ready.event).toBe('ready');
    expect(data(ready)).toMatchObject({ binId: bin.id });

    await send(`${bin.url}/a?x=1`, 'PUT', {
      headers: ['X-Dup', '1', 'X-Dup', '2'],
      body: Buffer.from([0, 1, 254, 255]),
    });
    await send(bin.url, 'POST', {
      headers: { 'content-type': 'application/json' },
      body: '{"type":"message.status","data":{}}',
    });
    const events = await s.waitFor(3);
    const [first, second] = events.slice(1);
    expect([first.event, second.event]).toEqual(['request', 'request']);
    expect(data(first)).toMatchObject({
      method: 'PUT',
      subpath: '/a',
      query: 'x=1',
      bodyEncoding: 'base64',
      body: Buffer.from([0, 1, 254, 255]).toString('base64'),
    });
    expect(data(first).headers.filter(([n]: [string]) => n === 'X-Dup')).toEqual([
      ['X-Dup', '1'],
      ['X-Dup', '2'],
    ]);
    expect(data(second)).toMatchObject({ method: 'POST', eventType: 'message.status' });
    expect(Number(first.id)).toBe(data(first).id);
    expect(Number(second.id)).toBeGreaterThan(Number(first.id));
    // The request captured before the stream opened is not replayed without Last-Event-ID.
    expect(events.some((e) => e.event === 'request' && data(e).body === 'before the stream')).toBe(
      false,
    );
  });

  it('resumes after Last-Event-ID, so a reconnecting client misses nothing and gets nothing twice', async () => {
    const bin = await createBin(h);
    for (const body of ['one', 'two', 'three']) await send(bin.url, 'POST', { body });
    const all = (await h.api('GET', `/api/v1/bins/${bin.id}/requests`)).body.data.reverse();
    const s = await stream(bin.id, { lastEventId: all[0].id });
    await s.waitFor(3);
    await send(bin.url, 'POST', { body: 'four' });
    const events = await s.waitFor(4);
    expect(events.filter((e) => e.event === 'request').map((e) => data(e).body)).toEqual([
      'two',
      'three',
      'four',
    ]);

    const replay = await stream(bin.id, { after: 0 });
    const replayed = await replay.waitFor(5);
    expect(replayed.filter((e) => e.event === 'request').map((e) => data(e).body)).toEqual([
      'one',
      'two',
      'three',
      'four',
    ]);
  });

  it('ends with a deleted event when the bin is deleted', async () => {
    const bin = await createBin(h);
    const s = await stream(bin.id);
    await s.waitFor(1);
    expect((await h.api('DELETE', `/api/v1/bins/${bin.id}`)).status).toBe(204);
    await s.ended;
    expect(s.events.map((e) => e.event)).toEqual(['ready', 'deleted']);
  });

  it("refuses an expired bin (410), another app's bin and an unknown one (404), and a bad Last-Event-ID (400)", async () => {
    const { apiKey } = await createAppWithKey(h);
    const bin = await createBin(h, { expiresInSeconds: 60 });
    expect(
      (await h.api('GET', `/api/v1/bins/${bin.id}/stream`, undefined, { token: apiKey })).status,
    ).toBe(404);
    expect((await h.api('GET', '/api/v1/bins/bin_nope/stream')).status).toBe(404);
    const bad = await h.api('GET', `/api/v1/bins/${bin.id}/stream`, undefined, {
      headers: { 'last-event-id': 'abc' },
    });
    expect([bad.status, bad.body.details[0].field]).toEqual([400, 'last-event-id']);
    h.clock.advance(60_000);
    const expired = await h.api('GET', `/api/v1/bins/${bin.id}/stream`);
    expect([expired.status, expired.body.code]).toEqual([410, 'bin_expired']);
  });

  it('lets an app key follow its own bin', async () => {
    const { apiKey } = await createAppWithKey(h);
    const bin = await createBin(h, {}, apiKey);
    const s = await stream(bin.id, {}, apiKey);
    await s.waitFor(1);
    await send(bin.url, 'DELETE', { body: 'x' });
    expect((await s.waitFor(2))[1].event).toBe('request');
  });

  it('ends open streams when the server shuts down', async () => {
    const bin = await createBin(h);
    const s = await stream(bin.id);
    await s.waitFor(1);
    await h.close();
    await s.ended;
    expect(s.events.map((e) => e.event)).toEqual(['ready']);
  });
});
