import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { BotService, type BotServiceOptions } from '../../bots/bot-service.js';
import { hasBotStore } from '../../store/bot-store.js';
import { authenticate } from '../auth.js';
import type { ApiContext } from '../context.js';
import { appIdOf } from './bot-auth.js';
import { botConnectionRoutes } from './bot-connections.js';
import { botInvocationRoutes } from './bot-invocations.js';

export type BotRouteOptions = Pick<
  BotServiceOptions,
  'defaultTimeoutMs' | 'replyLimitBytes' | 'random'
>;

/**
 * ChatBot-compatible bot connections under /v2/integrations/webhook (a root plugin: its own
 * Bearer auth, by app API key). Bodies are checked by bots/ itself, so that every violation is
 * reported with its field and limit; the schemas here document the API.
 */
export const botRoutes =
  (ctx: ApiContext, options: BotRouteOptions = {}): FastifyPluginAsyncTypebox =>
  async (app) => {
    if (!hasBotStore(ctx.store)) {
      // Until every store adapter keeps bot connections, a store without them simply has no bot API.
      ctx.logger.warn(
        `bot connections are off: the ${ctx.store.capabilities.dialect} store does not keep them`,
      );
      return;
    }
    const service = new BotService({
      ...options,
      store: ctx.store.bots,
      sender: ctx.sender,
      clock: ctx.clock,
    });
    await app.register(
      async (scope) => {
        scope.setValidatorCompiler(() => (data) => ({ value: data }));
        scope.addHook('onRequest', async (request) => {
          request.principal = await authenticate(ctx, request);
          appIdOf(request);
        });
        await scope.register(botConnectionRoutes(service));
        await scope.register(botInvocationRoutes(service));
      },
      { prefix: '/v2/integrations/webhook' },
    );
  };
