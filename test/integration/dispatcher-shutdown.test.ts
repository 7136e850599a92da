import { afterEach, describe, expect, it } from 'vitest';
import { HttpSender } from '../../src/delivery/http-sender.js';
import {
  createTenant,
  removeDataDirs,
  sendMessage,
  startHookline,
  type TestHookline,
} from '../helpers/hookline-app.js';
import { startReceiver, type Receiver } from '../helpers/receiver.js';

let h: TestHookline | undefined;
let receiver: Receiver | undefined;
afterEach(async () => {
  await receiver?.close();
  await h?.close();
  removeDataDirs();
});

async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  // Polls; the bound only turns a hang into a failure that says what did not happen.
  for (let i = 0; i < 400; i++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`never happened: ${what}`);
}

describe('dispatcher shutdown', () => {
  it('gives back the claims still waiting for a connection before waiting for the sends in flight', async () => {
    receiver = await startReceiver({ kind: 'hang' });
    // One connection per origin: the first delivery holds it, the others wait for it.
    h = await startHookline({
      sender: new HttpSender({ egress: 'private', connectionsPerOrigin: 1 }),
    });
    const t = await createTenant(h, { url: receiver.url });
    for (let i = 0; i < 3; i++) await sendMessage(h, t.appId, { n: i });
    const states = async () =>
      (
        (await h!.api('GET', `/api/v1/apps/${t.appId}/deliveries`)).body.data as Array<{
          state: string;
        }>
      )
        .map((d) => d.state)
        .sort();
    h.dispatcher.start();
    await until(
      async () =>
        receiver!.requests.length === 1 && (await states()).every((s) => s === 'delivering'),
      'one send in flight, all claimed',
    );

    const stopping = h.dispatcher.stop();
    // The two that never started are released while the first is still in flight.
    await until(
      async () =>
        JSON.stringify(await states()) === JSON.stringify(['delivering', 'pending', 'pending']),
      'the waiting claims released',
    );
    expect(receiver.requests).toHaveLength(1);

    await receiver.close(); // ends the hanging request: its result is committed, then stop() returns
    await stopping;
    expect(await states()).toEqual(['pending', 'pending', 'pending']);
  });
});
