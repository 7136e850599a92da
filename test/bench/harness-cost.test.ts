import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type * as HarnessCostModule from '../../bench/harness-cost.js';
import type * as ReceiverModule from '../../bench/receiver-client.js';
import { ensureBuilt, ROOT } from '../helpers/built-dist.js';

// The probe forks compiled children (the simplest API, the producer, undici, the receiver), so
// this drives the built modules (dist/bench). Figures vary with the machine: only their kind is
// checked, never a time.
const built = <T>(path: string) =>
  import(pathToFileURL(join(ROOT, 'dist', path)).href) as Promise<T>;

beforeAll(() => ensureBuilt(), 180_000);

describe('the harness cost probe', () => {
  it('charges CPU to each of its processes, per message, over real posts on 127.0.0.1', async () => {
    const { measureHarnessCost } = await built<typeof HarnessCostModule>('bench/harness-cost.js');
    const { Receiver } = await built<typeof ReceiverModule>('bench/receiver-client.js');
    const receiver = await Receiver.start();
    try {
      const cost = await measureHarnessCost(receiver, { seconds: 0.5, repeat: 1 });
      for (const key of [
        'producerUs',
        'apiFloorUs',
        'senderFloorUs',
        'receiverUs',
        'ingestPerSecond',
        'deliverPerSecond',
      ] as const) {
        expect(Number.isFinite(cost[key]), key).toBe(true);
        expect(cost[key], key).toBeGreaterThan(0);
      }
      // The receiver really answered the undici posts (warm-up, then the measured run).
      expect((await receiver.stats()).ok).toBeGreaterThanOrEqual(4_000);
    } finally {
      await receiver.close();
    }
  }, 120_000);
});
