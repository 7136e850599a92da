import type { BotConnection, BotInvocation, InvocationOutcome } from '../../domain/bots.js';

/** Bot table rows as SQLite returns them, and their mapping to domain records. */

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

export const toBotConnection = (r: BotConnectionRow): BotConnection => ({
  id: r.id,
  appId: r.app_id,
  storyId: r.story_id,
  storyName: r.story_name,
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

export const botConnectionParams = (c: BotConnection) => ({
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

export const botInvocationParams = (i: BotInvocation) => ({
  id: i.id,
  app_id: i.appId,
  connection_id: i.connectionId,
  at: i.at,
  latency_ms: i.latencyMs,
  status_code: i.statusCode,
  outcome: i.outcome,
  error: i.error,
  message_id: i.messageId,
});
