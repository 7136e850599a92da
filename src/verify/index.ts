/**
 * `hookline/verify`: receiver-side verification of every signature Hookline sends, with
 * middleware for Express, Fastify and Node's `http`.
 */
export { WebhookVerificationError, type VerificationFailure } from './errors.js';
export type { VerifiedWebhook, WebhookRequest, WebhookVerifier } from './request.js';
export { standardWebhooks, type StandardWebhooksOptions } from './standard-webhooks.js';
export { viber, type ViberOptions } from './viber.js';
export { signatureHeader, type SignatureHeaderOptions } from './signature-header.js';
export { expressWebhook } from './middleware/express.js';
export { fastifyWebhook } from './middleware/fastify.js';
export { nodeWebhookHandler, type WebhookHandler } from './middleware/node-http.js';
export { webhookOf, type MiddlewareOptions } from './middleware/shared.js';
