import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { WebhookVerificationError } from '../errors.js';
import type { WebhookVerifier } from '../request.js';
import { DEFAULT_MAX_BODY_BYTES, remember, type MiddlewareOptions } from './shared.js';

/**
 * A Fastify plugin for the scope that registers it: bodies of every content type are kept as the
 * exact bytes, verified in a preHandler hook, and replaced by the parsed JSON; `webhookOf(request)`
 * gives the verified webhook. A request that does not verify is answered 400/401/413
 * `{ code, message }`. Register it in its own scope with the webhook routes:
 * `app.register(async (scope) => { await scope.register(fastifyWebhook(verifier)); scope.post(...) })`.
 */
export function fastifyWebhook(verifier: WebhookVerifier, options: MiddlewareOptions = {}) {
  const plugin = async (scope: FastifyInstance): Promise<void> => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser(
      '*',
      { parseAs: 'buffer', bodyLimit: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES },
      (_request, body, done) => done(null, body),
    );
    scope.addHook('preHandler', async (request: FastifyRequest, reply: FastifyReply) => {
      const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      try {
        const webhook = verifier.verify({ body, headers: request.headers, url: request.url });
        remember(request, webhook);
        request.body = webhook.payload;
      } catch (error) {
        if (!(error instanceof WebhookVerificationError)) throw error;
        return reply.code(error.status).send(error.toJSON());
      }
    });
  };
  // Like fastify-plugin: the parser and hook apply to the scope that registers the plugin.
  return Object.assign(plugin, { [Symbol.for('skip-override')]: true });
}
