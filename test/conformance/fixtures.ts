import type { App, Attempt, Delivery, Endpoint } from '../../src/domain/types.js';
import { newId } from '../../src/lib/ids.js';
import type {
  AttemptOutcome,
  AttemptResult,
  ClaimedDelivery,
  InsertMessageResult,
  NewMessage,
  RecoverRequest,
  Store,
} from '../../src/store/store.js';

/** Records and helpers shared by the conformance cases. Times are plain numbers: no clock needed. */

export const T0 = Date.UTC(2026, 0, 1);
export const LEASE_MS = 60_000;
export const WINDOW_MS = 24 * 60 * 60 * 1000;

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

export function appRecord(over: Partial<App> = {}): App {
  return {
    id: newId('app'),
    name: 'Acme',
    metadata: {},
    uid: null,
    apiKeyHash: `hash-${unique()}`,
    viberAuthToken: null,
    instanceSettings: {},
    createdAt: T0,
    updatedAt: T0,
    ...over,
  };
}

export function endpointRecord(appId: string, over: Partial<Endpoint> = {}): Endpoint {
  return {
    id: newId('ep'),
    appId,
    uid: null,
    url: 'http://127.0.0.1:9/hook',
    description: '',
    disabled: false,
    disabledReason: null,
    disabledAt: null,
    filterTypes: null,
    secrets: [{ secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', createdAt: T0, expiresAt: null }],
    headers: {},
    timeoutMs: null,
    retryPolicy: { preset: 'standard' },
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
    createdAt: T0,
    updatedAt: T0,
    ...over,
  };
}

export function messageRecord(appId: string, over: Partial<NewMessage> = {}): NewMessage {
  return {
    id: newId('msg'),
    appId,
    eventType: 'message.delivered',
    payload: '{"ok":true}',
    idempotencyKey: null,
    endpointId: null,
    orderingKey: null,
    createdAt: T0,
    ...over,
  };
}

export async function createApp(store: Store, over: Partial<App> = {}): Promise<App> {
  return store.createApp(appRecord(over));
}

export async function createEndpoint(
  store: Store,
  appId: string,
  over: Partial<Endpoint> = {},
): Promise<Endpoint> {
  return store.createEndpoint(endpointRecord(appId, over));
}

export async function send(
  store: Store,
  appId: string,
  over: Partial<NewMessage> = {},
  windowMs = WINDOW_MS,
): Promise<InsertMessageResult> {
  return store.insertMessage(messageRecord(appId, over), windowMs);
}

export async function claim(
  store: Store,
  now: number,
  limit = 1000,
  excludeEndpointIds?: string[],
  leaseMs = LEASE_MS,
): Promise<ClaimedDelivery[]> {
  return store.claimDue({ now, limit, leaseMs, excludeEndpointIds });
}

export function attemptOf(
  c: ClaimedDelivery,
  at: number,
  over: Partial<Omit<Attempt, 'id'>> = {},
): Omit<Attempt, 'id'> {
  return {
    appId: c.delivery.appId,
    deliveryId: c.delivery.id,
    messageId: c.message.id,
    endpointId: c.delivery.endpointId,
    at,
    durationMs: 12,
    statusCode: 200,
    responseHeaders: { 'content-type': 'text/plain' },
    requestHeaders: { 'webhook-id': 'msg_x', 'content-type': 'application/json' },
    responseBody: 'ok',
    errorKind: null,
    errorMessage: null,
    test: false,
    ...over,
  };
}

/** The result the dispatcher would write for a claim. */
export function resultOf(
  c: ClaimedDelivery,
  outcome: AttemptOutcome,
  at: number,
  nextAttemptAt: number | null = null,
): AttemptResult {
  const failedAttempt = {
    statusCode: 500,
    responseBody: 'boom',
    errorKind: 'status' as const,
    errorMessage: 'HTTP 500',
  };
  return {
    deliveryId: c.delivery.id,
    endpointId: c.delivery.endpointId,
    leaseToken: c.leaseToken,
    attempt: attemptOf(c, at, outcome === 'succeeded' ? {} : failedAttempt),
    outcome,
    nextAttemptAt: outcome === 'retry' ? (nextAttemptAt ?? at) : null,
  };
}

export async function record(
  store: Store,
  c: ClaimedDelivery,
  outcome: AttemptOutcome,
  at: number,
  next?: number,
) {
  await store.recordAttempts([resultOf(c, outcome, at, next ?? null)], at);
}

/** Every delivery of an app, oldest first. */
export async function allDeliveries(
  store: Store,
  appId: string,
  filter: Parameters<Store['listDeliveries']>[1] = {},
) {
  const out: Delivery[] = [];
  let cursor: string | null = null;
  do {
    const page = await store.listDeliveries(appId, filter, { limit: 100, cursor });
    out.push(...page.data);
    cursor = page.nextCursor;
  } while (cursor !== null);
  return out.reverse();
}

export async function deliveryOf(
  store: Store,
  appId: string,
  messageId: string,
  endpointId: string,
) {
  const [d] = await allDeliveries(store, appId, { messageId, endpointId });
  if (!d) throw new Error(`no delivery for ${messageId} -> ${endpointId}`);
  return d;
}

export const ids = (claims: ClaimedDelivery[]) =>
  claims.map((c) => c.delivery.id).sort((a, b) => a - b);

/** Recovers the endpoint's failed deliveries in the window, all at once; how many were re-queued. */
export async function recoverFailed(
  store: Store,
  appId: string,
  endpointId: string,
  window: { since: number; until: number },
  now: number,
  over: Partial<RecoverRequest> = {},
): Promise<number | null> {
  const outcome = await store.recoverEndpoint(
    appId,
    endpointId,
    { ...window, states: ['failed'], limit: 10_000, idempotencyWindowMs: WINDOW_MS, ...over },
    now,
  );
  return outcome === null ? null : outcome.requeued;
}
