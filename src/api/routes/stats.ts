import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { loadApp } from '../auth.js';
import type { ApiContext } from '../context.js';
import { loadEndpoint } from '../endpoint-records.js';
import { AppParams, EndpointParams, errorResponses } from '../schemas/common.js';
import { AppStatsOut, EndpointStatsOut, StatsQuery } from '../schemas/stats.js';
import { lastErrorJson, seriesJson } from '../stats-json.js';
import { statsWindow } from '../stats-window.js';

/** Failing endpoints listed on an app's stats. */
const FAILING_SHOWN = 20;

const iso = (ms: number) => new Date(ms).toISOString();

/** Delivery time series from the rollups (never the attempts), per app and per endpoint. */
export const statsRoutes =
  (ctx: ApiContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      '/apps/:appId/stats',
      {
        schema: {
          tags: ['stats'],
          summary:
            'Attempts per bucket by outcome with latency percentiles, the backlog now and the failing endpoints',
          params: AppParams,
          querystring: StatsQuery,
          response: { 200: AppStatsOut, ...errorResponses },
        },
      },
      async (request) => {
        const { appId } = request.params;
        await loadApp(ctx, request, appId);
        const now = ctx.clock.now();
        const w = statsWindow(request.query, now);
        const [buckets, backlog, failingIds] = await Promise.all([
          ctx.store.statsSeries({
            appId,
            resolution: w.resolution,
            since: w.since,
            until: w.until,
          }),
          ctx.store.appBacklog(appId),
          ctx.store.failingEndpoints(appId, FAILING_SHOWN),
        ]);
        const [health, endpoints] = await Promise.all([
          ctx.store.endpointHealth(appId, failingIds, now),
          ctx.store.getEndpointsByIds(failingIds),
        ]);
        const healthOf = new Map(health.map((h) => [h.endpointId, h]));
        const endpointOf = new Map(endpoints.map((e) => [e.id, e]));
        const failingEndpoints = failingIds.flatMap((id) => {
          const h = healthOf.get(id);
          const e = endpointOf.get(id);
          if (!h || !e) return [];
          return [
            {
              id,
              url: e.url,
              description: e.description,
              disabled: e.disabled,
              consecutiveFailures: h.consecutiveFailures,
              failingSince: h.failingSince === null ? null : iso(h.failingSince),
              lastError: lastErrorJson(h.lastError),
            },
          ];
        });
        return {
          appId,
          bucket: w.bucket,
          since: iso(w.since),
          until: iso(w.until),
          ...seriesJson(buckets, w.since, w.until, w.stepMs),
          backlog,
          failingEndpoints,
        };
      },
    );

    app.get(
      '/apps/:appId/endpoints/:endpointId/stats',
      {
        schema: {
          tags: ['stats'],
          summary: "The endpoint's attempts per bucket by outcome with latency percentiles",
          params: EndpointParams,
          querystring: StatsQuery,
          response: { 200: EndpointStatsOut, ...errorResponses },
        },
      },
      async (request) => {
        const { endpoint } = await loadEndpoint(ctx, request, request.params);
        const w = statsWindow(request.query, ctx.clock.now());
        const buckets = await ctx.store.statsSeries({
          appId: endpoint.appId,
          endpointId: endpoint.id,
          resolution: w.resolution,
          since: w.since,
          until: w.until,
        });
        return {
          endpointId: endpoint.id,
          bucket: w.bucket,
          since: iso(w.since),
          until: iso(w.until),
          ...seriesJson(buckets, w.since, w.until, w.stepMs),
        };
      },
    );
  };
