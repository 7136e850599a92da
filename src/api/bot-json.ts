import type { BotConnection, BotInvocation } from '../domain/bots.js';

const iso = (ms: number) => new Date(ms).toISOString();

/** ChatBot's `story`: `{id, name}`; a story nobody named yet is named by its id. */
const story = (c: BotConnection) => ({ id: c.storyId, name: c.storyName ?? c.storyId });

/** The list leaves out credentials, as ChatBot's does; GET /:id shows them. */
export const connectionSummaryJson = (c: BotConnection) => ({
  id: c.id,
  story: story(c),
  name: c.name,
  url: c.url,
  // As in ChatBot's list example: the failure's words, or false while healthy.
  error: c.error ? c.error.message : (false as const),
  createdAt: iso(c.createdAt),
  updatedAt: iso(c.updatedAt),
});

/** No headers show as null, like no token or auth, so a GET can be PUT back unchanged. */
export const connectionJson = (c: BotConnection) => ({
  id: c.id,
  story: story(c),
  name: c.name,
  url: c.url,
  token: c.token,
  headers: Object.keys(c.headers).length === 0 ? null : c.headers,
  auth: c.auth,
  timeoutMs: c.timeoutMs,
  // As in ChatBot's single-connection example: "string or null".
  error: c.error ? c.error.message : null,
  createdAt: iso(c.createdAt),
  updatedAt: iso(c.updatedAt),
});

export const invocationJson = (i: BotInvocation) => ({
  id: i.id,
  connectionId: i.connectionId,
  at: iso(i.at),
  latencyMs: i.latencyMs,
  statusCode: i.statusCode,
  outcome: i.outcome,
  error: i.error,
  messageId: i.messageId,
});

/** ChatBot's acknowledgements of writes. */
export const createdJson = (id: string, now: number) => ({
  id,
  timestamp: iso(now),
  status: { code: 201 as const, type: 'created' as const },
});
export const savedJson = (now: number) => ({
  timestamp: iso(now),
  status: { code: 200 as const, type: 'success' as const },
});
