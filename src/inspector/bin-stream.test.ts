import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Bin, NewBinRequest } from '../domain/bins.js';
import { FakeClock } from '../lib/clock.js';
import { SqliteStore } from '../store/sqlite/sqlite-store.js';
import { BinEvents } from './bin-events.js';
import { BinStream } from './bin-stream.js';

const T0 = Date.UTC(2026, 0, 1);
let store: SqliteStore;
let clock: FakeClock;
let events: BinEvents;
let written: string[];
let ended: boolean;
let streams: BinStream[];

const bin: Bin = {
  id: 'bin_1',
  appId: null,
  response: { status: 200, body: '', contentType: 'text/plain', delayMs: 0 },
  requestLimit: 100,
  createdAt: T0,
  expiresAt: T0 + 60_000,
};
const request = (body: string): NewBinRequest => ({
  binId: bin.id,
  method: 'POST',
  path: '/in/bin_1',
  query: '',
  headers: [],
  body: Buffer.from(body),
  bodySize: body.length,
  bodyTruncated: false,
  remoteAddress: '127.0.0.1',
  receivedAt: T0,
});

beforeEach(async () => {
  store = new SqliteStore({
    file: ':memory:',
    encryption: { current: randomBytes(32), previous: [] },
  });
  await store.migrate();
  await store.bins.createBin(bin, { maxLivePerApp: 10, now: T0 });
  clock = new FakeClock(T0);
  events = new BinEvents();
  written = [];
  ended = false;
  streams = [];
});
afterEach(async () => {
  for (const s of streams) s.close();
  await store.close();
});

function open(afterId: number, pollMs = 10_000): BinStream {
  const stream = new BinStream({
    store: store.bins,
    events,
    clock,
    binId: bin.id,
    afterId,
    pollMs,
    heartbeatMs: 60_000,
    sink: {
      write: async (chunk) => void written.push(chunk),
      end: () => {
        ended = true;
      },
    },
  });
  streams.push(stream);
  return stream;
}

/** The request bodies sent so far, in order. */
const bodies = () =>
  written
    .filter((w) => w.includes('event: request'))
    .map((w) => JSON.parse(/data: (.*)\n/.exec(w)![1]).body as string);

describe('BinStream', () => {
  it('sends what is waiting after the start position, then each captured request once, in order', async () => {
    const first = (await store.bins.insertRequest(request('one'), 100))!;
    await store.bins.insertRequest(request('two'), 100);
    await open(first.id).start();
    expect(written[0]).toBe('retry: 1000\n\n');
    expect(written[1]).toBe(`event: ready\ndata: {"binId":"bin_1","after":${first.id}}\n\n`);
    expect(bodies()).toEqual(['two']);

    for (const body of ['three', 'four']) {
      const stored = (await store.bins.insertRequest(request(body), 100))!;
      events.publish(bin.id, { kind: 'captured', requestId: stored.id });
    }
    await vi.waitFor(() => expect(bodies()).toEqual(['two', 'three', 'four']));
    expect(written.filter((w) => w.startsWith('id: '))).toHaveLength(3);
  });

  it('picks up captures made elsewhere (another node: no event) on its poll', async () => {
    await open(0, 10).start();
    await store.bins.insertRequest(request('from another node'), 100);
    await vi.waitFor(() => expect(bodies()).toEqual(['from another node']));
  });

  it('ends with an expired event once the bin expires (fake clock), and with deleted when it is gone', async () => {
    await open(0, 10).start();
    clock.advance(60_000);
    await vi.waitFor(() => expect(ended).toBe(true));
    expect(written.at(-1)).toBe(
      `event: expired\ndata: {"binId":"bin_1","expiresAt":"${new Date(T0 + 60_000).toISOString()}"}\n\n`,
    );

    written = [];
    ended = false;
    clock.set(T0);
    await open(0, 10).start();
    await store.bins.deleteBin(bin.id);
    await vi.waitFor(() => expect(ended).toBe(true));
    expect(written.at(-1)).toBe('event: deleted\ndata: {"binId":"bin_1"}\n\n');
    expect(events.size).toBe(0);
  });

  it('stops listening when closed', async () => {
    const stream = open(0);
    await stream.start();
    expect(events.size).toBe(1);
    stream.close();
    expect([ended, events.size]).toEqual([true, 0]);
    events.publish(bin.id, { kind: 'captured', requestId: 1 });
    expect(bodies()).toEqual([]);
  });
});
