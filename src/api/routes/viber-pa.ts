import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyError, FastifyRequest } from 'fastify';
import type { App, Endpoint } from '../../domain/types.js';
import { parseJsonLossless } from '../../lib/json.js';
import { targetProblem } from '../../delivery/target-rules.js';
import type { ApiContext } from '../context.js';
import { appByViberToken } from '../viber/auth-token.js';
import { ViberApiError, viberError, viberReply } from '../viber/status.js';
import { VALIDATION_TIMEOUT_MS, validateWebhookUrl } from '../viber/validation-callback.js';
import {
  findViberWebhook,
  removeViberWebhook,
  saveViberWebhook,
} from '../viber/webhook-endpoint.js';
import {
  effectiveEventTypes,
  parseSetWebhook,
  SET_WEBHOOK_BODY_LIMIT,
  webhookUrlProblem,
} from '../viber/webhook-request.js';
import type { ViberEvent } from '../../formats/viber.js';

export interface ViberApiOptions {
  /** Development switch (HOOKLINE_VIBER_ALLOW_HTTP): accept http:// webhook URLs. Default false. */
  allowHttp?: boolean;
  /** How long the validation callback may take; default 5000 ms. */
  validationTimeoutMs?: number;
}

/** Bodies are read raw so the 30 KB rule and bad JSON become Viber replies, not HTTP errors. */
const READ_LIMIT = 1024 * 1024;

function parseBody(raw: unknown): unknown {
  const bytes = Buffer.isBuffer(raw) ? raw : Buffer.alloc(0);
  if (bytes.length > SET_WEBHOOK_BODY_LIMIT)
    throw viberError('badData', `body above ${SET_WEBHOOK_BODY_LIMIT} bytes`);
  if (bytes.length === 0) return {};
  try {
    return parseJsonLossless(bytes.toString('utf8'));
  } catch {
    throw viberError('badData', 'body is not JSON');
  }
}

/**
 * Viber-compatible bot API under /pa/ (a root plugin): the app is found by X-Viber-Auth-Token
 * (or the body's auth_token, which the official SDK also sends). Every answer is HTTP 200 with a
 * Viber status; one webhook per app, kept as an endpoint with the viber format.
 */
export const viberApiRoutes =
  (ctx: ApiContext, options: ViberApiOptions = {}): FastifyPluginAsyncTypebox =>
  async (app) => {
    const allowHttp = options.allowHttp ?? false;
    const timeoutMs = options.validationTimeoutMs ?? VALIDATION_TIMEOUT_MS;
    // Switching the webhook on or off sends endpoint.enabled/endpoint.disabled (operational outbox).
    const switched = (before: Endpoint, after: Endpoint) =>
      ctx.operational?.switched(before, after);
    const inFlight = new Map<string, Promise<unknown>>();

    /** One set_webhook at a time per app, so "one webhook per account" holds within a process. */
    function oneAtATime<T>(appId: string, work: () => Promise<T>): Promise<T> {
      const previous = inFlight.get(appId) ?? Promise.resolve();
      const next = previous.catch(() => undefined).then(work);
      inFlight.set(appId, next);
      void next
        .finally(() => inFlight.get(appId) === next && inFlight.delete(appId))
        .catch(() => undefined);
      return next;
    }

    async function authenticated(request: FastifyRequest, body: unknown): Promise<App> {
      const header = request.headers['x-viber-auth-token'];
      const fromBody = (body as { auth_token?: unknown } | null)?.auth_token;
      const token =
        typeof header === 'string' && header !== ''
          ? header
          : typeof fromBody === 'string' && fromBody !== ''
            ? fromBody
            : null;
      if (token === null) throw viberError('missing_auth_token', 'no X-Viber-Auth-Token');
      const found = await appByViberToken(ctx.store, token);
      if (!found) throw viberError('invalidAuthToken', 'unknown auth token');
      return found;
    }

    await app.register(
      async (scope) => {
        scope.removeAllContentTypeParsers();
        scope.addContentTypeParser(
          '*',
          { parseAs: 'buffer', bodyLimit: READ_LIMIT },
          (_request, body, done) => done(null, body),
        );
        scope.setErrorHandler((error: FastifyError, request, reply) => {
          if (error instanceof ViberApiError) {
            request.log.debug(
              { reason: error.message },
              `viber api: ${error.reply.status_message}`,
            );
            return reply.status(200).send(error.reply);
          }
          if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
            return reply.status(200).send(viberReply('badData'));
          throw error;
        });

        scope.post(
          '/set_webhook',
          {
            schema: {
              tags: ['viber'],
              summary:
                'Viber set_webhook: validate the URL with a signed webhook callback, then save it',
            },
          },
          async (request) => {
            const body = parseBody(request.body);
            const account = await authenticated(request, body);
            const input = parseSetWebhook(body);
            return oneAtATime(account.id, async () => {
              if (input.url === '') {
                await removeViberWebhook(ctx.store, account.id, ctx.clock.now(), switched);
                return viberReply('ok');
              }
              const problem =
                webhookUrlProblem(input.url, allowHttp) ?? targetProblem(input.url, ctx.targets);
              if (problem) throw viberError('invalidUrl', problem);
              const check = await validateWebhookUrl(
                ctx.sender,
                input.url,
                account.viberAuthToken as string,
                ctx.clock.now(),
                timeoutMs,
              );
              if (!check.ok)
                throw viberError('invalidUrl', `validation callback failed: ${check.reason}`);
              const events = effectiveEventTypes(input.eventTypes);
              await saveViberWebhook(
                ctx.store,
                account.id,
                { url: input.url, events, sendName: input.sendName, sendPhoto: input.sendPhoto },
                ctx.clock.now(),
                ctx.targets,
                switched,
              );
              return viberReply('ok', { event_types: events });
            });
          },
        );

        scope.post(
          '/get_account_info',
          {
            schema: {
              tags: ['viber'],
              summary: 'Viber get_account_info: the app and its webhook with its event types',
            },
          },
          async (request) => {
            const body = parseBody(request.body);
            const account = await authenticated(request, body);
            const webhook = await findViberWebhook(ctx.store, account.id);
            const events = (webhook?.formatOptions.eventTypes as ViberEvent[] | undefined) ?? [];
            return viberReply('ok', {
              id: account.id,
              name: account.name,
              webhook: webhook?.url ?? '',
              event_types: events,
            });
          },
        );
      },
      { prefix: '/pa' },
    );
  };
