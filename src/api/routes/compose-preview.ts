import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { previewCompose } from '../../formats/compose-preview.js';
import { badRequest } from '../../lib/errors.js';
import { stringifyJson } from '../../lib/json.js';
import type { ApiContext } from '../context.js';
import { errorResponses } from '../schemas/common.js';
import { sendJsonText } from '../serialize.js';

const PreviewBody = Type.Object(
  {
    template: Type.Unknown({
      description: 'A compose template: {url, method, headers, body, bodyFormat}',
    }),
    eventType: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 256,
        description: 'Catalog event type; message.status by default',
      }),
    ),
    data: Type.Optional(
      Type.Unknown({ description: 'Event data; the catalog sample of eventType when absent' }),
    ),
    endpointUrl: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 2048,
        description: 'Used when the template has no url',
      }),
    ),
    sendName: Type.Optional(Type.Boolean()),
    sendPhoto: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

const PreviewOut = Type.Object(
  {
    eventType: Type.String(),
    data: Type.Unknown({ description: 'The event data the template was rendered with' }),
    request: Type.Object({
      method: Type.String(),
      url: Type.String(),
      headers: Type.Record(Type.String(), Type.String()),
      body: Type.Union([Type.String(), Type.Null()]),
    }),
  },
  { $id: 'ComposePreview' },
);

/** Renders a compose template against a sample event without sending anything. */
export const composePreviewRoutes =
  (_ctx: ApiContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.post(
      '/formats/compose/preview',
      {
        schema: {
          tags: ['formats'],
          summary:
            'Preview a compose template: the request it would send (unsigned) for a sample or given event',
          body: PreviewBody,
          response: { 200: PreviewOut, ...errorResponses },
        },
      },
      async (request, reply) => {
        const preview = previewCompose(request.body);
        if (!preview.ok)
          throw badRequest(
            `${preview.errors[0].field}: ${preview.errors[0].message}`,
            preview.errors,
          );
        return sendJsonText(
          reply,
          200,
          stringifyJson({
            eventType: preview.eventType,
            data: preview.data,
            request: preview.request,
          }),
        );
      },
    );
  };
