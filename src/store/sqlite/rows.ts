import type {
  Attempt,
  Delivery,
  DeliveryState,
  DisabledReason,
  Endpoint,
  ErrorKind,
  Ordering,
} from '../../domain/types.js';
import type { SecretBox } from '../../lib/secret-box.js';
import {
  openEndpointHeaders,
  openEndpointSecrets,
  sealEndpointHeaders,
  sealEndpointSecrets,
} from '../shared-rows.js';
export { toApp, toMessage, type AppRow, type MessageRow } from '../shared-rows.js';

/** Row shapes as SQLite returns them, and their mapping to domain records. */

export interface EndpointRow {
  id: string;
  app_id: string;
  uid: string | null;
  url: string;
  description: string;
  disabled: number;
  disabled_reason: string | null;
  disabled_at: number | null;
  filter_types: string | null;
  secrets: string;
  headers: string;
  timeout_ms: number | null;
  retry_policy: string;
  ordering: string;
  ordering_key_path: string | null;
  payload_filter: string | null;
  propagate_trace_context: number;
  max_concurrency: number;
  rate_limit: number | null;
  format: string;
  format_options: string;
  metadata: string;
  verification: string | null;
  created_at: number;
  updated_at: number;
}
export const toEndpoint = (r: EndpointRow, box: SecretBox): Endpoint => ({
  id: r.id,
  appId: r.app_id,
  uid: r.uid,
  url: r.url,
  description: r.description,
  disabled: r.disabled === 1,
  disabledReason: r.disabled_reason as DisabledReason | null,
  disabledAt: r.disabled_at,
  filterTypes: r.filter_types === null ? null : JSON.parse(r.filter_types),
  secrets: openEndpointSecrets(r.secrets, box),
  headers: openEndpointHeaders(r.headers, box),
  timeoutMs: r.timeout_ms,
  retryPolicy: JSON.parse(r.retry_policy),
  ordering: r.ordering as Ordering,
  orderingKeyPath: r.ordering_key_path,
  filter: r.payload_filter === null ? null : JSON.parse(r.payload_filter),
  propagateTraceContext: r.propagate_trace_context === 1,
  maxConcurrency: r.max_concurrency,
  rateLimit: r.rate_limit,
  format: r.format,
  formatOptions: JSON.parse(r.format_options),
  metadata: JSON.parse(r.metadata),
  verification: r.verification === null ? null : JSON.parse(r.verification),
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});
export const endpointParams = (e: Endpoint, box: SecretBox) => ({
  id: e.id,
  app_id: e.appId,
  uid: e.uid,
  url: e.url,
  description: e.description,
  disabled: e.disabled ? 1 : 0,
  disabled_reason: e.disabledReason,
  disabled_at: e.disabledAt,
  filter_types: e.filterTypes === null ? null : JSON.stringify(e.filterTypes),
  secrets: sealEndpointSecrets(e.secrets, box),
  headers: sealEndpointHeaders(e.headers, box),
  timeout_ms: e.timeoutMs,
  retry_policy: JSON.stringify(e.retryPolicy),
  ordering: e.ordering,
  ordering_key_path: e.orderingKeyPath,
  payload_filter: e.filter === null ? null : JSON.stringify(e.filter),
  propagate_trace_context: e.propagateTraceContext ? 1 : 0,
  max_concurrency: e.maxConcurrency,
  rate_limit: e.rateLimit,
  format: e.format,
  format_options: JSON.stringify(e.formatOptions),
  metadata: JSON.stringify(e.metadata),
  verification: e.verification === null ? null : JSON.stringify(e.verification),
  created_at: e.createdAt,
  updated_at: e.updatedAt,
});

export interface DeliveryRow {
  id: number;
  app_id: string;
  message_id: string;
  endpoint_id: string;
  state: string;
  attempts: number;
  next_attempt_at: number | null;
  lease_until: number | null;
  lease_token: string | null;
  last_status: number | null;
  last_error: string | null;
  created_at: number;
  updated_at: number;
}
/** A pending row under a lease is in flight: `delivering`, due again only if its lease ends. */
export const toDelivery = (r: DeliveryRow): Delivery => ({
  id: r.id,
  appId: r.app_id,
  messageId: r.message_id,
  endpointId: r.endpoint_id,
  state: (r.lease_token !== null && r.state === 'pending'
    ? 'delivering'
    : r.state) as DeliveryState,
  attempts: r.attempts,
  nextAttemptAt: r.lease_token !== null ? null : r.next_attempt_at,
  leaseUntil: r.lease_until,
  lastStatus: r.last_status,
  lastError: r.last_error,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export interface AttemptRow {
  id: number;
  app_id: string;
  delivery_id: number | null;
  message_id: string;
  endpoint_id: string;
  at: number;
  duration_ms: number;
  status_code: number | null;
  response_headers: string;
  response_body: string;
  error_kind: string | null;
  error_message: string | null;
  test: number;
  request_headers: string;
}
export const toAttempt = (r: AttemptRow): Attempt => ({
  id: r.id,
  appId: r.app_id,
  deliveryId: r.delivery_id,
  messageId: r.message_id,
  endpointId: r.endpoint_id,
  at: r.at,
  durationMs: r.duration_ms,
  statusCode: r.status_code,
  responseHeaders: JSON.parse(r.response_headers),
  responseBody: r.response_body,
  errorKind: r.error_kind as ErrorKind | null,
  errorMessage: r.error_message,
  test: r.test === 1,
  requestHeaders: JSON.parse(r.request_headers),
});
export const ATTEMPT_COLUMNS = `app_id, delivery_id, message_id, endpoint_id, at, duration_ms, status_code,
  response_headers, response_body, error_kind, error_message, test, request_headers`;
/** attemptParams as positional values, in ATTEMPT_COLUMNS order. */
export const pushAttemptValues = (a: Omit<Attempt, 'id'>, out: unknown[]): void => {
  out.push(
    a.appId,
    a.deliveryId,
    a.messageId,
    a.endpointId,
    a.at,
    a.durationMs,
    a.statusCode,
    JSON.stringify(a.responseHeaders),
    a.responseBody,
    a.errorKind,
    a.errorMessage,
    a.test ? 1 : 0,
    JSON.stringify(a.requestHeaders),
  );
};
export const attemptParams = (a: Omit<Attempt, 'id'>) => ({
  app_id: a.appId,
  delivery_id: a.deliveryId,
  message_id: a.messageId,
  endpoint_id: a.endpointId,
  at: a.at,
  duration_ms: a.durationMs,
  status_code: a.statusCode,
  response_headers: JSON.stringify(a.responseHeaders),
  response_body: a.responseBody,
  error_kind: a.errorKind,
  error_message: a.errorMessage,
  test: a.test ? 1 : 0,
  request_headers: JSON.stringify(a.requestHeaders),
});
