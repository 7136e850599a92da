import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { currentAlgorithm } from '../../domain/signature-algorithm.js';
import type { Endpoint } from '../../domain/types.js';
import { notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { endpointDefaults, newEndpoint } from '../../domain/new-endpoint.js';
import type { ApiContext } from '../context.js';
import { assertValidEndpoint } from '../endpoint-input.js';
import { changeEndpoint } from '../endpoint-records.js';
import { nextSecret, verificationKey } from '../endpoint-secrets.js';
import { assertEnabled, recoverDeliveries } from '../requeue.js';
import { rotateEndpointSecret } from '../secret-rotation.js';
import { RecoverLimit, RecoverStates } from '../schemas/endpoints.js';
import { Metadata } from '../schemas/common.js';
import { listQuery, listResponse, SvixListQuery } from './list.js';
import { svixApp, svixEndpointOf } from './resolve.js';
import { svixEndpoint } from './shapes.js';
import { checkedUid, IdOrUid, Uid } from '../uids.js';
import { refuseUnsupported } from './unsupported.js';

const AppParams = Type.Object({ app_id: IdOrUid });
const EndpointParams = Type.Object({ app_id: IdOrUid, endpoint_id: IdOrUid });
const nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) =>
  Type.Optional(Type.Union([t, Type.Null()]));
const Headers = Type.Record(Type.String(), Type.String());

const EndpointFields = {
  url: Type.String({ minLength: 1, maxLength: 2048 }),
  description: Type.Optional(Type.String({ maxLength: 1024 })),
  disabled: Type.Optional(Type.Boolean()),
  filterTypes: nullable(
    Type.Array(Type.String({ minLength: 1, maxLength: 256 }), { maxItems: 100 }),
  ),
  metadata: Type.Optional(Metadata),
  rateLimit: nullable(Type.Integer({ minimum: 1, maximum: 100_000 })),
  uid: nullable(Uid),
  channels: nullable(Type.Array(Type.String())),
  throttleRate: nullable(Type.Integer()),
  version: nullable(Type.Integer()),
};
const EndpointIn = Type.Object({
  ...EndpointFields,
  secret: nullable(Type.String({ maxLength: 200 })),
  headers: nullable(Headers),
});
const EndpointUpdate = Type.Object(EndpointFields);
const EndpointPatch = Type.Partial(
  Type.Object({ ...EndpointFields, secret: nullable(Type.String()) }),
);

const UNSUPPORTED = {
  channels: 'Hookline routes by event type (filterTypes) only',
  throttleRate: 'use rateLimit',
};

type Settings = {
  uid?: string | null;
  url?: string;
  description?: string;
  disabled?: boolean;
  filterTypes?: string[] | null;
  metadata?: Record<string, string>;
  rateLimit?: number | null;
};

/** Svix settings onto a Hookline endpoint: only the fields given change. */
function applySettings(endpoint: Endpoint, s: Settings, now: number): Endpoint {
  const next: Endpoint = { ...endpoint, updatedAt: now };
  if (s.uid !== undefined) next.uid = checkedUid('endpoint', s.uid);
  if (s.url !== undefined) next.url = s.url;
  if (s.description !== undefined) next.description = s.description;
  if (s.disabled !== undefined) next.disabled = s.disabled;
  if (s.filterTypes !== undefined) next.filterTypes = s.filterTypes?.length ? s.filterTypes : null;
  if (s.metadata !== undefined) next.metadata = s.metadata;
  if (s.rateLimit !== undefined) next.rateLimit = s.rateLimit;
  return next;
}

