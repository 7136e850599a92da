import type { BotInvocation } from '../../domain/bots.js';

/** Bot table rows as SQLite returns them, and their mapping to domain records. */

export {
  botConnectionParams,
  toBotConnection,
  toBotInvocation,
  type BotConnectionRow,
  type BotInvocationRow,
} from '../shared-rows.js';

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
