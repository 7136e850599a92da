import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { PortalSession } from '../../domain/portal.js';
import type { App } from '../../domain/types.js';
import { HooklineError } from '../../lib/errors.js';
import { loadApp, principalOf } from '../auth.js';
import type { ApiContext } from '../context.js';
import { exchangePortalLink, openPortalLink } from '../portal-links.js';
import { AppParams, errorBody, errorResponses } from '../schemas/common.js';
import {
  PortalCredentialOut,
  PortalExchange,
  PortalLinkOut,
  PortalSessionCreate,
  PortalSessionOut,
  PortalSessionsEnded,
} from '../schemas/portal.js';

const iso = (ms: number) => new Date(ms).toISOString();

const sessionJson = (session: PortalSession, app: App) => ({
  id: session.id,
  appId: app.id,
  appName: app.name,
  theme: session.theme,
  expiresAt: iso(session.expiresAt ?? session.linkExpiresAt),
});

/** Opening and ending an app's portal sessions (admin token or the app's key), and the session's own view. */
export const portalSessionRoutes =
  (ctx: ApiContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.post(
      '/apps/:appId/portal-sessions',
      {
        schema: {
          tags: ['portal'],
          summary: "Open a portal session for the app: a one-time link to the console's portal",
          description:
            'The link (`<public URL>/portal#<token>`) can be exchanged once, within HOOKLINE_PORTAL_LINK_TTL_MS (10 min by default), for a session credential scoped to this app (POST /api/v1/portal/session).',
          params: AppParams,
          body: PortalSessionCreate,
          response: { 201: PortalLinkOut, ...errorResponses },
        },
      },
      async (request, reply) => {
        const appRecord = await loadApp(ctx, request, request.params.appId);
        const link = await openPortalLink(ctx, appRecord, request.body ?? {});
        return reply.status(201).send({
          id: link.session.id,
          appId: appRecord.id,
          url: link.url,
          token: link.token,
          linkExpiresAt: iso(link.session.linkExpiresAt),
          sessionTtlMs: link.session.sessionTtlMs,
          theme: link.session.theme,
        });
      },
    );

    app.delete(
      '/apps/:appId/portal-sessions',
      {
        schema: {
          tags: ['portal'],
          summary: 'End every portal session of the app, and its links not used yet',
          params: AppParams,
          response: { 200: PortalSessionsEnded, ...errorResponses },
        },
      },
      async (request) => {
        const appRecord = await loadApp(ctx, request, request.params.appId);
        return { ended: await ctx.store.portal.deleteSessionsOfApp(appRecord.id) };
      },
    );

    app.get(
      '/portal/session',
      {
        schema: {
          tags: ['portal'],
          summary: 'The portal session calling: its app and theming (portal credential only)',
          response: { 200: PortalSessionOut, ...errorResponses },
        },
      },
      async (request) => {
        const principal = principalOf(request);
        if (principal.kind !== 'portal') throw notPortal();
        return sessionJson(principal.session, principal.app);
      },
    );

    app.delete(
      '/portal/session',
      {
        schema: {
          tags: ['portal'],
          summary: 'End the portal session calling (sign out)',
          response: { 204: Type.Null(), ...errorResponses },
        },
      },
      async (request, reply) => {
        const principal = principalOf(request);
        if (principal.kind !== 'portal') throw notPortal();
        await ctx.store.portal.deleteSession(principal.appId, principal.session.id);
        return reply.status(204).send(null);
      },
    );
  };

const notPortal = () =>
  new HooklineError('not_found', 'only a portal session has a current session; none was sent');

/** Exchanging a link for a session: the link's token is the credential, so no bearer is needed. */
export const portalExchangeRoutes =
  (ctx: ApiContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.post(
      '/portal/session',
      {
        schema: {
          tags: ['portal'],
          summary: "Exchange a portal link's token for a session credential (works once)",
          security: [],
          body: PortalExchange,
          response: {
            201: PortalCredentialOut,
            400: errorResponses[400],
            401: errorBody(401, ['portal_link_invalid']),
          },
        },
      },
      async (request, reply) => {
        const opened = await exchangePortalLink(ctx, request.body.token);
        return reply
          .status(201)
          .header('cache-control', 'no-store')
          .send({ ...sessionJson(opened.session, opened.app), token: opened.token });
      },
    );
  };
