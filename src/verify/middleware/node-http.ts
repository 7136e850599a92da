import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { VerifiedWebhook, WebhookVerifier } from '../request.js';
import {
  DEFAULT_MAX_BODY_BYTES,
  readBody,
  refuse,
  remember,
  type MiddlewareOptions,
} from './shared.js';

export type WebhookHandler = (
  request: IncomingMessage,
  response: ServerResponse,
  webhook: VerifiedWebhook,
) => void | Promise<void>;

/**
 * A Node `http` request listener that reads the body, verifies it and calls `handler` with the
 * verified webhook; a request that does not verify is answered 400/401/413 with
 * `{ code, message }` and never reaches the handler.
 */
export function nodeWebhookHandler(
  verifier: WebhookVerifier,
  handler: WebhookHandler,
  options: MiddlewareOptions = {},
): RequestListener {
  return (request, response) => {
    readBody(request, options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES)
      .then((body) => {
        const webhook = verifier.verify({ body, headers: request.headers, url: request.url });
        remember(request, webhook);
        return handler(request, response, webhook);
      })
      .catch((error: unknown) => {
        try {
          refuse(response, error);
        } catch {
          response.statusCode = 500;
          response.end();
        }
      });
  };
}
