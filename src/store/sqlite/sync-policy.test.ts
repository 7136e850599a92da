import { describe, expect, it } from 'vitest';
import { STORE_WRITES } from '../store-methods.js';
import { answersBeforeSync } from './sync-policy.js';
import type { WorkerCall } from './worker-protocol.js';

const call = (target: WorkerCall['target'], method: string) =>
  ({ id: 1, args: [], target, method }) as WorkerCall;

describe('which answers wait for the WAL sync', () => {
  it('answers leases and results at once: a delivery never waits for the disk', () => {
    for (const method of ['claimDue', 'recordAttempts', 'releaseDeliveries', 'wakeParkedClaims'])
      expect(answersBeforeSync(call('store', method)), method).toBe(true);
  });

  it('makes every write a caller is told about wait: messages, configuration, deletions', () => {
    const waiting = STORE_WRITES.filter((method) => !answersBeforeSync(call('store', method)));
    expect(waiting).toEqual(
      expect.arrayContaining([
        'insertMessage',
        'createApp',
        'updateEndpoint',
        'deleteApp',
        'replayMessage',
        'purgeMessages',
      ]),
    );
    expect(answersBeforeSync(call('store', 'migrate'))).toBe(false);
    expect(answersBeforeSync(call('bins', 'insertRequest'))).toBe(false);
    expect(answersBeforeSync(call('portal', 'createSession'))).toBe(false);
  });
});
