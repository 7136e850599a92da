/** Domain records, shared by the store, the API and the dispatcher. Times are epoch milliseconds. */
import type { PayloadFilter } from './payload-filter.js';

export type Metadata = Record<string, string>;

export interface App {
  id: string;
  /** A caller-chosen unique name (Svix `uid`) the app can be addressed by instead of its id. */
  uid: string | null;
  name: string;
  metadata: Metadata;
  /** SHA-256 of the app's API key; the key itself is shown once and never stored. */
  apiKeyHash: string;
  /** Viber-compatible auth token (X-Viber-Auth-Token); keys the viber format's signature. */
  viberAuthToken: string | null;
  /** Chat-API instance settings (see domain/instance-settings.ts): the switches that are set. */
  instanceSettings: InstanceSettings;
  createdAt: number;
  updatedAt: number;
}

/** Chat-API switches set on an app; a switch left out is unset. */
export type InstanceSettings = Partial<
  Record<
    | 'ackNotificationsOn'
    | 'chatUpdateOn'
    | 'statusNotificationsOn'
    | 'videoUploadOn'
    | 'guaranteedHooks'
    | 'parallelHooks',
    boolean
  >
>;

export interface EndpointSecret {
  secret: string;
  createdAt: number;
  /** Set when rotated out: the secret keeps signing until then. */
  expiresAt: number | null;
}

export type Ordering = 'parallel' | 'serial' | 'per-key';

/**
 * Why an endpoint is disabled: its receiver answered 410 Gone, it failed without a success for
 * HOOKLINE_DISABLE_AFTER, or someone switched it off (API, console, Viber `set_webhook ""`).
 */
export const DISABLED_REASONS = ['gone', 'failing', 'manual'] as const;
export type DisabledReason = (typeof DISABLED_REASONS)[number];

/** Platform presets (docs/retries.md); `exponential`, `guaranteed`, `single` are older aliases. */
export type RetryPreset =
  | 'standard'
  | 'business'
  | 'routee'
  | 'chatapi-guaranteed'
  | 'chatapi-single'
  | 'custom'
  | 'exponential'
  | 'guaranteed'
  | 'single';

export interface RetryPolicy {
  preset: RetryPreset;
  /** Only for `custom`: waits in ms between attempts; attempts = waits.length + 1. */
  waitsMs?: number[];
}

/** A verification switch: the endpoint's deliveries go to a bin until `until` (see endpoint-verification.ts). */
export interface EndpointVerification {
  binId: string;
  /** The bin's capture URL. */
  binUrl: string;
  startedAt: number;
  /** When the endpoint goes back to its URL by itself. */
  until: number;
}

export interface Endpoint {
  id: string;
  appId: string;
  /** A caller-chosen name, unique within the app (Svix `uid`), usable instead of the id. */
  uid: string | null;
  url: string;
  description: string;
  disabled: boolean;
  /** Why it is disabled (see endpoint-disabling.ts); null while enabled. */
  disabledReason: DisabledReason | null;
  /** When it was disabled; null while enabled. */
  disabledAt: number | null;
  /** null = every event type; otherwise exact names or `prefix.*` wildcards. */
  filterTypes: string[] | null;
  secrets: EndpointSecret[];
  headers: Record<string, string>;
  /** null = the retry policy's timeout. */
  timeoutMs: number | null;
  retryPolicy: RetryPolicy;
  ordering: Ordering;
  /** With per-key ordering: the payload field the key is read from (dotted); null = the message's key. */
  orderingKeyPath: string | null;
  /** Payload filter (payload-filter.ts), checked when a message is accepted; null = none. */
  filter: PayloadFilter | null;
  /** Its requests carry the message's W3C `traceparent` (true by default). */
  propagateTraceContext: boolean;
  maxConcurrency: number;
  /** Deliveries per second; null = unlimited. */
  rateLimit: number | null;
  /** Wire format name (see formats/); `standard` by default. */
  format: string;
  /** Format-specific settings (compose template, chat-api switches, ...). */
  formatOptions: Record<string, unknown>;
  metadata: Metadata;
  /** A running or past verification switch to a bin; null when never switched or stopped. */
  verification: EndpointVerification | null;
  createdAt: number;
  updatedAt: number;
}

export interface Message {
  id: string;
  appId: string;
  eventType: string;
  /** The payload as JSON text, kept byte for byte (64-bit integers survive). */
  payload: string;
  idempotencyKey: string | null;
  /** Routes the message to this one endpoint only. */
  endpointId: string | null;
  /** What per-key endpoints order it by: given by the producer or derived from the event. */
  orderingKey: string | null;
  createdAt: number;
  /** W3C `traceparent` its deliveries continue (the ingest span's, or the producer's); null = none. */
  traceContext?: string | null;
  /**
   * When payload retention dropped the payload (`payload` is then `{}`); the message's metadata,
   * deliveries and attempts stay. Absent or null while the payload is kept.
   */
  payloadDroppedAt?: number | null;
}

/** `held`: kept unsent while its endpoint is disabled; sent only when asked (enable, recover). */
export type DeliveryState = 'pending' | 'delivering' | 'succeeded' | 'failed' | 'held';

/** The settled states `recover` may send again (failed by default). */
export const RECOVERABLE_STATES = ['failed', 'held', 'succeeded'] as const;
export type RecoverableState = (typeof RECOVERABLE_STATES)[number];

export interface Delivery {
  id: number;
  appId: string;
  messageId: string;
  endpointId: string;
  state: DeliveryState;
  attempts: number;
  /**
   * When it is due: null while parked (behind a serial head, or endpoint disabled) or terminal.
   * Not meaningful while `delivering` (adapters may report the lease end or the original due time).
   */
  nextAttemptAt: number | null;
  leaseUntil: number | null;
  lastStatus: number | null;
  lastError: string | null;
  createdAt: number;
  updatedAt: number;
}

/**
 * Why an attempt failed: no complete answer in time, a refused or dropped connection, a name that
 * does not resolve, a non-2xx answer, a TLS failure, or an address the egress policy refuses
 * (`blocked`: never connected).
 */
export const ERROR_KINDS = ['timeout', 'connection', 'dns', 'status', 'tls', 'blocked'] as const;
export type ErrorKind = (typeof ERROR_KINDS)[number];

export interface Attempt {
  id: number;
  appId: string;
  deliveryId: number | null;
  messageId: string;
  endpointId: string;
  at: number;
  durationMs: number;
  statusCode: number | null;
  responseHeaders: Record<string, string>;
  /** First 4 KiB of the response body. */
  responseBody: string;
  errorKind: ErrorKind | null;
  errorMessage: string | null;
  /** Test attempts (simulator) are kept apart from real deliveries. */
  test: boolean;
  /** The headers sent, credentials redacted (domain/request-headers.ts); {} before they were kept. */
  requestHeaders: Record<string, string>;
}

/** A page of a list, newest first. */
export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}
