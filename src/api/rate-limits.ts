import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { HooklineError } from '../lib/errors.js';
import type { Principal } from './auth.js';

/** Requests one credential may make per window; `max` 0 switches the limit off. */
export interface ApiRateLimit {
  max: number;
  windowMs: number;
}

/** One bucket per credential: the admin token, an app's key, a portal session. */
function credentialOf(principal: Principal | undefined, request: FastifyRequest): string {
  if (!principal) return `ip:${request.ip}`; // not reached: the API authenticates first
  if (principal.kind === 'admin') return 'admin';
  if (principal.kind === 'portal') return `portal:${principal.session.id}`;
  return `app:${principal.appId}`;
}

/**
 * Limits the management API per credential (in this process's memory: each node counts its own).
 * It runs after authentication, so a request over the limit is a 429 with `Retry-After` (seconds)
 * and the API's error body; bad credentials are a 401 before any counting.
 */
export async function limitApiRate(api: FastifyInstance, limit: ApiRateLimit): Promise<void> {
  if (limit.max === 0) return;
  await api.register(rateLimit, {
    hook: 'preHandler',
    max: limit.max,
    timeWindow: limit.windowMs,
    keyGenerator: (request) => credentialOf(request.principal, request),
    errorResponseBuilder: (_request, context) =>
      new HooklineError(
        'rate_limited',
        `more than ${context.max} requests in ${limit.windowMs / 1000} s with this credential; retry in ${context.after}`,
      ),
  });
}