/** Svix `endpoint`: /api/v1/app/{app_id}/endpoint, onto the same checks, secrets and store. */
export const svixEndpointRoutes =
  (ctx: ApiContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    /** Saves `change` made on the endpoint as stored when the write happens, checked. */
    const save = async (endpoint: Endpoint, change: (current: Endpoint) => Partial<Endpoint>) => {
      let before = endpoint;
      const saved = await changeEndpoint(ctx, endpoint, (current, updatedAt) => {
        before = current;
        const next = { ...current, ...change(current), updatedAt };
        assertValidEndpoint(next, ctx.targets);
        return next;
      });
      ctx.operational?.switched(before, saved); // endpoint.enabled / endpoint.disabled
      return saved;
    };
    const saveSettings = (endpoint: Endpoint, settings: Settings) =>
      save(endpoint, (current) => applySettings(current, settings, current.updatedAt));

    app.get(
      '/app/:app_id/endpoint',
      { schema: { hide: true, params: AppParams, querystring: SvixListQuery } },
      async (request) => {
        const appRecord = await svixApp(ctx, request, request.params.app_id);
        const page = await ctx.store.listEndpoints(appRecord.id, listQuery(request.query));
        return listResponse(page.data.map(svixEndpoint), page.nextCursor);
      },
    );

    app.post(
      '/app/:app_id/endpoint',
      { schema: { hide: true, params: AppParams, body: EndpointIn } },
      async (request, reply) => {
        refuseUnsupported(request.body, UNSUPPORTED);
        const appRecord = await svixApp(ctx, request, request.params.app_id);
        const now = ctx.clock.now();
        const given = request.body.secret ?? undefined;
        const secret = nextSecret(given, given?.startsWith('whsk_') ? 'ed25519' : 'hmac-sha256');
        const { endpoint: created } = newEndpoint(
          {
            appId: appRecord.id,
            url: request.body.url,
            secret,
            headers: request.body.headers ?? {},
          },
          now,
        );
        const endpoint = applySettings(created, request.body, now);
        assertValidEndpoint(endpoint, ctx.targets);
        await ctx.store.createEndpoint(endpoint);
        return reply.status(201).send(svixEndpoint(endpoint));
      },
    );

    app.get(
      '/app/:app_id/endpoint/:endpoint_id',
      { schema: { hide: true, params: EndpointParams } },
      async (request) => {
        const { endpoint } = await svixEndpointOf(ctx, request, request.params);
        return svixEndpoint(endpoint);
      },
    );

    app.put(
      '/app/:app_id/endpoint/:endpoint_id',
      { schema: { hide: true, params: EndpointParams, body: EndpointUpdate } },
      async (request) => {
        refuseUnsupported(request.body, UNSUPPORTED);
        const { endpoint } = await svixEndpointOf(ctx, request, request.params);
        // PUT replaces: fields left out go back to their defaults.
        const { uid, description, disabled, filterTypes, metadata, rateLimit } = endpointDefaults();
        const reset = { uid, description, disabled, filterTypes, metadata, rateLimit };
        return svixEndpoint(await saveSettings(endpoint, { ...reset, ...request.body }));
      },
    );

    app.patch(
      '/app/:app_id/endpoint/:endpoint_id',
      { schema: { hide: true, params: EndpointParams, body: EndpointPatch } },
      async (request) => {
        refuseUnsupported(request.body, {
          ...UNSUPPORTED,
          secret: 'rotate it with POST .../secret/rotate',
        });
        const { endpoint } = await svixEndpointOf(ctx, request, request.params);
        return svixEndpoint(await saveSettings(endpoint, request.body));
      },
    );

    app.delete(
      '/app/:app_id/endpoint/:endpoint_id',
      { schema: { hide: true, params: EndpointParams } },
      async (request, reply) => {
        const { app: appRecord, endpoint } = await svixEndpointOf(ctx, request, request.params);
        if (!(await ctx.store.deleteEndpoint(appRecord.id, endpoint.id)))
          throw notFound('endpoint', endpoint.id);
        return reply.status(204).send();
      },
    );

    app.get(
      '/app/:app_id/endpoint/:endpoint_id/secret',
      { schema: { hide: true, params: EndpointParams } },
      async (request) => {
        const { endpoint } = await svixEndpointOf(ctx, request, request.params);
        const current = endpoint.secrets.find((s) => s.expiresAt === null) ?? endpoint.secrets[0];
        const key = verificationKey(current.secret);
        // An ed25519 endpoint's secret key never leaves Hookline: its whpk_ public key is the key.
        return { key: key.secret ?? key.publicKey };
      },
    );

    app.post(
      '/app/:app_id/endpoint/:endpoint_id/secret/rotate',
      {
        schema: {
          hide: true,
          params: EndpointParams,
          body: Type.Optional(
            Type.Object({
              key: nullable(Type.String({ maxLength: 200 })),
              gracePeriodSeconds: nullable(Type.Integer({ minimum: 0, maximum: 7 * 24 * 3600 })),
            }),
          ),
        },
      },
      async (request, reply) => {
        const { endpoint } = await svixEndpointOf(ctx, request, request.params);
        const given = request.body?.key ?? undefined;
        const grace = request.body?.gracePeriodSeconds;
        await rotateEndpointSecret(ctx, endpoint, {
          secret: given,
          signatureAlgorithm: given ? undefined : currentAlgorithm(endpoint.secrets),
          graceMs: grace === null || grace === undefined ? undefined : grace * 1000,
        });
        return reply.status(204).send();
      },
    );

    app.post(
      '/app/:app_id/endpoint/:endpoint_id/recover',
      {
        schema: {
          hide: true,
          params: EndpointParams,
          body: Type.Object({
            since: Type.String({ format: 'date-time' }),
            until: nullable(Type.String({ format: 'date-time' })),
            // Hookline's additions: Svix always recovers failed messages, all at once.
            states: Type.Optional(RecoverStates),
            limit: Type.Optional(RecoverLimit),
          }),
        },
      },
      async (request, reply) => {
        const { app: appRecord, endpoint } = await svixEndpointOf(ctx, request, request.params);
        assertEnabled(endpoint);
        const outcome = await recoverDeliveries(ctx, appRecord.id, endpoint.id, request.body);
        const now = ctx.clock.now();
        // Svix answers with a background task. Hookline re-queues at most `limit` per call:
        // `running` means the same request again continues.
        return reply.status(202).send({
          id: newId('qtask', now),
          status: outcome.done ? 'finished' : 'running',
          task: 'endpoint.recover',
          updatedAt: new Date(now).toISOString(),
        });
      },
    );

    const headersOut = (e: Endpoint) => ({ headers: e.headers, sensitive: [] });

    app.get(
      '/app/:app_id/endpoint/:endpoint_id/headers',
      { schema: { hide: true, params: EndpointParams } },
      async (request) => {
        const { endpoint } = await svixEndpointOf(ctx, request, request.params);
        return headersOut(endpoint);
      },
    );

    app.put(
      '/app/:app_id/endpoint/:endpoint_id/headers',
      { schema: { hide: true, params: EndpointParams, body: Type.Object({ headers: Headers }) } },
      async (request, reply) => {
        const { endpoint } = await svixEndpointOf(ctx, request, request.params);
        await save(endpoint, () => ({ headers: request.body.headers }));
        return reply.status(204).send();
      },
    );

    app.patch(
      '/app/:app_id/endpoint/:endpoint_id/headers',
      {
        schema: {
          hide: true,
          params: EndpointParams,
          body: Type.Object({
            headers: Headers,
            deleteHeaders: Type.Optional(Type.Array(Type.String())),
          }),
        },
      },
      async (request, reply) => {
        const { endpoint } = await svixEndpointOf(ctx, request, request.params);
        await save(endpoint, (current) => {
          const headers = { ...current.headers, ...request.body.headers };
          for (const name of request.body.deleteHeaders ?? []) delete headers[name];
          return { headers };
        });
        return reply.status(204).send();
      },
    );
  };
