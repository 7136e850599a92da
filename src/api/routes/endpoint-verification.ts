import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { activeVerification } from '../../domain/endpoint-verification.js';
import { badRequest, HooklineError } from '../../lib/errors.js';
import type { Endpoint } from '../../domain/types.js';
import { SECOND } from '../../lib/durations.js';
import { binUrl } from '../bin-json.js';
import type { ApiContext } from '../context.js';
import { changeEndpoint, loadEndpoint } from '../endpoint-records.js';
import { EndpointParams, errorBody, errorResponses } from '../schemas/common.js';
import { EndpointOut, VerificationStart } from '../schemas/endpoints.js';
import { endpointJson } from '../serialize.js';

/**
 * Chat-API "Webhook Verification" (page 003): an endpoint's real traffic goes to a bin for a set
 * time or until stopped, then back to the endpoint's URL by itself; deliveries made meanwhile are
 * captured by the bin and held for the URL, so nothing is lost (see docs/testing-webhooks.md).
 */
export const endpointVerificationRoutes =
  (ctx: ApiContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.post(
      '/apps/:appId/endpoints/:endpointId/verification',
      {
        schema: {
          tags: ['testing'],
          summary: "Switch the endpoint's deliveries to a bin for a set time, or until stopped",
          params: EndpointParams,
          body: VerificationStart,
          response: {
            200: EndpointOut,
            409: errorBody(409, ['verification_running', 'bin_limit_reached']),
            ...errorResponses,
          },
        },
      },
      async (request) => {
        const { appId } = request.params;
        const { endpoint } = await loadEndpoint(ctx, request, request.params);
        const now = ctx.clock.now();
        if (activeVerification(endpoint, now)) throw alreadyRunning(endpoint);
        const { service } = ctx.inspector;
        const { durationSeconds, binId } = request.body;
        const bin =
          binId === undefined
            ? await service.create(appId, {
                ...(durationSeconds === undefined
                  ? {}
                  : { expiresInSeconds: durationSeconds + 3600 }),
              })
            : await service.get({ appId }, binId);
        if (now >= bin.expiresAt)
          throw badRequest(`binId: bin ${bin.id} has expired`, [
            { field: 'binId', message: 'has expired' },
          ]);
        const until =
          durationSeconds === undefined
            ? bin.expiresAt
            : Math.min(now + durationSeconds * SECOND, bin.expiresAt);
        const saved = await changeEndpoint(ctx, endpoint, (current, updatedAt) => {
          // Checked again on the record written: two switches started together cannot both win.
          if (activeVerification(current, now)) throw alreadyRunning(current);
          return {
            ...current,
            verification: {
              binId: bin.id,
              binUrl: binUrl(ctx.publicUrl, bin.id),
              startedAt: now,
              until,
            },
            updatedAt,
          };
        });
        return endpointJson(saved);
      },
    );

    app.delete(
      '/apps/:appId/endpoints/:endpointId/verification',
      {
        schema: {
          tags: ['testing'],
          summary: 'Stop a verification now: the endpoint goes back to its URL, held deliveries go',
          params: EndpointParams,
          response: { 200: EndpointOut, ...errorResponses },
        },
      },
      async (request) => {
        const { appId, endpointId } = request.params;
        const { endpoint } = await loadEndpoint(ctx, request, request.params);
        const now = ctx.clock.now();
        const running = activeVerification(endpoint, now);
        if (!running) return endpointJson(endpoint);
        const saved = await changeEndpoint(ctx, endpoint, (current, updatedAt) => {
          const stillRunning = activeVerification(current, now);
          return stillRunning
            ? { ...current, verification: { ...stillRunning, until: now }, updatedAt }
            : current;
        });
        // Deliveries held for the end of the switch go now, to the endpoint's URL.
        await ctx.store.releaseHeldDeliveries(appId, endpointId, running.until, now);
        return endpointJson(saved);
      },
    );
  };

const alreadyRunning = (endpoint: Endpoint) =>
  new HooklineError(
    'verification_running',
    `endpoint ${endpoint.id} is already switched to bin ${endpoint.verification?.binId}; stop it first`,
  );
