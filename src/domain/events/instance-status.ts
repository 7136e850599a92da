import { Type, type Static } from '@sinclair/typebox';
import { defineEvent } from './definition.js';
import { DateTime, Text } from './schema-kinds.js';

/**
 * `instance.status`: a chat-API instance (a connected phone session) changed state.
 * `normal` is the healthy sub-state of `authenticated` in the Chat-API documentation.
 */
export const INSTANCE_STATUSES = [
  'authenticated',
  'init',
  'loading',
  'normal',
  'phone',
  'computer',
  'offline',
  'battery_low',
  'syncing',
] as const;

export const InstanceStatusSchema = Type.Object(
  {
    instance_id: Text('The instance', 64),
    status: Type.Union(
      INSTANCE_STATUSES.map((s) => Type.Literal(s)),
      {
        description:
          'authenticated, init, loading, normal, phone, computer, offline, battery_low, syncing',
      },
    ),
    timestamp: DateTime('When the instance changed state'),
    message: Type.Optional(
      Type.String({ maxLength: 1024, description: 'Human-readable explanation' }),
    ),
  },
  { additionalProperties: false },
);

export type InstanceStatus = Static<typeof InstanceStatusSchema>;

export const instanceStatus = defineEvent({
  type: 'instance.status',
  description:
    'A chat-API instance changed state (authenticated, init, loading, phone, computer, offline, battery_low, syncing).',
  schema: InstanceStatusSchema,
  sample: {
    instance_id: '128634',
    status: 'battery_low',
    timestamp: '2026-01-15T11:00:00.000Z',
    message: 'Phone battery is below 15%',
  },
});
