import { Type } from '@sinclair/typebox';
import { BinCreate, BinOut } from './bins.js';
import { EndpointOut } from './endpoints.js';
import { AttemptOut } from './messages.js';

export const SimulateBody = Type.Object(
  {
    eventType: Type.String({
      minLength: 1,
      maxLength: 256,
      description: 'A canonical event type, e.g. message.received (GET /event-catalog lists them)',
    }),
    overrides: Type.Optional(
      Type.Unknown({
        description: 'JSON object merged into the sample (JSON Merge Patch: null removes a field)',
      }),
    ),
  },
  { $id: 'SimulateRequest', additionalProperties: false },
);

export const SimulateOut = Type.Object(
  {
    messageId: Type.String(),
    eventType: Type.String(),
    sent: Type.Boolean(),
    reason: Type.Union([Type.String(), Type.Null()]),
    matchesFilter: Type.Boolean(),
    request: Type.Union([
      Type.Object({
        method: Type.String(),
        url: Type.String(),
        headers: Type.Record(Type.String(), Type.String()),
        body: Type.Union([Type.String(), Type.Null()]),
      }),
      Type.Null(),
    ]),
    attempt: Type.Union([AttemptOut, Type.Null()]),
  },
  { $id: 'Simulation' },
);

export const TestEndpointBody = Type.Object(
  {
    format: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 32,
        description: 'Wire format of the endpoint (default standard)',
      }),
    ),
    formatOptions: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
    filterTypes: Type.Optional(
      Type.Union([
        Type.Array(Type.String({ minLength: 1, maxLength: 256 }), { maxItems: 100 }),
        Type.Null(),
      ]),
    ),
    bin: Type.Optional(Type.Omit(BinCreate, ['appId'], { additionalProperties: false })),
  },
  { $id: 'TestEndpointRequest', additionalProperties: false },
);

export const TestEndpointOut = Type.Object(
  {
    bin: BinOut,
    endpoint: EndpointOut,
    secret: Type.String({ description: "The endpoint's signing secret, shown once" }),
  },
  { $id: 'TestEndpoint' },
);
