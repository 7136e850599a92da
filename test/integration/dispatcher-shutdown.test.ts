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

describe('dispatcher shutdown', () => {
  it('gives back the claims still waiting for a connection before waiting for the sends in flight', async () => {
    receiver = await startReceiver({ kind: 'hang' });
    // One connection per origin: the first delivery holds it, the others wait for it.
    h = await startHookline({
      sender: new HttpSender({ egress: 'public-and-loopback', connectionsPerOrigin: 1 }),
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
    let claimed = 0;
    const allClaimed = h.awaitNext('claimed', (e) => (claimed += e.deliveries.length) === 3, {
      what: 'claiming all three',
    });
    h.dispatcher.start();
    await allClaimed;
    await receiver.waitFor(1); // one send in flight
    expect(await states()).toEqual(['delivering', 'delivering', 'delivering']);

    let released = 0;
    const waitingReleased = h.awaitNext(
      'released',
      (e) => e.reason === 'shutdown' && (released += e.releases.length) === 2,
      { what: 'releasing the two claims waiting for a connection' },
    );
    const stopping = h.dispatcher.stop();
    // The two that never started are released while the first is still in flight.
    await waitingReleased;
    expect(await states()).toEqual(['delivering', 'pending', 'pending']);
    expect(receiver.requests).toHaveLength(1);

    await receiver.close(); // ends the hanging request: its result is committed, then stop() returns
    await stopping;
    expect(await states()).toEqual(['pending', 'pending', 'pending']);
  });
});
