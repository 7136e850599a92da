import type { FastifyRequest } from 'fastify';
import type { Viewer } from '../inspector/bin-service.js';
import { principalOf } from './auth.js';

/** The admin sees every bin; an app key sees its own app's. */
export function viewerOf(request: FastifyRequest): Viewer {
  const principal = principalOf(request);
  return { appId: principal.kind === 'app' ? principal.appId : null };
}
