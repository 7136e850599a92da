import { expect, it } from 'vitest';
import { ERROR_KINDS } from '../../../src/domain/types.js';
import type { AttemptResult } from '../../../src/store/store.js';
import {
  attemptOf,
  claim,
  createApp,
  createEndpoint,
  record,
  resultOf,
  send,
  T0,
} from '../fixtures.js';
import type { SuiteContext } from '../suite.js';

export function resultCases({ store }: SuiteContext): void {
  async function claimed(n = 1) {
    const app = await createApp(store());
    const ep = await createEndpoint(store(), app.id);
    for (let i = 0; i < n; i++) await send(store(), app.id);
    return { app, ep, claims: await claim(store(), T0) };
  }
  const attemptsOf = async (appId: string, deliveryId: number) =>
    (await store().listAttempts(appId, { deliveryId }, { limit: 100, cursor: null })).data;

  it('a success finishes the delivery and keeps the attempt', async () => {
    const {
      app,
      claims: [c],
    } = await claimed();
    const attempt = attemptOf(c, T0 + 10, {
      durationMs: 87,
      statusCode: 204,
      responseHeaders: { 'x-request-id': 'r1', server: 'test' },
      responseBody: '',
    });
    await store().recordAttempts(
      [
        {
          deliveryId: c.delivery.id,
          endpointId: c.delivery.endpointId,
          leaseToken: c.leaseToken,
          attempt,
          outcome: 'succeeded',
          nextAttemptAt: null,
        },
      ],
      T0 + 11,
    );
    expect(await store().getDelivery(app.id, c.delivery.id)).toMatchObject({
      state: 'succeeded',
      attempts: 1,
      nextAttemptAt: null,
      leaseUntil: null,
      lastStatus: 204,
      lastError: null,
      updatedAt: T0 + 11,
    });
    const [stored] = await attemptsOf(app.id, c.delivery.id);
    expect(stored).toEqual({ ...attempt, id: expect.any(Number) });
  });

  it('a retry puts the delivery back, due at the given time', async () => {
    const {
      app,
      claims: [c],
    } = await claimed();
    await record(store(), c, 'retry', T0 + 10, T0 + 5000);
    expect(await store().getDelivery(app.id, c.delivery.id)).toMatchObject({
      state: 'pending',
      attempts: 1,
      nextAttemptAt: T0 + 5000,
      leaseUntil: null,
      lastStatus: 500,
      lastError: 'HTTP 500',
    });
    expect(await claim(store(), T0 + 4999)).toEqual([]);
    const [again] = await claim(store(), T0 + 5000);
    expect(again.delivery).toMatchObject({ id: c.delivery.id, attempts: 1 });
    await record(store(), again, 'succeeded', T0 + 5001);
    expect(await store().getDelivery(app.id, c.delivery.id)).toMatchObject({
      state: 'succeeded',
      attempts: 2,
      lastError: null,
    });
    expect((await attemptsOf(app.id, c.delivery.id)).map((a) => a.statusCode)).toEqual([200, 500]);
  });

  it('a failure is final', async () => {
    const {
      app,
      claims: [c],
    } = await claimed();
    await store().recordAttempts(
      [
        {
          ...resultOf(c, 'failed', T0 + 10),
          attempt: attemptOf(c, T0 + 10, {
            statusCode: null,
            responseBody: '',
            errorKind: 'timeout',
            errorMessage: 'timed out after 2000 ms',
          }),
        },
      ],
      T0 + 10,
    );
    expect(await store().getDelivery(app.id, c.delivery.id)).toMatchObject({
      state: 'failed',
      attempts: 1,
      nextAttemptAt: null,
      leaseUntil: null,
      lastStatus: null,
      lastError: 'timed out after 2000 ms',
    });
    const [a] = await attemptsOf(app.id, c.delivery.id);
    expect(a).toMatchObject({ errorKind: 'timeout', statusCode: null });
  });

  it('keeps every error kind, blocked (egress refusal) included', async () => {
    const { app, claims } = await claimed(ERROR_KINDS.length);
    await store().recordAttempts(
      claims.map((c, i) => ({
        ...resultOf(c, 'retry', T0 + 10, T0 + 99),
        attempt: attemptOf(c, T0 + 10, {
          statusCode: ERROR_KINDS[i] === 'status' ? 500 : null,
          errorKind: ERROR_KINDS[i],
          errorMessage: `failed: ${ERROR_KINDS[i]}`,
        }),
      })),
      T0 + 10,
    );
    const kinds = await Promise.all(
      claims.map(async (c) => (await attemptsOf(app.id, c.delivery.id))[0]?.errorKind),
    );
    expect(kinds).toEqual([...ERROR_KINDS]);
    expect(kinds).toContain('blocked');
  });

  it('a result without an attempt (nothing sent) finishes the delivery without an attempt row', async () => {
    const {
      app,
      claims: [c],
    } = await claimed();
    await store().recordAttempts([{ ...resultOf(c, 'succeeded', T0), attempt: null }], T0 + 3);
    expect(await store().getDelivery(app.id, c.delivery.id)).toMatchObject({
      state: 'succeeded',
      leaseUntil: null,
    });
    expect(await attemptsOf(app.id, c.delivery.id)).toEqual([]);
  });

  it('writes many results of mixed outcomes in one call', async () => {
    const { app, claims } = await claimed(6);
    const outcomes = ['succeeded', 'retry', 'failed', 'succeeded', 'retry', 'failed'] as const;
    const results: AttemptResult[] = claims.map((c, i) =>
      resultOf(c, outcomes[i], T0 + 10, T0 + 99),
    );
    await store().recordAttempts(results, T0 + 10);
    const states = await Promise.all(
      claims.map(async (c) => (await store().getDelivery(app.id, c.delivery.id))?.state),
    );
    expect(states).toEqual(['succeeded', 'pending', 'failed', 'succeeded', 'pending', 'failed']);
    expect(
      (await store().listAttempts(app.id, {}, { limit: 100, cursor: null })).data,
    ).toHaveLength(6);
    expect(await store().recordAttempts([], T0 + 11)).toEqual({
      health: [],
      disabled: [],
      operational: 0,
    });
  });

  it('writes a large batch in order: every attempt kept, each lease applied once, the serial head moves on', async () => {
    const app = await createApp(store());
    const parallel = await createEndpoint(store(), app.id);
    const serial = await createEndpoint(store(), app.id, { ordering: 'serial' });
    for (let i = 0; i < 150; i++)
      await send(store(), app.id, { endpointId: parallel.id, createdAt: T0 + i });
    for (let i = 0; i < 3; i++)
      await send(store(), app.id, { endpointId: serial.id, createdAt: T0 + i });
    const claims = await claim(store(), T0 + 1000);
    expect(claims).toHaveLength(151);
    const outcomes = ['succeeded', 'retry', 'failed'] as const;
    const expected = claims.map((c, i) =>
      c.delivery.endpointId === serial.id ? 'succeeded' : outcomes[i % 3],
    );
    const results = claims.map((c, i) => resultOf(c, expected[i], T0 + 2000 + i, T0 + 9000));
    const stale = { ...resultOf(claims[0], 'failed', T0 + 3000), leaseToken: 'stale' };
    await store().recordAttempts([...results, stale], T0 + 5000);

    const states = await Promise.all(
      claims.map(async (c) => (await store().getDelivery(app.id, c.delivery.id))!),
    );
    expect(states.map((d) => d.state)).toEqual(
      expected.map((o) => (o === 'retry' ? 'pending' : o)),
    );
    expect(states.every((d) => d.attempts === 1)).toBe(true);
    expect(
      states.filter((d) => d.state === 'pending').every((d) => d.nextAttemptAt === T0 + 9000),
    ).toBe(true);
    const attempts = await store().listAttempts(app.id, {}, { limit: 500, cursor: null });
    expect(attempts.data.map((a) => a.at).reverse()).toEqual(
      [...results, stale].map((r) => r.attempt!.at),
    );
    const due = (await claim(store(), T0 + 5000)).map((c) => c.delivery);
    expect(due).toHaveLength(1);
    expect(due[0]).toMatchObject({ endpointId: serial.id, attempts: 0 });
  });

  it('drops the result of a delivery deleted meanwhile', async () => {
    const {
      app,
      ep,
      claims: [c],
    } = await claimed();
    await store().deleteEndpoint(app.id, ep.id);
    await expect(
      store().recordAttempts([resultOf(c, 'succeeded', T0 + 1)], T0 + 1),
    ).resolves.toEqual({ health: [], disabled: [], operational: 0 });
    expect((await store().listAttempts(app.id, {}, { limit: 10, cursor: null })).data).toEqual([]);
  });

  it('stores any response body, even one with NUL characters', async () => {
    const {
      app,
      claims: [c],
    } = await claimed();
    await store().recordAttempts(
      [
        {
          ...resultOf(c, 'succeeded', T0),
          attempt: attemptOf(c, T0, { responseBody: 'before\u0000after ✓' }),
        },
      ],
      T0,
    );
    const [a] = await attemptsOf(app.id, c.delivery.id);
    expect(a.responseBody.startsWith('before')).toBe(true);
    expect(a.responseBody.endsWith('after ✓')).toBe(true);
  });

  it('keeps test attempts apart from real ones', async () => {
    const {
      app,
      ep,
      claims: [c],
    } = await claimed();
    await record(store(), c, 'succeeded', T0 + 1);
    const test = await store().insertAttempt({
      ...attemptOf(c, T0 + 2),
      deliveryId: null,
      endpointId: ep.id,
      test: true,
      statusCode: 202,
    });
    expect(test.id).toEqual(expect.any(Number));
    const real = await store().listAttempts(app.id, {}, { limit: 10, cursor: null });
    expect(real.data.map((a) => a.test)).toEqual([false]);
    const tests = await store().listAttempts(app.id, { test: true }, { limit: 10, cursor: null });
    expect(tests.data).toEqual([test]);
  });
}
