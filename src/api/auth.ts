import type { FastifyRequest } from 'fastify';
import { isPortalSessionToken, isSessionLive, type PortalSession } from '../domain/portal.js';
import type { App } from '../domain/types.js';
import { HooklineError, notFound, unauthorized } from '../lib/errors.js';
import { sameDigest, sha256Hex } from '../lib/hash.js';
import type { ApiContext } from './context.js';
import { portalMayUse } from './portal-access.js';

/**
 * Who calls. An app principal carries the app as read when its key was checked, for this request's
 * use; a portal principal is scoped to one app like an app key, and only on the portal's routes.
 */
export type Principal =
  | { kind: 'admin' }
  | {
      kind: 'app';
      appId: string;
      app: App;
      /**
       * Set when the app came from memory on a store shared with other nodes (route config
       * `keyCheckedAtWrite`): the key's digest, for the write to check (NewMessage.keyDigest).
       */
      keyDigest?: string;
    }
  | { kind: 'portal'; appId: string; app: App; session: PortalSession };

declare module 'fastify' {
  interface FastifyRequest {
    principal?: Principal;
  }
  interface FastifyContextConfig {
    /**
     * The route's only use of an app key is a write that checks the key again (NewMessage.keyDigest),
     * so its app may come from memory on a shared store (ApiKeys.findForWrite).
     */
    keyCheckedAtWrite?: boolean;
  }
}

function bearer(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (!header) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  return match ? match[1] : null;
}

/** The admin token's digest, computed once per token rather than on every request. */
let adminDigest: { token: string; digest: string } | null = null;

function isAdminDigest(digest: string, adminToken: string): boolean {
  if (adminDigest?.token !== adminToken)
    adminDigest = { token: adminToken, digest: sha256Hex(adminToken) };
  // Equal-length digests compared in constant time: the token's length and content stay hidden.
  return sameDigest(digest, adminDigest.digest);
}

/**
 * Admin token, an app's API key, or a portal session's credential; anything else is 401. A portal
 * credential on a route off the portal's allow-list is 403, whatever the route.
 */
export async function authenticate(ctx: ApiContext, request: FastifyRequest): Promise<Principal> {
  const token = bearer(request);
  if (token === null) throw unauthorized('missing Authorization: Bearer <token> header');
  // One digest serves every check: the admin token's, and the lookups by hash.
  const hash = sha256Hex(token);
  if (isAdminDigest(hash, ctx.adminToken)) return { kind: 'admin' };
  if (isPortalSessionToken(token)) return portalPrincipal(ctx, request, hash);
  if (request.routeOptions.config?.keyCheckedAtWrite === true) {
    const found = await ctx.apiKeys.findForWrite(hash);
    if (!found) throw unauthorized('unknown API token');
    const { app, current } = found;
    return current
      ? { kind: 'app', appId: app.id, app }
      : { kind: 'app', appId: app.id, app, keyDigest: hash };
  }
  const app = await ctx.apiKeys.find(hash);
  if (!app) throw unauthorized('unknown API token');
  return { kind: 'app', appId: app.id, app };
}

async function portalPrincipal(
  ctx: ApiContext,
  request: FastifyRequest,
  tokenHash: string,
): Promise<Principal> {
  const session = await ctx.store.portal.getSessionByHash(tokenHash);
  if (!session || !isSessionLive(session, ctx.clock.now()))
    throw unauthorized('unknown, ended or expired portal session');
  const app = await ctx.store.getApp(session.appId);
  if (!app) throw unauthorized('unknown, ended or expired portal session');
  if (!portalMayUse(request.method, request.routeOptions.url))
    throw new HooklineError(
      'portal_forbidden',
      `a portal session cannot use ${request.method} ${request.routeOptions.url ?? request.url}`,
    );
  return { kind: 'portal', appId: app.id, app, session };
}

/** The one app a non-admin principal is scoped to; undefined for the admin. */
export const scopedAppId = (principal: Principal): string | undefined =>
  principal.kind === 'admin' ? undefined : principal.appId;

export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw unauthorized();
  return request.principal;
}

export function requireAdmin(request: FastifyRequest): void {
  if (principalOf(request).kind !== 'admin')
    throw new HooklineError(
      'admin_required',
      `${request.method} ${request.url.split('?')[0]} needs the admin token, not an app key`,
    );
}

/** The app named in the URL, if the caller may see it; another tenant's app is a 404. */
export async function loadApp(
  ctx: ApiContext,
  request: FastifyRequest,
  appId: string,
): Promise<App> {
  const principal = principalOf(request);
  if (principal.kind !== 'admin') {
    if (principal.appId !== appId) throw notFound('app', appId);
    return principal.app;
  }
  const app = await ctx.store.getApp(appId);
  if (!app) throw notFound('app', appId);
  return app;
}
