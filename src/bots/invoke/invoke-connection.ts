import type { BotConnection, BotInvocation } from '../../domain/bots.js';
import type { Clock } from '../../lib/clock.js';
import { HooklineError } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { stringifyJson } from '../../lib/json.js';
import type { BotStore } from '../../store/bot-store.js';
import type { BotSender } from '../bot-sender.js';
import { timeoutOf } from '../connections/connection-service.js';
import { receiverRequest } from '../outgoing-request.js';
import type { NormalizedReply, RandomSource } from '../reply/types.js';
import { violationDetails, violationsError } from '../violations/violation.js';
import { readChatContext } from './chat-context.js';
import { readReply } from './read-reply.js';

export interface InvokeDeps {
  store: BotStore;
  sender: BotSender;
  clock: Clock;
  random: RandomSource;
  defaultTimeoutMs: number;
  replyLimitBytes: number;
}

export interface InvocationSuccess {
  invocation: BotInvocation;
  reply: NormalizedReply;
}

/**
 * POSTs the chat context to the receiver and reads its reply. Every try is recorded with its
 * outcome; a failure sets the connection's `error` and is thrown with its own code, a success
 * clears the error and returns the normalised reply.
 */
export async function invokeConnection(
  deps: InvokeDeps,
  connection: BotConnection,
  body: unknown,
): Promise<InvocationSuccess> {
  const read = readChatContext(body, connection);
  if (!read.ok) throw violationsError('invalid chat context', read.violations);
  const timeoutMs = timeoutOf(connection, deps.defaultTimeoutMs);
  const request = receiverRequest(connection, 'POST', connection.url, stringifyJson(read.context));
  const at = deps.clock.now();
  const sent = await deps.sender.send(request, timeoutMs, deps.replyLimitBytes);
  const result = readReply(sent, { timeoutMs, replyLimitBytes: deps.replyLimitBytes }, deps.random);
  const invocation: BotInvocation = {
    id: newId('inv', at),
    appId: connection.appId,
    connectionId: connection.id,
    at,
    latencyMs: sent.durationMs,
    statusCode: sent.statusCode,
    outcome: result.ok ? 'ok' : result.failure.code,
    error: result.ok ? null : result.failure.message,
    messageId: read.context.messageId,
  };
  const error = result.ok
    ? null
    : { code: result.failure.code, message: result.failure.message, at };
  await deps.store.recordInvocation(invocation, error);
  if (!result.ok) {
    const { code, message, violations } = result.failure;
    throw new HooklineError(code, message, violationDetails(violations));
  }
  return { invocation, reply: result.reply };
}
