import { Type } from '@sinclair/typebox';
import { BIN_LIMITS } from '../../inspector/bin-limits.js';
import { literals } from './common.js';

const options = {
  responseStatus: Type.Integer({
    minimum: 200,
    maximum: 599,
    description: `Status every capture is answered with (default ${BIN_LIMITS.defaultStatus})`,
  }),
  responseBody: Type.String({
    maxLength: BIN_LIMITS.maxResponseBodyChars,
    description: 'Body of that answer (default empty)',
  }),
  responseContentType: Type.String({
    minLength: 1,
    maxLength: 256,
    description: `Its content type (default ${BIN_LIMITS.defaultContentType})`,
  }),
  responseDelayMs: Type.Integer({
    minimum: 0,
    maximum: BIN_LIMITS.maxDelayMs,
    description: 'Wait before answering, up to 30 s (default 0)',
  }),
  requestLimit: Type.Integer({
    minimum: 1,
    maximum: BIN_LIMITS.maxRequestLimit,
    description: `Requests kept; the oldest are dropped past it (default ${BIN_LIMITS.defaultRequestLimit})`,
  }),
  expiresInSeconds: Type.Integer({
    minimum: BIN_LIMITS.minExpiresInSeconds,
    maximum: BIN_LIMITS.maxExpiresInSeconds,
    description: 'Lifetime from now; then the URL answers 410 (default 7 days)',
  }),
};

export const BinCreate = Type.Object(
  {
    appId: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 64,
        description: 'Owning app; an app key always creates bins for its own app',
      }),
    ),
    ...Type.Partial(Type.Object(options)).properties,
  },
  { $id: 'BinCreate', additionalProperties: false },
);

export const BinPatch = Type.Partial(Type.Object(options), {
  $id: 'BinPatch',
  additionalProperties: false,
});

export const BinOut = Type.Object(
  {
    id: Type.String(),
    url: Type.String({
      description: 'The public capture URL; any method and any path below it is captured',
    }),
    appId: Type.Union([Type.String(), Type.Null()]),
    responseStatus: options.responseStatus,
    responseBody: options.responseBody,
    responseContentType: options.responseContentType,
    responseDelayMs: options.responseDelayMs,
    requestLimit: options.requestLimit,
    requestCount: Type.Integer(),
    createdAt: Type.String(),
    expiresAt: Type.String(),
    expired: Type.Boolean(),
  },
  { $id: 'Bin' },
);

export const BinParams = Type.Object({ binId: Type.String({ minLength: 1, maxLength: 64 }) });
export const BinRequestParams = Type.Object({
  binId: Type.String({ minLength: 1, maxLength: 64 }),
  requestId: Type.Integer({ minimum: 1 }),
});

export const BinListQuery = Type.Object({
  limit: Type.Integer({ minimum: 1, maximum: 250, default: 50 }),
  cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 400 })),
  appId: Type.Optional(
    Type.String({ minLength: 1, maxLength: 64, description: "Admin only: one app's bins" }),
  ),
});

/** Captured bodies can be large: smaller pages than elsewhere. */
export const BinRequestListQuery = Type.Object({
  limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
  cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 400 })),
});

export const StreamQuery = Type.Object({
  after: Type.Optional(
    Type.Integer({
      minimum: 0,
      description: 'Send requests after this id first (default: only new ones; Last-Event-ID wins)',
    }),
  ),
});

/** A [name, value] pair: an array of two strings (OpenAPI has no draft-07 tuple `items`). */
const NameValue = Type.Unsafe<[string, string]>(
  Type.Array(Type.String(), { minItems: 2, maxItems: 2 }),
);

export const BinRequestOut = Type.Object(
  {
    id: Type.Integer(),
    binId: Type.String(),
    method: Type.String(),
    path: Type.String(),
    subpath: Type.String(),
    query: Type.String(),
    headers: Type.Array(NameValue, { description: 'Name/value pairs as received, repeats kept' }),
    body: Type.String(),
    bodyEncoding: literals(['utf8', 'base64'] as const),
    bodySize: Type.Integer(),
    bodyTruncated: Type.Boolean(),
    remoteAddress: Type.String(),
    receivedAt: Type.String(),
    eventType: Type.Union([Type.String(), Type.Null()], {
      description: 'Best guess from the body; null when unknown',
    }),
  },
  { $id: 'BinRequest' },
);

export const VerificationOut = Type.Object(
  {
    signed: Type.Boolean(),
    verified: Type.Boolean(),
    scheme: Type.Union([
      literals(['standard-webhooks', 'viber', 'hex-hmac'] as const),
      Type.Null(),
    ]),
    endpointId: Type.Union([Type.String(), Type.Null()]),
    key: Type.Union([
      literals(['current-secret', 'rotated-secret', 'viber-auth-token'] as const),
      Type.Null(),
    ]),
    timestampSkewSeconds: Type.Union([Type.Integer(), Type.Null()]),
    message: Type.String(),
  },
  { $id: 'SignatureCheck' },
);

export const BinRequestDetailOut = Type.Intersect(
  [BinRequestOut, Type.Object({ verification: VerificationOut })],
  { $id: 'BinRequestDetail' },
);
