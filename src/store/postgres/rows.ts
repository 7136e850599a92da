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

/** Row shapes as PostgreSQL returns them (bigint parsed to number), and their domain records. */

export interface EndpointRow {
  id: string;
  app_id: string;
  uid: string | null;
  url: string;
  description: string;
  disabled: boolean;
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
  propagate_trace_context: boolean;
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
  disabled: r.disabled,
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
  propagateTraceContext: r.propagate_trace_context,
  maxConcurrency: r.max_concurrency,
  rateLimit: r.rate_limit,
  format: r.format,
  formatOptions: JSON.parse(r.format_options),
  metadata: JSON.parse(r.metadata),
  verification: r.verification === null ? null : JSON.parse(r.verification),
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});
/** Column values in ENDPOINT_COLUMNS order. */
export const endpointValues = (e: Endpoint, box: SecretBox): unknown[] => [
  e.id,
  e.appId,
  e.url,
  e.description,
  e.disabled,
  e.disabledReason,
  e.disabledAt,
  e.filterTypes === null ? null : JSON.stringify(e.filterTypes),
  sealEndpointSecrets(e.secrets, box),
  sealEndpointHeaders(e.headers, box),
  e.timeoutMs,
  JSON.stringify(e.retryPolicy),
  e.ordering,
  e.orderingKeyPath,
  e.filter === null ? null : JSON.stringify(e.filter),
  e.maxConcurrency,
  e.rateLimit,
  e.format,
  JSON.stringify(e.formatOptions),
  JSON.stringify(e.metadata),
  e.verification === null ? null : JSON.stringify(e.verification),
  e.createdAt,
  e.updatedAt,
  e.uid,
  e.propagateTraceContext,
];
export const ENDPOINT_COLUMNS = [
  'id',
  'app_id',
  'url',
  'description',
  'disabled',
  'disabled_reason',
  'disabled_at',
  'filter_types',
  'secrets',
  'headers',
  'timeout_ms',
  'retry_policy',
  'ordering',
  'ordering_key_path',
  'payload_filter',
  'max_concurrency',
  'rate_limit',
  'format',
  'format_options',
  'metadata',
  'verification',
  'created_at',
  'updated_at',
  'uid',
  'propagate_trace_context',
];

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
export const toDelivery = (r: DeliveryRow): Delivery => ({
  id: r.id,
  appId: r.app_id,
  messageId: r.message_id,
  endpointId: r.endpoint_id,
  state: r.state as DeliveryState,
  attempts: r.attempts,
  nextAttemptAt: r.next_attempt_at,
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
  test: boolean;
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
  test: r.test,
  requestHeaders: JSON.parse(r.request_headers),
});

/** PostgreSQL text cannot hold NUL; what a receiver answered is kept with U+FFFD in its place. */
export const withoutNul = <T extends string | null>(text: T): T =>
  (text === null ? text : text.replace(/\u0000/g, '\uFFFD')) as T;
