import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { App } from '../domain/types.js';
import { notFound, unauthorized } from '../lib/errors.js';
import { sha256Hex } from '../lib/hash.js';
import type { ApiContext } from './context.js';

export type Principal = { kind: 'admin' } | { kind: 'app'; appId: string };

declare module 'fastify' {
  interface FastifyRequest {
    principal?: Principal;
  }
}

function bearer(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (!header) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  return match ? match[1] : null;
}

function sameSecret(a: string, b: string): boolean {
  const ha = Buffer.from(sha256Hex(a), 'hex');
  const hb = Buffer.from(sha256Hex(b), 'hex');
  return timingSafeEqual(ha, hb);
}

/** Admin token or an app's API key; anything else is 401. */
export async function authenticate(ctx: ApiContext, request: FastifyRequest): Promise<Principal> {
  const token = bearer(request);
  if (token === null) throw unauthorized('missing Authorization: Bearer <token> header');
  if (sameSecret(token, ctx.adminToken)) return { kind: 'admin' };
  const app = await ctx.store.getAppByKeyHash(sha256Hex(token));
  if (!app) throw unauthorized('unknown API token');
  return { kind: 'app', appId: app.id };
}

export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw unauthorized();
  return request.principal;
}

export function requireAdmin(request: FastifyRequest): void {
  // Another tenant's key gets the same answer as an unknown route: nothing to see here.
  if (principalOf(request).kind !== 'admin') throw notFound('route', `${request.method} ${request.url}`);
}

/** The app named in the URL, if the caller may see it; another tenant's app is a 404. */
export async function loadApp(ctx: ApiContext, request: FastifyRequest, appId: string): Promise<App> {
  const principal = principalOf(request);
  if (principal.kind === 'app' && principal.appId !== appId) throw notFound('app', appId);
  const app = await ctx.store.getApp(appId);
  if (!app) throw notFound('app', appId);
  return app;
}
