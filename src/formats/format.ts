import type { ErrorDetail } from '../lib/errors.js';
import type { App, Endpoint, Message } from '../domain/types.js';

/** Everything a format needs to put one message on the wire for one endpoint. */
export interface RenderInput {
  message: Message;
  endpoint: Endpoint;
  app: App;
  /** Time of this attempt (ms): signatures carry it. */
  now: number;
}

export type HttpMethod = 'GET' | 'POST' | 'PUT';

export interface RenderedRequest {
  method: HttpMethod;
  /** Final URL, query included. */
  url: string;
  headers: Record<string, string>;
  body: string | null;
}

/** Renders a message into one signed HTTP request, in one platform's wire format. */
export interface WireFormat {
  readonly name: string;
  /**
   * Its platform's signature is an HMAC keyed with the endpoint secret (or the app's token), which
   * an ed25519 key cannot make: such endpoints keep an HMAC secret.
   */
  readonly hmacOnly?: boolean;
  /** Returns null when this endpoint's settings say the event is not sent (counts as delivered). */
  render(input: RenderInput): RenderedRequest | null;
  /** Checks the endpoint's formatOptions when it is saved; an empty list means valid. */
  validateOptions(options: Record<string, unknown>): ErrorDetail[];
}

/** Thrown by `render` when the message cannot be put in this format at all: the delivery fails, visibly. */
export class RenderError extends Error {
  override name = 'RenderError';
}
