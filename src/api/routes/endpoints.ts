import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { changedEndpoint, newEndpoint } from '../../domain/new-endpoint.js';
import { activeSecrets } from '../../domain/secrets.js';
import { algorithmOf } from '../../domain/signature-algorithm.js';
import { notFound } from '../../lib/errors.js';
import { loadApp } from '../auth.js';
import type { ApiContext } from '../context.js';
import { assertValidEndpoint } from '../endpoint-input.js';
import { changeEndpoint, loadEndpoint } from '../endpoint-records.js';
import { nextSecret, secretJson, verificationKey } from '../endpoint-secrets.js';
import { assertEnabled, recoverDeliveries, sendHeldDeliveries } from '../requeue.js';
import { badRequest } from '../../lib/errors.js';
import { rotateEndpointSecret } from '../secret-rotation.js';
import { AppParams, EndpointParams, errorResponses, pageOf, PageQuery } from '../schemas/common.js';
import {
  EndpointCreate,
  EndpointCreated,
  EndpointOut,
  EndpointPatch,
  EndpointPatched,
  RecoverBody,
  RecoverOut,
  SecretRotate,
  SecretsOut,
  VerificationKey,
} from '../schemas/endpoints.js';
import { endpointJson } from '../serialize.js';
import { withHealth } from '../endpoint-health-json.js';

