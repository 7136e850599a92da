import type { FastifyInstance } from 'fastify';
import { unauthorized } from '../lib/errors.js';
import type { HooklineMetrics } from './metrics.js';

/** GET /metrics on the API's port: a bearer token is required (see metricsAccess). */
export function metricsRoute(
  metrics: HooklineMetrics,
  allowed: (authorization?: string) => boolean,
) {
  return async (app: FastifyInstance) => {
    app.get('/metrics', { schema: { hide: true } }, async (request, reply) => {
      if (!allowed(request.headers.authorization))
        throw unauthorized('GET /metrics needs Authorization: Bearer <metrics or admin token>');
      return reply.type(metrics.contentType).send(await metrics.text());
    });
  };
}
