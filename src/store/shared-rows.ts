import type { Bin } from '../domain/bins.js';
import type { BotConnection, BotInvocation, InvocationOutcome } from '../domain/bots.js';
import type { SecretBox } from '../lib/secret-box.js';
import { sha256Hex } from '../lib/hash.js';
import type { App, Endpoint, Message } from '../domain/types.js';
import {
  APP_VIBER_TOKEN,
  BOT_HEADERS,
  BOT_PASSWORD,
  BOT_TOKEN,
  contextOf,
  ENDPOINT_HEADERS,
  ENDPOINT_SECRETS,
} from './secrets/secret-columns.js';

/** Row shapes both SQL stores return alike (text, integers), and their domain records. */

export interface AppRow {
  id: string;
  uid: string | null;
  name: string;
  metadata: string;
  api_key_hash: string;
  viber_auth_token: string | null;
  instance_settings: string;
  created_at: number;
  updated_at: number;
}
export const toApp = (r: AppRow, box: SecretBox): App => ({
  id: r.id,
  uid: r.uid,
  name: r.name,
  metadata: JSON.parse(r.metadata),
  apiKeyHash: r.api_key_hash,
  viberAuthToken: box.openNullable(r.viber_auth_token, contextOf(APP_VIBER_TOKEN)),
  instanceSettings: JSON.parse(r.instance_settings),
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** The stored Viber token (sealed) and the digest it is found by. */
export const viberTokenColumns = (app: Pick<App, 'viberAuthToken'>, box: SecretBox) => ({
  token: box.sealNullable(app.viberAuthToken, contextOf(APP_VIBER_TOKEN)),
  digest: app.viberAuthToken === null ? null : sha256Hex(app.viberAuthToken),
});

/** An endpoint's signing secrets (current and rotated), sealed as one JSON value. */
export const sealEndpointSecrets = (secrets: Endpoint['secrets'], box: SecretBox): string =>
  box.seal(JSON.stringify(secrets), contextOf(ENDPOINT_SECRETS));
export const openEndpointSecrets = (stored: string, box: SecretBox): Endpoint['secrets'] =>
  JSON.parse(box.open(stored, contextOf(ENDPOINT_SECRETS)));
export const sealEndpointHeaders = (headers: Endpoint['headers'], box: SecretBox): string =>
  box.seal(JSON.stringify(headers), contextOf(ENDPOINT_HEADERS));
export const openEndpointHeaders = (stored: string, box: SecretBox): Endpoint['headers'] =>
  JSON.parse(box.open(stored, contextOf(ENDPOINT_HEADERS)));

export interface MessageRow {
  id: string;
  app_id: string;
  event_type: string;
  payload: string;
  idempotency_key: string | null;
  endpoint_id: string | null;
  ordering_key: string | null;
  created_at: number;
  payload_dropped_at?: number | null;
  trace_context?: string | null;
}
export const toMessage = (r: MessageRow): Message => ({
  id: r.id,
  appId: r.app_id,
  eventType: r.event_type,
  payload: r.payload,
  idempotencyKey: r.idempotency_key,
  endpointId: r.endpoint_id,
  orderingKey: r.ordering_key,
  createdAt: r.created_at,
  traceContext: r.trace_context ?? null,
  // Only when dropped: a kept payload's record has no such field.
  ...(r.payload_dropped_at != null ? { payloadDroppedAt: Number(r.payload_dropped_at) } : {}),
});

export interface BinRow {
  id: string;
  app_id: string | null;
  response_status: number;
  response_body: string;
  response_content_type: string;
  response_delay_ms: number;
  request_limit: number;
  created_at: number;
  expires_at: number;
}

export const toBin = (r: BinRow): Bin => ({
  id: r.id,
  appId: r.app_id,
  response: {
    status: r.response_status,
    body: r.response_body,
    contentType: r.response_content_type,
    delayMs: r.response_delay_ms,
  },
  requestLimit: r.request_limit,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
});

export interface BotConnectionRow {
  id: string;
  app_id: string;
  story_id: string;
  /** From bot_stories (LEFT JOIN): null until the story is named. */
  story_name: string | null;
  name: string;
  url: string;
  token: string | null;
  headers: string;
  auth_username: string | null;
  auth_password: string | null;
  timeout_ms: number | null;
  error_code: string | null;
  error_message: string | null;
  error_at: number | null;
  created_at: number;
  updated_at: number;
}

export const toBotConnection = (r: BotConnectionRow, box: SecretBox): BotConnection => ({
  id: r.id,
  appId: r.app_id,
  storyId: r.story_id,
  storyName: r.story_name,
  name: r.name,
  url: r.url,
  token: box.openNullable(r.token, contextOf(BOT_TOKEN)),
  headers: JSON.parse(box.open(r.headers, contextOf(BOT_HEADERS))),
  auth:
    r.auth_username === null
      ? null
      : {
          username: r.auth_username,
          password: box.openNullable(r.auth_password, contextOf(BOT_PASSWORD)) ?? '',
        },
  timeoutMs: r.timeout_ms,
  error:
    r.error_code === null
      ? null
      : { code: r.error_code, message: r.error_message ?? '', at: r.error_at ?? 0 },
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export interface BotInvocationRow {
  id: string;
  app_id: string;
  connection_id: string;
  at: number;
  latency_ms: number;
  status_code: number | null;
  outcome: string;
  error: string | null;
  message_id: string | null;
}

export const toBotInvocation = (r: BotInvocationRow): BotInvocation => ({
  id: r.id,
  appId: r.app_id,
  connectionId: r.connection_id,
  at: r.at,
  latencyMs: r.latency_ms,
  statusCode: r.status_code,
  outcome: r.outcome as InvocationOutcome,
  error: r.error,
  messageId: r.message_id,
});

/** A connection's column values by column name. */
export const botConnectionParams = (c: BotConnection, box: SecretBox): Record<string, unknown> => ({
  id: c.id,
  app_id: c.appId,
  story_id: c.storyId,
  name: c.name,
  url: c.url,
  token: box.sealNullable(c.token, contextOf(BOT_TOKEN)),
  headers: box.seal(JSON.stringify(c.headers), contextOf(BOT_HEADERS)),
  auth_username: c.auth?.username ?? null,
  auth_password: box.sealNullable(c.auth?.password ?? null, contextOf(BOT_PASSWORD)),
  timeout_ms: c.timeoutMs,
  error_code: c.error?.code ?? null,
  error_message: c.error?.message ?? null,
  error_at: c.error?.at ?? null,
  created_at: c.createdAt,
  updated_at: c.updatedAt,
});
