import type { FastifyRequest } from 'fastify';
import type { Viewer } from '../inspector/bin-service.js';
import { principalOf, scopedAppId } from './auth.js';

/** The admin sees every bin; an app key (or a portal session) its own app's. */
export function viewerOf(request: FastifyRequest): Viewer {
  const principal = principalOf(request);
  return { appId: scopedAppId(principal) ?? null };
}
