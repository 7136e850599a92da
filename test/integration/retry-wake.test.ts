import { afterEach, describe, expect, it } from 'vitest';
import {
  createTenant,
  removeDataDirs,
  sendMessage,
  startHookline,
  type TestHookline,
} from '../helpers/hookline-app.js';
import { startReceiver, status, type Receiver } from '../helpers/receiver.js';

let h: TestHookline | undefined;
let receiver: Receiver | undefined;
afterEach(async () => {
  await receiver?.close();
  await h?.close();
  h = undefined;
  removeDataDirs();
});

describe('a retry due sooner than the poll interval', () => {
  it('wakes the sleeping loop when it is due, not at the next poll', async () => {
    receiver = await startReceiver();
    receiver.script(status(500));
    // A poll (60 s, the longest allowed) far longer than the hang guard: only the retry's own due time can wake it.
    h = await startHookline({ config: { pollMs: 60_000 } });
    const t = await createTenant(h, {
      url: receiver.url,
      retryPolicy: { preset: 'custom', waitsMs: [20] },
    });
    const retry = h.awaitNext('committed', (e) => e.result.outcome === 'retry');
    h.dispatcher.start();
    await sendMessage(h, t.appId, { n: 1 });
    const { result } = await retry;
    const dueAt = result.nextAttemptAt!;
    expect(dueAt).toBe(h.clock.now() + 20);

    // The loop re-plans its sleep for the retry's due time.
    const replanned = h.awaitNext('idle', (e) => e.nextDueAt === dueAt);
    const succeeded = h.awaitNext('committed', (e) => e.result.outcome === 'succeeded');
    const { sleepMs } = await replanned;
    expect(sleepMs).toBeLessThanOrEqual(20);
    h.clock.advance(20); // the fake clock reaches the due time; the loop's timer fires on its own
    await succeeded;
    expect(receiver.requests).toHaveLength(2);
  });
});

describe('a serial endpoint', () => {
  it('sends the next in line as soon as the one before is done, not at the next poll', async () => {
    receiver = await startReceiver();
    h = await startHookline({ config: { pollMs: 60_000 } });
    const t = await createTenant(h, { url: receiver.url, ordering: 'serial' });
    let done = 0;
    const allThree = h.awaitNext('committed', () => ++done === 3);
    h.dispatcher.start();
    const sent: string[] = [];
    for (let i = 0; i < 3; i++) sent.push(await sendMessage(h, t.appId, { i }));
    await allThree;
    expect(receiver.requests.map((r) => r.headers['webhook-id'])).toEqual(sent);
  });
});
