import type { IncomingMessage, ServerResponse } from 'node:http';
import { WebhookVerificationError } from '../errors.js';
import type { VerifiedWebhook } from '../request.js';

export interface MiddlewareOptions {
  /** Bodies above this many bytes are refused with 413 (default 5 MiB). */
  maxBodyBytes?: number;
}

export const DEFAULT_MAX_BODY_BYTES = 5 * 1024 * 1024;

const webhooks = new WeakMap<object, VerifiedWebhook>();

export function remember(request: object, webhook: VerifiedWebhook): void {
  webhooks.set(request, webhook);
}

/** The webhook a middleware verified for this request (Express, Fastify or Node's request). */
export function webhookOf(request: object): VerifiedWebhook {
  const webhook = webhooks.get(request) ?? webhooks.get((request as { raw?: object }).raw ?? {});
  if (webhook === undefined)
    throw new Error(
      'no verified webhook on this request: is the hookline/verify middleware mounted?',
    );
  return webhook;
}

/** Reads the whole body, refusing more than `limit` bytes. */
export function readBody(request: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        request.pause();
        reject(new WebhookVerificationError('body_too_large', `body exceeds ${limit} bytes`));
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

/** Answers a failed verification with its status and `{ code, message }`. */
export function refuse(response: ServerResponse, error: unknown): void {
  if (!(error instanceof WebhookVerificationError)) throw error;
  response.statusCode = error.status;
  response.setHeader('content-type', 'application/json');
  response.end(JSON.stringify(error));
}
