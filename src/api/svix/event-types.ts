import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import {
  canonicalEvent,
  canonicalEvents,
  type EventDefinition,
} from '../../domain/events/index.js';
import { notFound } from '../../lib/errors.js';
import type { ApiContext } from '../context.js';
import { listQuery, listResponse, SvixListQuery } from './list.js';
import { notSupported } from './unsupported.js';

const Name = Type.Object({ event_type_name: Type.String({ minLength: 1, maxLength: 256 }) });
const EPOCH = new Date(0).toISOString();
const READ_ONLY =
  'its event types are its built-in messaging catalog (GET /api/v1/event-catalog), and messages may carry any event type without one';

const eventTypeOut = (e: EventDefinition) => ({
  name: e.type,
  description: e.description,
  archived: false,
  deprecated: false,
  groupName: e.type.split('.')[0],
  featureFlags: null,
  schemas: { '1': e.schema },
  createdAt: EPOCH,
  updatedAt: EPOCH,
});

/** Svix `eventType`, read-only onto Hookline's event catalog. */
export const svixEventTypeRoutes =
  (_ctx: ApiContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      '/event-type',
      { schema: { hide: true, querystring: SvixListQuery } },
      async (request) => {
        const { limit, cursor } = listQuery(request.query);
        const all = [...canonicalEvents()].sort((a, b) => a.type.localeCompare(b.type));
        const start = cursor === null ? 0 : all.findIndex((e) => e.type > cursor);
        const page = start === -1 ? [] : all.slice(start, start + limit);
        const more = start !== -1 && start + limit < all.length;
        return listResponse(page.map(eventTypeOut), more ? page[page.length - 1].type : null);
      },
    );

    app.get(
      '/event-type/:event_type_name',
      { schema: { hide: true, params: Name } },
      async (request) => {
        const event = canonicalEvent(request.params.event_type_name);
        if (!event) throw notFound('event type', request.params.event_type_name);
        return eventTypeOut(event);
      },
    );

    for (const method of ['post', 'put', 'patch', 'delete'] as const) {
      const path = method === 'post' ? '/event-type' : '/event-type/:event_type_name';
      app[method](path, { schema: { hide: true } }, async () => {
        throw notSupported(`${method.toUpperCase()} ${path}`, READ_ONLY);
      });
    }
  };
