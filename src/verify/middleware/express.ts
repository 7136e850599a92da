import type { IncomingMessage, ServerResponse } from 'node:http';
import { WebhookVerificationError } from '../errors.js';
import type { WebhookVerifier } from '../request.js';
import {
  DEFAULT_MAX_BODY_BYTES,
  readBody,
  refuse,
  remember,
  type MiddlewareOptions,
} from './shared.js';

/** The parts of Express's request the middleware uses (no dependency on Express's types). */
type ExpressLikeRequest = IncomingMessage & { body?: unknown; originalUrl?: string };
type Next = (error?: unknown) => void;

async function rawBody(request: ExpressLikeRequest, limit: number): Promise<Buffer> {
  const body = request.body;
  if (Buffer.isBuffer(body)) return body;
  if (typeof body === 'string') return Buffer.from(body);
  if (
    body !== undefined &&
    body !== null &&
    !(typeof body === 'object' && Object.keys(body).length === 0)
  )
    throw new WebhookVerificationError(
      'body_already_parsed',
      'the body was parsed before verification; mount this middleware before express.json(), or use express.raw()',
    );
  return readBody(request, limit);
}

/**
 * Express middleware: verifies the exact body (read from the stream, or from `express.raw()`),
 * then sets `req.body` to the parsed JSON and calls `next()`; `webhookOf(req)` gives the
 * verified webhook. A request that does not verify is answered 400/401/413 `{ code, message }`.
 */
export function expressWebhook(verifier: WebhookVerifier, options: MiddlewareOptions = {}) {
  return (request: ExpressLikeRequest, response: ServerResponse, next: Next): void => {
    rawBody(request, options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES)
      .then((body) => {
        const url = request.originalUrl ?? request.url;
        const webhook = verifier.verify({ body, headers: request.headers, url });
        remember(request, webhook);
        request.body = webhook.payload;
        next();
      })
      .catch((error: unknown) => {
        if (error instanceof WebhookVerificationError) refuse(response, error);
        else next(error);
      });
  };
}
