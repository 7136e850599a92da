import { describe, expect, it } from 'vitest';
import { healthyRecord, type HealthTransition } from './endpoint-health.js';
import { operationalEventsOf, type ExhaustedFacts } from './operational-events.js';

const T0 = Date.UTC(2026, 0, 15, 9);
const OPS = 'app_ops';
const endpoints = new Map([
  ['ep_a', { appId: 'app_a', url: 'https://a.example/hook' }],
  ['ep_ops', { appId: OPS, url: 'https://ops.example/hook' }],
]);

function transition(endpointId: string, before: number, after: number, success = false) {
  const appId = endpoints.get(endpointId)!.appId;
  const base = healthyRecord(appId, endpointId);
  return {
    before: { ...base, consecutiveFailures: before, failingSince: before > 0 ? T0 : null },
    after: {
      ...base,
      consecutiveFailures: after,
      failingSince: after > 0 ? T0 : null,
      lastSuccessAt: success ? T0 + 5000 : null,
    },
  } satisfies HealthTransition;
}

const failed = (endpointId: string, status: number): ExhaustedFacts => ({
  deliveryId: 7,
  endpointId,
  outcome: 'failed',
  attempt: { appId: 'x', messageId: 'msg_1', at: T0, statusCode: status, errorMessage: 'HTTP x' },
});

describe('operationalEventsOf', () => {
  it('failing once the threshold is crossed, recovered at the next success, never below it', () => {
    const events = (health: HealthTransition[]) =>
      operationalEventsOf({ results: [], health, disabled: [] }, endpoints, 3, OPS).map(
        (e) => e.eventType,
      );
    expect(events([transition('ep_a', 1, 2)])).toEqual([]);
    expect(events([transition('ep_a', 2, 3)])).toEqual(['endpoint.failing']);
    expect(events([transition('ep_a', 3, 4)])).toEqual([]); // once per spell
    expect(events([transition('ep_a', 4, 0, true)])).toEqual(['endpoint.recovered']);
    expect(events([transition('ep_a', 2, 0, true)])).toEqual([]); // it never was failing
  });

  it('exhausted for a failed result with an attempt, not for a 410 (held) one', () => {
    const out = operationalEventsOf(
      { results: [failed('ep_a', 500), failed('ep_a', 410)], health: [], disabled: [] },
      endpoints,
      3,
      OPS,
    );
    expect(out).toEqual([
      {
        eventType: 'message.attempt.exhausted',
        payload: {
          appId: 'app_a',
          endpointId: 'ep_a',
          url: 'https://a.example/hook',
          messageId: 'msg_1',
          deliveryId: 7,
          lastStatus: 500,
          lastError: 'HTTP x',
          at: new Date(T0).toISOString(),
        },
      },
    ]);
  });

  it('says nothing about the operational app’s own endpoints', () => {
    const out = operationalEventsOf(
      {
        results: [failed('ep_ops', 500)],
        health: [transition('ep_ops', 2, 3)],
        disabled: [{ appId: OPS, endpointId: 'ep_ops', reason: 'gone', at: T0 }],
      },
      endpoints,
      3,
      OPS,
    );
    expect(out).toEqual([]);
  });
});
