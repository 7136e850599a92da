import { canonicalEvent } from '../../src/domain/events/catalog.js';
import type { App, Endpoint, Message } from '../../src/domain/types.js';
import type { RenderInput } from '../../src/formats/format.js';
import { stringifyJson } from '../../src/lib/json.js';

/** Fixed inputs for byte-exact format fixtures: one app, one endpoint, one message per event. */
export const FIXTURE_NOW = Date.UTC(2026, 0, 15, 9, 31, 5, 0);
export const VIBER_TOKEN = '445da6az1s345z78-dazcczb2542zv51a-e0vc5fva17480im9';
export const ENDPOINT_SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';

export const fixtureApp: App = {
  id: 'app_01JHX0000000000000000000AP',
  name: 'Shop',
  metadata: {},
  uid: null,
  apiKeyHash: 'x',
  viberAuthToken: VIBER_TOKEN,
  instanceSettings: {},
  createdAt: FIXTURE_NOW,
  updatedAt: FIXTURE_NOW,
};

export function fixtureEndpoint(overrides: Partial<Endpoint> = {}): Endpoint {
  return {
    id: 'ep_01JHX0000000000000000000EP',
    appId: fixtureApp.id,
    uid: null,
    url: 'https://hooks.example.com/inbound?tenant=7',
    description: '',
    disabled: false,
    disabledReason: null,
    disabledAt: null,
    filterTypes: null,
    secrets: [{ secret: ENDPOINT_SECRET, createdAt: FIXTURE_NOW - 1000, expiresAt: null }],
    headers: {},
    timeoutMs: null,
    retryPolicy: { preset: 'exponential' },
    ordering: 'parallel',
    orderingKeyPath: null,
    filter: null,
    propagateTraceContext: true,
    maxConcurrency: 10,
    rateLimit: null,
    format: 'standard',
    formatOptions: {},
    metadata: {},
    verification: null,
    createdAt: FIXTURE_NOW,
    updatedAt: FIXTURE_NOW,
    ...overrides,
  };
}

export function fixtureMessage(eventType: string, payload: string | unknown): Message {
  return {
    id: 'msg_01JHX0000000000000000000MS',
    appId: fixtureApp.id,
    eventType,
    payload: typeof payload === 'string' ? payload : stringifyJson(payload),
    idempotencyKey: null,
    endpointId: null,
    orderingKey: null,
    createdAt: FIXTURE_NOW - 5000,
  };
}

/** The catalog sample of `eventType`, with `changes` merged over its top level. */
export function sampleOf(
  eventType: string,
  changes: Record<string, unknown> = {},
): Record<string, unknown> {
  const sample = canonicalEvent(eventType)?.sample as Record<string, unknown> | undefined;
  if (!sample) throw new Error(`no sample for ${eventType}`);
  return { ...sample, ...changes };
}

export function renderInput(
  eventType: string,
  payload: unknown,
  endpoint: Partial<Endpoint> = {},
  app: App = fixtureApp,
): RenderInput {
  return {
    message: fixtureMessage(eventType, payload),
    endpoint: fixtureEndpoint(endpoint),
    app,
    now: FIXTURE_NOW,
  };
}
