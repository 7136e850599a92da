import { pino } from 'pino';
import { afterAll, afterEach, beforeEach, expect, it } from 'vitest';
import { DEFAULT_DISPATCHER_OPTIONS, Dispatcher } from '../../src/delivery/dispatcher.js';
import { HttpSender } from '../../src/delivery/http-sender.js';
import {
  createTenant,
  noJitter,
  removeDataDirs,
  sendMessage,
  startHookline,
  type TestHookline,
} from '../helpers/hookline-app.js';
import { startReceiver, type Receiver } from '../helpers/receiver.js';

/**
 * Results that linger to share a write (result-writer.ts) must not hold back what waits on them.
 * The linger here is ten minutes: a result that lingered would outlast the test's time limit.
 */
let receiver: Receiver;
let h: TestHookline;
beforeEach(async () => {
  receiver = await startReceiver();
  h = await startHookline();
});
afterEach(async () => {
  await h.close();
  await receiver.close();
});
afterAll(removeDataDirs);

it('a serial endpoint’s result does not linger: the next in line goes once it is committed', async () => {
  const t = await createTenant(h, { url: receiver.url, ordering: 'serial' });
  const ids = [
    await sendMessage(h, t.appId, { n: 1 }),
    await sendMessage(h, t.appId, { n: 2 }),
    await sendMessage(h, t.appId, { n: 3 }),
  ];
  const sender = new HttpSender({ egress: 'public-and-loopback' });
  const dispatcher = new Dispatcher(h.app.store, sender, h.clock, pino({ level: 'silent' }), {
    ...DEFAULT_DISPATCHER_OPTIONS,
    random: noJitter,
    resultLingerMs: 600_000,
  });
  try {
    expect(await dispatcher.drainDue()).toBe(3);
  } finally {
    await sender.close();
  }
  expect(receiver.requests.map((r) => r.headers['webhook-id'])).toEqual(ids);
});