export const endpointRoutes =
  (ctx: ApiContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      '/apps/:appId/endpoints',
      {
        schema: {
          tags: ['endpoints'],
          summary: 'List endpoints',
          params: AppParams,
          querystring: PageQuery,
          response: { 200: pageOf(EndpointOut), ...errorResponses },
        },
      },
      async (request) => {
        await loadApp(ctx, request, request.params.appId);
        const page = await ctx.store.listEndpoints(request.params.appId, {
          limit: request.query.limit,
          cursor: request.query.cursor ?? null,
        });
        return { data: await withHealth(ctx, page.data), nextCursor: page.nextCursor };
      },
    );

    app.post(
      '/apps/:appId/endpoints',
      {
        schema: {
          tags: ['endpoints'],
          summary: 'Create an endpoint; its signing secret is returned once here',
          params: AppParams,
          body: EndpointCreate,
          response: { 201: EndpointCreated, ...errorResponses },
        },
      },
      async (request, reply) => {
        const appRecord = await loadApp(ctx, request, request.params.appId);
        const { secret: given, signatureAlgorithm, ...settings } = request.body;
        const secret = nextSecret(
          given,
          signatureAlgorithm ?? (given ? algorithmOf(given) : 'hmac-sha256'),
        );
        const { endpoint } = newEndpoint(
          {
            ...settings,
            secret,
            appId: appRecord.id,
            instanceSettings: appRecord.instanceSettings,
          },
          ctx.clock.now(),
        );
        assertValidEndpoint(endpoint, ctx.targets);
        await ctx.store.createEndpoint(endpoint);
        return reply.status(201).send({ ...endpointJson(endpoint), ...verificationKey(secret) });
      },
    );

    app.get(
      '/apps/:appId/endpoints/:endpointId',
      {
        schema: {
          tags: ['endpoints'],
          summary: 'Get an endpoint',
          params: EndpointParams,
          response: { 200: EndpointOut, ...errorResponses },
        },
      },
      async (request) => {
        const { endpoint } = await loadEndpoint(ctx, request, request.params);
        const [json] = await withHealth(ctx, [endpoint]);
        return json;
      },
    );

    app.patch(
      '/apps/:appId/endpoints/:endpointId',
      {
        schema: {
          tags: ['endpoints'],
          summary: 'Update an endpoint (only the fields given)',
          description:
            'Switching it on (`disabled: false`) clears `disabledReason` and `disabledAt`; deliveries held while it was disabled stay held unless `sendHeld` is true (or recover is asked with state held).',
          params: EndpointParams,
          body: EndpointPatch,
          response: { 200: EndpointPatched, ...errorResponses },
        },
      },
      async (request) => {
        const { app, endpoint } = await loadEndpoint(ctx, request, request.params);
        const { sendHeld = false, ...changes } = request.body;
        if (sendHeld && (changes.disabled ?? endpoint.disabled))
          throw badRequest('sendHeld: the endpoint must be enabled to send what it held', [
            { field: 'sendHeld', message: 'needs the endpoint enabled ("disabled": false)' },
          ]);
        let before = endpoint;
        const saved = await changeEndpoint(ctx, endpoint, (current, updatedAt) => {
          before = current;
          const next = changedEndpoint(current, changes, app.instanceSettings, updatedAt);
          assertValidEndpoint(next, ctx.targets);
          return next;
        });
        ctx.operational?.switched(before, saved);
        if (!sendHeld) return endpointJson(saved);
        assertEnabled(saved); // disabled again meanwhile (410, failing)
        const outcome = await sendHeldDeliveries(ctx, saved.appId, saved.id);
        return {
          ...endpointJson(saved),
          heldSent: { ...outcome, until: new Date(outcome.until).toISOString() },
        };
      },
    );

    app.delete(
      '/apps/:appId/endpoints/:endpointId',
      {
        schema: {
          tags: ['endpoints'],
          summary: 'Delete an endpoint with its deliveries and attempts',
          params: EndpointParams,
          response: { 204: Type.Null(), ...errorResponses },
        },
      },
      async (request, reply) => {
        await loadApp(ctx, request, request.params.appId);
        if (!(await ctx.store.deleteEndpoint(request.params.appId, request.params.endpointId))) {
          throw notFound('endpoint', request.params.endpointId);
        }
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/apps/:appId/endpoints/:endpointId/secret',
      {
        schema: {
          tags: ['endpoints'],
          summary:
            'The secrets that sign now: the current one and any in their rotation grace period',
          params: EndpointParams,
          response: { 200: SecretsOut, ...errorResponses },
        },
      },
      async (request) => {
        const { endpoint } = await loadEndpoint(ctx, request, request.params);
        const now = ctx.clock.now();
        const active = new Set(activeSecrets(endpoint, now));
        return { secrets: endpoint.secrets.filter((s) => active.has(s.secret)).map(secretJson) };
      },
    );

    app.post(
      '/apps/:appId/endpoints/:endpointId/secret/rotate',
      {
        schema: {
          tags: ['endpoints'],
          summary:
            'Rotate the signing secret (or ed25519 key); old ones keep signing for graceMs (default 24 h)',
          params: EndpointParams,
          body: SecretRotate,
          response: { 200: VerificationKey, ...errorResponses },
        },
      },
      async (request) => {
        const { endpoint } = await loadEndpoint(ctx, request, request.params);
        const secret = await rotateEndpointSecret(ctx, endpoint, request.body);
        return verificationKey(secret);
      },
    );

    app.post(
      '/apps/:appId/endpoints/:endpointId/recover',
      {
        schema: {
          tags: ['endpoints'],
          summary: "Send the endpoint's settled deliveries created in [since, until) again",
          description:
            'Re-queues the deliveries in `states` (default failed; also held and succeeded), oldest first, at most `limit` per call. The same request again within the idempotency window (24 h) continues where the last call stopped and never re-queues a delivery twice; `done` tells when nothing is left. A disabled endpoint answers 409 endpoint_disabled: enable it first.',
          params: EndpointParams,
          body: RecoverBody,
          response: { 202: RecoverOut, ...errorResponses },
        },
      },
      async (request, reply) => {
        const { endpoint } = await loadEndpoint(ctx, request, request.params);
        assertEnabled(endpoint);
        const outcome = await recoverDeliveries(
          ctx,
          request.params.appId,
          request.params.endpointId,
          request.body,
        );
        return reply.status(202).send({ ...outcome, until: new Date(outcome.until).toISOString() });
      },
    );
  };
