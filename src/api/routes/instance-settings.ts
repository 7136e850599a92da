import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { CHATAPI_SWITCHES } from '../../domain/instance-settings.js';
import { changedEndpoint } from '../../domain/new-endpoint.js';
import type { Endpoint, InstanceSettings } from '../../domain/types.js';
import { HooklineError } from '../../lib/errors.js';
import { changeApp } from '../app-records.js';
import { loadApp } from '../auth.js';
import type { ApiContext } from '../context.js';
import { changeEndpoint } from '../endpoint-records.js';
import { AppParams, errorResponses } from '../schemas/common.js';

const Switch = Type.Boolean();
const Settings = Type.Object(
  Object.fromEntries(CHATAPI_SWITCHES.map((name) => [name, Type.Optional(Switch)])),
  {
    additionalProperties: false,
    description:
      'Chat-API instance switches (page 003, "Additional Webhook Settings"); a switch left out is unset (off unless an endpoint sets it)',
  },
);

/** Every endpoint of the app, page by page. */
async function endpointsOf(ctx: ApiContext, appId: string): Promise<Endpoint[]> {
  const out: Endpoint[] = [];
  let cursor: string | null = null;
  do {
    const page = await ctx.store.listEndpoints(appId, { limit: 250, cursor });
    out.push(...page.data);
    cursor = page.nextCursor;
  } while (cursor !== null);
  return out;
}

/**
 * An app's Chat-API instance settings: the switches every `chatapi` endpoint of the app follows
 * unless it sets them itself. guaranteedHooks and parallelHooks are written onto those endpoints
 * (retry preset, ordering) when the settings are saved, so the endpoint API shows what is in force.
 */
export const instanceSettingsRoutes =
  (ctx: ApiContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      '/apps/:appId/instance-settings',
      {
        schema: {
          tags: ['apps'],
          summary: "The app's Chat-API instance settings",
          params: AppParams,
          response: { 200: Settings, ...errorResponses },
        },
      },
      async (request) => (await loadApp(ctx, request, request.params.appId)).instanceSettings,
    );

    app.put(
      '/apps/:appId/instance-settings',
      {
        schema: {
          tags: ['apps'],
          summary: "Replace the app's Chat-API instance settings",
          params: AppParams,
          body: Settings,
          response: { 200: Settings, ...errorResponses },
        },
      },
      async (request) => {
        const read = await loadApp(ctx, request, request.params.appId);
        const settings = request.body as InstanceSettings;
        const saved = await changeApp(ctx, read, (current, updatedAt) => ({
          ...current,
          instanceSettings: settings,
          updatedAt,
        }));
        for (const endpoint of await endpointsOf(ctx, saved.id)) {
          const next = changedEndpoint(endpoint, {}, settings, endpoint.updatedAt);
          if (
            JSON.stringify(next.retryPolicy) === JSON.stringify(endpoint.retryPolicy) &&
            next.ordering === endpoint.ordering
          )
            continue;
          try {
            await changeEndpoint(ctx, endpoint, (current, updatedAt) =>
              changedEndpoint(current, {}, settings, updatedAt),
            );
          } catch (error) {
            // Deleted meanwhile: nothing to carry the settings onto.
            if (!(error instanceof HooklineError && error.code === 'not_found')) throw error;
          }
        }
        return saved.instanceSettings;
      },
    );
  };
