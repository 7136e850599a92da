import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Value } from '@sinclair/typebox/value';
import type { BotService } from '../../bots/bot-service.js';
import { explain } from '../../bots/violations/explain-errors.js';
import { violationsError } from '../../bots/violations/violation.js';
import { INVOCATION_ERRORS } from '../../lib/error-codes.js';
import { invocationJson } from '../bot-json.js';
import {
  AppIdQuery,
  botErrorBody,
  botErrorResponses,
  ChatContextBody,
  ConnectionParams,
  InvocationPage,
  InvocationQuery,
  InvokeResult,
} from '../schemas/bots.js';
import { appIdOf } from './bot-auth.js';

const tags = ['bots'];

/** limit/cursor from the query string (the bot routes do their own checking; see bots.ts). */
function pageQuery(raw: unknown): { limit: number; cursor: string | null } {
  const query = Value.Default(
    InvocationQuery,
    Value.Convert(InvocationQuery, { ...(raw as object) }),
  );
  if (!Value.Check(InvocationQuery, query))
    throw violationsError('invalid query', [...explain(Value.Errors(InvocationQuery, query))]);
  return { limit: query.limit ?? 50, cursor: query.cursor ?? null };
}

/** Invoking a connection with a chat context, and the history of invocations. */
export const botInvocationRoutes =
  (service: BotService): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.post(
      '/:id/invoke',
      {
        schema: {
          tags,
          summary:
            'POST the chat context to the receiver and return its validated, normalised reply',
          description:
            `Receiver failures answer 422 with a code: ${Object.keys(INVOCATION_ERRORS).join(', ')}. ` +
            "Each sets the connection's error; a success clears it.",
          params: ConnectionParams,
          querystring: AppIdQuery,
          body: ChatContextBody,
          response: { 200: InvokeResult, ...botErrorResponses, 422: botErrorBody(422) },
        },
      },
      async (request) => {
        const { invocation, reply } = await service.invoke(
          appIdOf(request),
          request.params.id,
          request.body as unknown,
        );
        return {
          responses: reply.responses,
          attributes: reply.attributes,
          invocation: invocationJson(invocation),
        };
      },
    );

    app.get(
      '/:id/invocations',
      {
        schema: {
          tags,
          summary: "List the connection's invocations, newest first",
          params: ConnectionParams,
          querystring: InvocationQuery,
          response: { 200: InvocationPage, ...botErrorResponses },
        },
      },
      async (request) => {
        const page = await service.invocations(
          appIdOf(request),
          request.params.id,
          pageQuery(request.query),
        );
        return { data: page.data.map(invocationJson), nextCursor: page.nextCursor };
      },
    );
  };
