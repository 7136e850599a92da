import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { authenticate } from '../auth.js';
import type { ApiContext } from '../context.js';
import { checkBotApp } from './bot-auth.js';
import { botConnectionRoutes } from './bot-connections.js';
import { botInvocationRoutes } from './bot-invocations.js';

/**
 * ChatBot-compatible bot connections under /v2/integrations/webhook (a root plugin: its own
 * Bearer auth, by app API key, or the admin token naming the app with `?appId=`). Bodies are
 * checked by bots/ itself, so that every violation is reported with its field and limit; the
 * schemas here document the API.
 */
export const botRoutes =
  (ctx: ApiContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    await app.register(
      async (scope) => {
        scope.setValidatorCompiler(() => (data) => ({ value: data }));
        scope.addHook('onRequest', async (request) => {
          request.principal = await authenticate(ctx, request);
          await checkBotApp(ctx, request);
        });
        await scope.register(botConnectionRoutes(ctx.bots));
        await scope.register(botInvocationRoutes(ctx.bots));
      },
      { prefix: '/v2/integrations/webhook' },
    );
  };
