import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type * as HarnessCostModule from '../../bench/harness-cost.js';
import type * as ReceiverModule from '../../bench/receiver-client.js';
import { ensureBuilt, ROOT } from '../helpers/built-dist.js';

// The probe forks compiled children (the bare API and sender, the producer, the receiver), so this
// drives the built modules (dist/bench). Figures vary with the machine: only their kind is
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
      const cost = await measureHarnessCost(receiver, {
        seconds: 0.5,
        repeat: 2,
        openRate: 2_000,
      });
      for (const [key, value] of Object.entries(cost)) {
        expect(Number.isFinite(value), key).toBe(true);
        expect(value, key).toBeGreaterThan(0);
      }
      expect(Object.keys(cost).sort()).toEqual(
        [
          'apiFloorUs',
          'deliverPerSecond',
          'ingestPerSecond',
          'openPerSecond',
          'producerClosedUs',
          'producerOpenUs',
          'receiverUs',
          'senderFloorUs',
        ].sort(),
      );
      // The posts reached the receiver, each under a webhook-id of its own that it recorded, as in
      // the sweep.
      const stats = await receiver.stats();
      expect(stats.ok).toBeGreaterThanOrEqual(2_000);
      expect(stats.distinctKeys).toBe(stats.ok);
    } finally {
      await receiver.close();
    }
  }, 120_000);
});
