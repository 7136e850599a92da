import { expect, it } from 'vitest';
import { createApp, createEndpoint, endpointRecord, T0 } from '../fixtures.js';
import type { SuiteContext } from '../suite.js';

export function endpointCases({ store }: SuiteContext): void {
  it('round-trips every field', async () => {
    const app = await createApp(store());
    const endpoint = endpointRecord(app.id, {
      url: 'https://example.test/hooks?x=1',
      description: 'orders ✓',
      filterTypes: ['message.delivered', 'user.*'],
      secrets: [
        { secret: 'whsec_old', createdAt: T0, expiresAt: T0 + 1000 },
        { secret: 'whsec_new', createdAt: T0 + 1, expiresAt: null },
      ],
      headers: { 'x-tenant': 'acme', 'x-b': 'b' },
      timeoutMs: 2500,
      retryPolicy: { preset: 'custom', waitsMs: [1000, 5000] },
      ordering: 'serial',
      maxConcurrency: 3,
      rateLimit: 0.5,
      format: 'compose',
      formatOptions: { template: '{"t":"{{type}}"}', nested: { n: 1, list: [1, 'two'] } },
      metadata: { team: 'core' },
    });
    expect(await store().createEndpoint(endpoint)).toEqual(endpoint);
    expect(await store().getEndpoint(app.id, endpoint.id)).toEqual(endpoint);
    expect(await store().getEndpointsByIds([endpoint.id, 'ep_unknown'])).toEqual([endpoint]);
  });

  it('keeps a null filter (every event type) apart from an empty one', async () => {
    const app = await createApp(store());
    const all = await createEndpoint(store(), app.id, { filterTypes: null });
    const none = await createEndpoint(store(), app.id, { filterTypes: [] });
    expect((await store().getEndpoint(app.id, all.id))?.filterTypes).toBeNull();
    expect((await store().getEndpoint(app.id, none.id))?.filterTypes).toEqual([]);
  });

  it('reads several endpoints by id in one call', async () => {
    const app = await createApp(store());
    const a = await createEndpoint(store(), app.id);
    const b = await createEndpoint(store(), app.id);
    const found = await store().getEndpointsByIds([a.id, b.id, 'ep_missing']);
    expect(found.map((e) => e.id).sort()).toEqual([a.id, b.id].sort());
    expect(await store().getEndpointsByIds([])).toEqual([]);
  });

  it('replaces every mutable field on update', async () => {
    const app = await createApp(store());
    const endpoint = await createEndpoint(store(), app.id);
    const updated = {
      ...endpoint,
      url: 'http://127.0.0.1:1/other',
      description: 'd',
      disabled: true,
      filterTypes: ['a.b'],
      secrets: [],
      headers: { h: 'v' },
      timeoutMs: 100,
      retryPolicy: { preset: 'single' as const },
      ordering: 'serial' as const,
      maxConcurrency: 1,
      rateLimit: 10,
      format: 'viber',
      formatOptions: { x: true },
      metadata: { m: 'n' },
      updatedAt: T0 + 9,
    };
    // Switched off by hand: why and when follow from the switch, whatever the caller passed.
    const stored = { ...updated, disabledReason: 'manual' as const, disabledAt: T0 + 9 };
    expect(await store().updateEndpoint({ ...updated, disabledReason: 'gone' })).toEqual(stored);
    expect(await store().getEndpoint(app.id, endpoint.id)).toEqual(stored);
    const enabled = { ...stored, disabled: false, updatedAt: T0 + 10 };
    expect(await store().updateEndpoint(enabled)).toEqual({
      ...enabled,
      disabledReason: null,
      disabledAt: null,
    });
  });

  it('answers null when updating an unknown endpoint', async () => {
    const app = await createApp(store());
    expect(await store().updateEndpoint(endpointRecord(app.id))).toBeNull();
  });

  it('lists the app endpoints newest first', async () => {
    const app = await createApp(store());
    const a = await createEndpoint(store(), app.id);
    const b = await createEndpoint(store(), app.id);
    const page = await store().listEndpoints(app.id, { limit: 10, cursor: null });
    expect(page).toEqual({ data: [b, a], nextCursor: null });
  });

  it('deletes an endpoint once', async () => {
    const app = await createApp(store());
    const endpoint = await createEndpoint(store(), app.id);
    expect(await store().deleteEndpoint(app.id, endpoint.id)).toBe(true);
    expect(await store().getEndpoint(app.id, endpoint.id)).toBeNull();
    expect(await store().deleteEndpoint(app.id, endpoint.id)).toBe(false);
  });
}
