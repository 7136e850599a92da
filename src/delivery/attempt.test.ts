import { pino } from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  ENDPOINT_SECRET,
  fixtureApp,
  fixtureEndpoint,
  fixtureMessage,
} from '../../test/helpers/format-fixture.js';
import { closedPort } from '../../test/helpers/free-port.js';
import { startReceiver, status, type Receiver } from '../../test/helpers/receiver.js';
import { signedBy } from '../../test/helpers/signatures.js';
import { STANDARD_WAITS_MS } from '../domain/retry-policy.js';
import type { Endpoint, Message } from '../domain/types.js';
import { FakeClock } from '../lib/clock.js';
import type { ClaimedDelivery } from '../store/store.js';
import { runAttempt, type AttemptDeps } from './attempt.js';
import { HttpSender } from './http-sender.js';

// One attempt, without a store: a real sender POSTing to a real receiver on 127.0.0.1.
const NOW = Date.UTC(2026, 0, 15, 9, 31, 5);
const LEASE_MS = 120_000;

let receiver: Receiver;
let sender: HttpSender;
let deps: AttemptDeps;
beforeAll(async () => {
  receiver = await startReceiver();
  sender = new HttpSender({ egress: 'public-and-loopback' });
  deps = {
    sender,
    clock: new FakeClock(NOW),
    logger: pino({ level: 'silent' }),
    random: () => 0.5, // jitter factor exactly 1
  };
});
afterEach(() => {
  receiver.requests.length = 0;
});
afterAll(async () => {
  await sender.close();
  await receiver.close();
});

function endpoint(overrides: Partial<Endpoint> = {}): Endpoint {
  return fixtureEndpoint({
    url: `${receiver.url}/hook`,
    retryPolicy: { preset: 'standard' },
    ...overrides,
  });
}

function claimOf(
  message: Message,
  options: { attempts?: number; leaseUntil?: number | null } = {},
): ClaimedDelivery {
  return {
    delivery: {
      id: 42,
      appId: fixtureApp.id,
      messageId: message.id,
      endpointId: fixtureEndpoint().id,
      state: 'delivering',
      attempts: options.attempts ?? 0,
      nextAttemptAt: NOW,
      leaseUntil: options.leaseUntil === undefined ? NOW + LEASE_MS : options.leaseUntil,
      lastStatus: null,
      lastError: null,
      createdAt: NOW - 1000,
      updatedAt: NOW,
    },
    message,
    leaseToken: 'lease-1',
  };
}

/** Which delivery and claim a result is for. */
const ids = { deliveryId: 42, endpointId: fixtureEndpoint().id, leaseToken: 'lease-1' };
const delivered = fixtureMessage('message.delivered', { id: 'm1' });

