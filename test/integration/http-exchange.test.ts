import { Agent } from 'undici';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exchange } from '../../src/delivery/http-exchange.js';
import { startReceiver, type Receiver } from '../helpers/receiver.js';

// Timeouts here are tens of milliseconds of real time: the exchange's timer is a real setTimeout.
describe('exchange (one request over undici dispatch)', () => {
  let receiver: Receiver;
  let agent: Agent;
  beforeEach(async () => {
    receiver = await startReceiver();
    agent = new Agent({ connections: 1, pipelining: 1 });
  });
  afterEach(async () => {
    await receiver.close();
    await agent.destroy();
  });

  const post = (timeoutMs: number, capBytes = 4096) =>
    exchange(
      agent,
      {
        origin: receiver.url,
        path: '/hook',
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"a":1}',
      },
      timeoutMs,
      capBytes,
    );

  it('returns the status, headers and body', async () => {
    receiver.setDefault({
      kind: 'status',
      status: 202,
      headers: { 'x-answer': '42' },
      body: 'accepted',
    });
    const outcome = await post(5_000);
    expect(outcome).toMatchObject({ ok: true, statusCode: 202, truncated: false });
    if (!outcome.ok) throw new Error('unreachable');
    expect(outcome.headers['x-answer']).toBe('42');
    expect(outcome.body.toString()).toBe('accepted');
    expect(receiver.requests[0]).toMatchObject({ method: 'POST', url: '/hook', body: '{"a":1}' });
  });

  it('keeps only the cap of a long answer and reports it truncated', async () => {
    receiver.setDefault({ kind: 'huge', bytes: 100_000 });
    const outcome = await post(5_000, 1000);
    expect(outcome).toMatchObject({ ok: true, statusCode: 200, truncated: true });
    if (outcome.ok) expect(outcome.body.length).toBe(1000);
  });

  it('ends at the timeout when the receiver never answers', async () => {
    receiver.setDefault({ kind: 'hang' });
    const outcome = await post(50);
    expect(outcome).toMatchObject({ ok: false, timedOut: true });
  });

  it('counts the wait for a free connection in the timeout', async () => {
    receiver.setDefault({ kind: 'hang' });
    // The only connection is taken by a request that never ends; the next one waits in the pool.
    const first = post(5_000);
    const second = await post(50);
    expect(second).toMatchObject({ ok: false, timedOut: true });
    expect(receiver.requests).toHaveLength(1);
    await receiver.close();
    expect(await first).toMatchObject({ ok: false, timedOut: false });
  });

  it('reports a refused connection as an error, not a timeout', async () => {
    const url = receiver.url;
    await receiver.close();
    const outcome = await exchange(
      agent,
      { origin: url, path: '/', method: 'POST', body: 'x' },
      5_000,
      4096,
    );
    expect(outcome).toMatchObject({ ok: false, timedOut: false });
    if (!outcome.ok) expect((outcome.error as { code?: string }).code).toBe('ECONNREFUSED');
  });
});
