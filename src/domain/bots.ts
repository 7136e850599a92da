import type { InvocationFailure } from '../lib/error-codes.js';

/** Bot connections (request/response webhooks) and their invocations. Times are epoch ms. */

export interface BasicAuth {
  username: string;
  password: string;
}

/** Why the last invocation of a connection failed; cleared by the next success. */
export interface ConnectionError {
  /** One of the invocation error codes (`InvocationFailure`: reply_invalid, reply_timeout, ...). */
  code: string;
  message: string;
  at: number;
}

export interface BotConnection {
  /** 24 hex characters, as in ChatBot's API. */
  id: string;
  appId: string;
  /** The story (bot) this connection belongs to; kept as given, 24 characters. */
  storyId: string;
  /** The story's name (ChatBot's `story.name`); null until one is given (then shown as the id). */
  storyName: string | null;
  name: string;
  url: string;
  /** Sent with the verification handshake and on every invocation; null = none. */
  token: string | null;
  headers: Record<string, string>;
  auth: BasicAuth | null;
  /** null = the service default (10 s). */
  timeoutMs: number | null;
  error: ConnectionError | null;
  createdAt: number;
  updatedAt: number;
}

/** How an invocation ended: `ok`, or the error code the caller got. */
export type InvocationOutcome = 'ok' | InvocationFailure;

export interface BotInvocation {
  id: string;
  appId: string;
  connectionId: string;
  at: number;
  latencyMs: number;
  /** The receiver's HTTP status; null when no answer came. */
  statusCode: number | null;
  outcome: InvocationOutcome;
  /** What went wrong, in words; null on success. */
  error: string | null;
  /** The chat context's messageId, to find an invocation from the conversation. */
  messageId: string | null;
}
