import type { ErrorKind } from '../domain/types.js';
import type { RenderedRequest } from '../formats/format.js';

/** What one HTTP try to a bot receiver produced (the delivery engine's SendResult fits). */
export interface BotSendResult {
  statusCode: number | null;
  body: string;
  bodyTruncated: boolean;
  durationMs: number;
  errorKind: ErrorKind | null;
  errorMessage: string | null;
}

/**
 * The HTTP sender bots use: the delivery engine's HttpSender (its pools, timeouts, address guard),
 * passed in by the API layer so bots/ does not reach sideways into delivery/.
 */
export interface BotSender {
  send(request: RenderedRequest, timeoutMs: number, bodyCapBytes?: number): Promise<BotSendResult>;
}