describe('one attempt (render, sign, send, decide)', () => {
  it('succeeds on a 2xx: the signed request was sent and the attempt is kept', async () => {
    const step = await runAttempt(deps, claimOf(delivered), endpoint(), fixtureApp);

    expect(receiver.requests).toHaveLength(1);
    const [request] = receiver.requests;
    expect(request.url).toBe('/hook');
    expect(request.headers['webhook-id']).toBe(delivered.id);
    expect(signedBy(ENDPOINT_SECRET, request)).toBe(true);
    expect(step).toEqual({
      kind: 'result',
      result: {
        ...ids,
        outcome: 'succeeded',
        nextAttemptAt: null,
        attempt: expect.objectContaining({
          deliveryId: 42,
          messageId: delivered.id,
          at: NOW,
          statusCode: 200,
          responseBody: 'ok',
          errorKind: null,
          errorMessage: null,
          test: false,
        }),
      },
    });
  });

  it('schedules a retry, honouring Retry-After when it asks for longer than the policy', async () => {
    receiver.script(status(503, { 'retry-after': '120' }, 'busy'));
    const step = await runAttempt(deps, claimOf(delivered), endpoint(), fixtureApp);

    expect(step.kind === 'result' && step.result).toMatchObject({
      outcome: 'retry',
      nextAttemptAt: NOW + 120_000, // the policy alone says 5 s after the first attempt
      attempt: { statusCode: 503, errorKind: 'status', responseBody: 'busy' },
    });
  });

  it('schedules a retry on the policy when the receiver cannot be reached', async () => {
    const port = await closedPort();
    const step = await runAttempt(
      deps,
      claimOf(delivered, { attempts: 1 }),
      endpoint({ url: `http://127.0.0.1:${port}/hook` }),
      fixtureApp,
    );

    expect(step.kind === 'result' && step.result).toMatchObject({
      outcome: 'retry',
      nextAttemptAt: NOW + STANDARD_WAITS_MS[1],
      attempt: { statusCode: null, errorKind: 'connection' },
    });
  });

  it('fails for good after the last attempt the policy allows', async () => {
    receiver.script(status(500));
    const lastAttempt = STANDARD_WAITS_MS.length; // attempts made before: all but the last
    const step = await runAttempt(
      deps,
      claimOf(delivered, { attempts: lastAttempt }),
      endpoint(),
      fixtureApp,
    );

    expect(receiver.requests).toHaveLength(1);
    expect(step.kind === 'result' && step.result).toMatchObject({
      outcome: 'failed',
      nextAttemptAt: null,
      attempt: {
        statusCode: 500,
        errorKind: 'status',
        errorMessage: 'receiver answered HTTP 500',
      },
    });
  });

  it('fails visibly, without sending, a message its format cannot render', async () => {
    const broken = fixtureMessage('message.status', '{"not":"a status"}');
    const step = await runAttempt(deps, claimOf(broken), endpoint({ format: 'viber' }), fixtureApp);

    expect(receiver.requests).toHaveLength(0);
    expect(step).toEqual({
      kind: 'result',
      result: {
        ...ids,
        attempt: null,
        outcome: 'failed',
        nextAttemptAt: null,
        note: expect.stringMatching(/^payload does not match the message\.status schema/),
      },
    });
  });

  it('counts as delivered, without sending, an event the format does not send', async () => {
    const custom = fixtureMessage('order.shipped', { id: 'o1' }); // no Viber callback for it
    const step = await runAttempt(deps, claimOf(custom), endpoint({ format: 'viber' }), fixtureApp);

    expect(receiver.requests).toHaveLength(0);
    expect(step).toEqual({
      kind: 'result',
      result: {
        ...ids,
        attempt: null,
        outcome: 'succeeded',
        nextAttemptAt: null,
      },
    });
  });

  it('gives the claim back, unsent, when its lease could lapse before the timeout', async () => {
    const withLeaseUntil = (leaseUntil: number) =>
      runAttempt(
        deps,
        claimOf(delivered, { leaseUntil }),
        endpoint({ timeoutMs: 15_000 }),
        fixtureApp,
      );

    expect(await withLeaseUntil(NOW + 14_999)).toEqual({
      kind: 'release',
      release: { deliveryId: 42, leaseToken: 'lease-1', nextAttemptAt: NOW },
    });
    expect(receiver.requests).toHaveLength(0);
    // A lease that outlasts the timeout exactly is enough.
    const step = await withLeaseUntil(NOW + 15_000);
    expect(step.kind === 'result' && step.result.outcome).toBe('succeeded');
    expect(receiver.requests).toHaveLength(1);
  });

  it('fails, without sending, when the app or the format is gone', async () => {
    const noApp = await runAttempt(deps, claimOf(delivered), endpoint(), null);
    const noFormat = await runAttempt(
      deps,
      claimOf(delivered),
      endpoint({ format: 'carrier-pigeon' }),
      fixtureApp,
    );

    expect(receiver.requests).toHaveLength(0);
    expect(noApp.kind === 'result' && noApp.result).toMatchObject({
      outcome: 'failed',
      attempt: null,
      note: `app ${fixtureApp.id} not found`,
    });
    expect(noFormat.kind === 'result' && noFormat.result).toMatchObject({
      outcome: 'failed',
      attempt: null,
      note: 'unknown format carrier-pigeon',
    });
  });
});
