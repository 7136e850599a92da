import AjvCompiler from '@fastify/ajv-compiler';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type {
  FastifyPluginAsyncTypebox,
  TypeBoxTypeProvider,
} from '@fastify/type-provider-typebox';
import Fastify, {
  LogController,
  type FastifyBaseLogger,
  type FastifyInstance,
  type RawServerDefault,
} from 'fastify';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { badRequest, invalidField } from '../lib/errors.js';
import { JsonLimitError, parseJsonLossless } from '../lib/json.js';
import { authenticate } from './auth.js';
import type { ApiContext } from './context.js';
import { installErrorHandler } from './error-handler.js';
import { docsBranding } from './docs-branding.js';
import { openApiOptions } from './openapi-options.js';
import { limitApiRate, type ApiRateLimit } from './rate-limits.js';
import { lazyRequestLogger } from './request-logger.js';
import { LazySchemas, registerLazySchemas } from './lazy-schema-compilers.js';
import { trackRouteMethods } from './route-methods.js';
import { refuseUnsafeNumbers } from './unsafe-numbers.js';
import { appRoutes } from './routes/apps.js';
import { deliveryRoutes } from './routes/deliveries.js';
import { endpointRoutes } from './routes/endpoints.js';
import { instanceSettingsRoutes } from './routes/instance-settings.js';
import { healthRoutes } from './routes/health.js';
import { messageBatchRoutes } from './routes/message-batch.js';
import { messageRoutes } from './routes/messages.js';
import { purgeRoutes } from './routes/purge.js';
import { statsRoutes } from './routes/stats.js';
import { portalExchangeRoutes, portalSessionRoutes } from './routes/portal-sessions.js';
import { svixRoutes } from './svix/index.js';

export interface ServerOptions {
  role: string;
  /** Log every request and response (HOOKLINE_LOG_REQUESTS); off by default. */
  logRequests?: boolean;
  /** Extra route plugins mounted under /api/v1 with auth (formats, bins, ...). */
  apiPlugins?: Array<(ctx: ApiContext) => FastifyPluginAsyncTypebox>;
  /** Route plugins mounted at the root without the admin/app auth (Viber /pa, bot API, bin capture). */
  rootPlugins?: Array<(ctx: ApiContext) => FastifyPluginAsyncTypebox>;
  /** Requests per credential on /api/v1 (HOOKLINE_API_RATE_LIMIT); off when absent or 0. */
  apiRateLimit?: ApiRateLimit;
}

/** The HTTP API: JSON in and out, schema-checked, one error body, OpenAPI at /openapi.json. */
export type HooklineServer = FastifyInstance<
  RawServerDefault,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

const buildAjvValidator = AjvCompiler();
type ValidatorFactory = typeof buildAjvValidator;

/**
 * Query strings, params and headers arrive as text and are coerced to their schema types; JSON
 * bodies are checked as sent. With coercion, `"rateLimit": 0` became null (unlimited),
 * `"filterTypes": ""` null (every event) and `"maxConcurrency": true` 1, instead of a 400.
 */
const bodyWithoutCoercion: ValidatorFactory = (externalSchemas, options) => {
  const coercing = buildAjvValidator(externalSchemas, options);
  const exact = buildAjvValidator(externalSchemas, {
    ...options,
    customOptions: { ...options?.customOptions, coerceTypes: false },
  } as typeof options);
  type Route = { httpPart?: string };
  return ((route: Route) =>
    (route.httpPart === 'body' ? exact : coercing)(route as never)) as never;
};

export async function buildServer(
  ctx: ApiContext,
  options: ServerOptions,
): Promise<HooklineServer> {
  const schemas = new LazySchemas();
  const app = Fastify({
    loggerInstance: ctx.logger as FastifyBaseLogger,
    logController: new LogController({ disableRequestLogging: !options.logRequests }),
    childLoggerFactory: lazyRequestLogger,
    bodyLimit: ctx.payloadLimitBytes + 64 * 1024,
    ajv: {
      customOptions: {
        allErrors: true,
        coerceTypes: 'array',
        removeAdditional: false,
        useDefaults: true,
      },
    },
    schemaController: {
      compilersFactory: {
        buildValidator: schemas.validators(bodyWithoutCoercion as never) as never,
        buildSerializer: schemas.serializers() as never,
      },
    },
  }).withTypeProvider<TypeBoxTypeProvider>();
  registerLazySchemas(app, schemas);

  // JSON bodies keep integers above 2^53 exact (Viber message tokens).
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    const text = body as string;
    if (text.trim() === '') return done(null, undefined);
    try {
      done(null, parseJsonLossless(text));
    } catch (error) {
      if (error instanceof JsonLimitError)
        return done(invalidField('body', error.message), undefined);
      done(
        badRequest(
          `body: not valid JSON (${(error as Error).message})`,
          [{ field: 'body', message: 'not valid JSON' }],
          'invalid_json',
        ),
        undefined,
      );
    }
  });

  installErrorHandler(app, trackRouteMethods(app));
  app.addHook('preHandler', refuseUnsafeNumbers);
  // Live bin streams and response delays would otherwise hold the close open.
  app.addHook('preClose', async () => ctx.inspector.shutDown());
  await app.register(swagger, openApiOptions);
  await app.register(swaggerUi, { routePrefix: '/docs', ...docsBranding });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  await app.register(healthRoutes(ctx, options.role));
  await app.register(
    async (api) => {
      api.addHook('onRequest', async (request) => {
        request.principal = await authenticate(ctx, request);
      });
      if (options.apiRateLimit) await limitApiRate(api, options.apiRateLimit);
      await api.register(appRoutes(ctx));
      await api.register(endpointRoutes(ctx));
      await api.register(statsRoutes(ctx));
      await api.register(instanceSettingsRoutes(ctx));
      await api.register(messageRoutes(ctx));
      await api.register(messageBatchRoutes(ctx));
      await api.register(deliveryRoutes(ctx));
      await api.register(purgeRoutes(ctx));
      await api.register(portalSessionRoutes(ctx));
      await api.register(svixRoutes(ctx));
      for (const plugin of options.apiPlugins ?? []) await api.register(plugin(ctx));
    },
    { prefix: '/api/v1' },
  );
  // A portal link's token is its own credential: exchanged outside the bearer-token scope.
  await app.register(portalExchangeRoutes(ctx), { prefix: '/api/v1' });
  for (const plugin of options.rootPlugins ?? []) await app.register(plugin(ctx));
  return app;
}
