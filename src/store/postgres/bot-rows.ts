import type { BotConnection, BotInvocation, InvocationOutcome } from '../../domain/bots.js';

/** Bot table rows as PostgreSQL returns them, and their mapping to domain records. */

export const CONNECTION_COLUMNS = [
  'id',
  'app_id',
  'story_id',
  'name',
  'url',
  'token',
  'headers',
  'auth_username',
  'auth_password',
  'timeout_ms',
  'error_code',
  'error_message',
  'error_at',
  'created_at',
  'updated_at',
];

export interface ConnectionRow {
  id: string;
  app_id: string;
  story_id: string;
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

export interface InvocationRow {
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

export const toConnection = (r: ConnectionRow): BotConnection => ({
  id: r.id,
  appId: r.app_id,
  storyId: r.story_id,
  name: r.name,
  url: r.url,
  token: r.token,
  headers: JSON.parse(r.headers),
  auth:
    r.auth_username === null
      ? null
      : { username: r.auth_username, password: r.auth_password ?? '' },
  timeoutMs: r.timeout_ms,
  error:
    r.error_code === null
      ? null
      : { code: r.error_code, message: r.error_message ?? '', at: r.error_at ?? 0 },
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export const connectionValues = (c: BotConnection): Record<string, unknown> => ({
  id: c.id,
  app_id: c.appId,
  story_id: c.storyId,
  name: c.name,
  url: c.url,
  token: c.token,
  headers: JSON.stringify(c.headers),
  auth_username: c.auth?.username ?? null,
  auth_password: c.auth?.password ?? null,
  timeout_ms: c.timeoutMs,
  error_code: c.error?.code ?? null,
  error_message: c.error?.message ?? null,
  error_at: c.error?.at ?? null,
  created_at: c.createdAt,
  updated_at: c.updatedAt,
});

export const toInvocation = (r: InvocationRow): BotInvocation => ({
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
