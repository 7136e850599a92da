import { GONE_STATUS, type DisabledEndpoint } from './endpoint-disabling.js';
import type { HealthTransition } from './endpoint-health.js';
import type { Endpoint } from './types.js';

/**
 * Operational events: Hookline's own events about its endpoints, delivered like any message to the
 * endpoints of one reserved app (signed, retried, logged). Events about that app's own endpoints
 * are never made, so a failing operational endpoint cannot loop into events about itself.
 */

/**
 * The uid of the app whose endpoints receive operational events: the operator creates it once
 * (Svix-compatible `POST /api/v1/app` with this uid) and registers its endpoints as any app's.
 */
export const OPERATIONAL_APP_UID = 'hookline-operational';

/** Consecutive failed attempts after which `endpoint.failing` is sent (HOOKLINE_FAILING_AFTER). */
export const DEFAULT_FAILING_AFTER = 5;

/** One operational event to send: its type and payload. */
export interface OperationalEvent {
  eventType: string;
  payload: Record<string, unknown>;
}

/**
 * An operational event about one endpoint before its app and URL are added (the store adds them
 * from the endpoint as it is in the transaction that writes the event).
 */
export interface OperationalDraft {
  eventType: string;
  endpointId: string;
  payload: Record<string, unknown>;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** What operational events need to know of an endpoint. */
export interface EndpointFacts {
  appId: string;
  url: string;
}

/** A committed result, as far as `message.attempt.exhausted` reads it. */
export interface ExhaustedFacts {
  deliveryId: number;
  endpointId: string;
  outcome: string;
  attempt: {
    appId: string;
    messageId: string;
    at: number;
    statusCode: number | null;
    errorMessage: string | null;
  } | null;
  note?: string;
}

/** What a batch of results changed, as operational events read it. */
export interface OperationalBatch {
  results: readonly ExhaustedFacts[];
  health: readonly HealthTransition[];
  disabled: readonly DisabledEndpoint[];
}

/**
 * The operational events a batch of results makes, without their endpoints' facts: endpoints
 * disabled, endpoints reaching `failingAfter` consecutive failures, endpoints succeeding after
 * that, deliveries that failed for good.
 */
export function operationalDraftsOf(
  batch: OperationalBatch,
  failingAfter: number,
): OperationalDraft[] {
  const out: OperationalDraft[] = [];
  const health = new Map(batch.health.map((t) => [t.after.endpointId, t]));
  for (const { before, after } of batch.health) {
    const endpointId = after.endpointId;
    if (
      before.consecutiveFailures < failingAfter &&
      after.consecutiveFailures >= failingAfter &&
      after.failingSince !== null
    ) {
      out.push({
        eventType: 'endpoint.failing',
        endpointId,
        payload: {
          consecutiveFailures: after.consecutiveFailures,
          failingSince: iso(after.failingSince),
          lastError: after.lastError && { ...after.lastError, at: iso(after.lastError.at) },
        },
      });
    } else if (
      before.consecutiveFailures >= failingAfter &&
      before.failingSince !== null &&
      after.lastSuccessAt !== null &&
      after.lastSuccessAt !== before.lastSuccessAt
    ) {
      out.push({
        eventType: 'endpoint.recovered',
        endpointId,
        payload: {
          recoveredAt: iso(after.lastSuccessAt),
          failingSince: iso(before.failingSince),
          failures: before.consecutiveFailures,
        },
      });
    }
  }
  for (const d of batch.disabled) {
    const since = health.get(d.endpointId)?.after.failingSince ?? null;
    out.push({
      eventType: 'endpoint.disabled',
      endpointId: d.endpointId,
      payload: {
        reason: d.reason,
        disabledAt: iso(d.at),
        failingSince: since === null ? null : iso(since),
      },
    });
  }
  for (const r of batch.results) {
    // A 410 Gone answer holds its delivery (endpoint.disabled says so): not exhausted.
    if (r.outcome !== 'failed' || !r.attempt || r.attempt.statusCode === GONE_STATUS) continue;
    out.push({
      eventType: 'message.attempt.exhausted',
      endpointId: r.endpointId,
      payload: {
        messageId: r.attempt.messageId,
        deliveryId: r.deliveryId,
        lastStatus: r.attempt.statusCode,
        lastError: r.attempt.errorMessage ?? r.note ?? null,
        at: iso(r.attempt.at),
      },
    });
  }
  return out;
}

/**
 * An endpoint switched on or off by an update (API, Svix, Viber `set_webhook`, console):
 * `endpoint.enabled` or `endpoint.disabled`; null when its flag did not change.
 */
export function switchDraftOf(
  before: Pick<Endpoint, 'disabled'>,
  after: Pick<Endpoint, 'id' | 'disabled' | 'disabledReason' | 'disabledAt' | 'updatedAt'>,
): OperationalDraft | null {
  if (before.disabled === after.disabled) return null;
  return after.disabled
    ? {
        eventType: 'endpoint.disabled',
        endpointId: after.id,
        payload: {
          reason: after.disabledReason ?? 'manual',
          disabledAt: iso(after.disabledAt ?? after.updatedAt),
          failingSince: null,
        },
      }
    : {
        eventType: 'endpoint.enabled',
        endpointId: after.id,
        payload: { enabledAt: iso(after.updatedAt) },
      };
}

/**
 * The drafts as events: each with its endpoint's app and URL first. Nothing about the operational
 * app's own endpoints (no loop), nor about endpoints gone meanwhile.
 */
export function addressedEvents(
  drafts: readonly OperationalDraft[],
  endpoints: ReadonlyMap<string, EndpointFacts>,
  operationalAppId: string,
): OperationalEvent[] {
  return drafts.flatMap(({ eventType, endpointId, payload }) => {
    const e = endpoints.get(endpointId);
    if (!e || e.appId === operationalAppId) return [];
    return [{ eventType, payload: { appId: e.appId, endpointId, url: e.url, ...payload } }];
  });
}

/** The operational events a committed batch of results makes (drafts, addressed). */
export function operationalEventsOf(
  batch: OperationalBatch,
  endpoints: ReadonlyMap<string, EndpointFacts>,
  failingAfter: number,
  operationalAppId: string,
): OperationalEvent[] {
  return addressedEvents(operationalDraftsOf(batch, failingAfter), endpoints, operationalAppId);
}
