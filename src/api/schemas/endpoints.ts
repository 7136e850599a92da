import { Type } from '@sinclair/typebox';
import { RETRY_PRESETS } from '../../domain/retry-policy.js';
import { SIGNATURE_ALGORITHMS } from '../../domain/signature-algorithm.js';
import { DISABLED_REASONS, RECOVERABLE_STATES } from '../../domain/types.js';
import { RECOVER_DEFAULT_LIMIT, RECOVER_MAX_LIMIT } from '../requeue.js';
import { literals, Metadata } from './common.js';
import { EndpointHealthOut } from './stats.js';

const RetryPolicy = Type.Object(
  {
    preset: literals(RETRY_PRESETS),
    waitsMs: Type.Optional(
      Type.Array(Type.Integer({ minimum: 0, maximum: 7 * 24 * 3600 * 1000 }), { maxItems: 50 }),
    ),
  },
  { $id: 'RetryPolicy', additionalProperties: false },
);

// Names and values are checked in domain/endpoint-rules.ts, so a 400 names `headers.<name>`.
const Headers = Type.Record(Type.String(), Type.String({ maxLength: 4096 }), {
  maxProperties: 20,
  description: 'Extra request headers: token-character names, values without control characters',
});

const SignatureAlgorithm = literals(SIGNATURE_ALGORITHMS, {
  description:
    'hmac-sha256 signs Standard Webhooks v1 with a shared whsec_ secret; ed25519 signs v1a with a whsk_ secret key that never leaves Hookline (receivers verify with its whpk_ public key)',
});

const settings = {
  url: Type.String({ minLength: 1, maxLength: 2048 }),
  description: Type.String({ maxLength: 1024 }),
  disabled: Type.Boolean(),
  filterTypes: Type.Union([
    Type.Array(Type.String({ minLength: 1, maxLength: 256 }), { maxItems: 100 }),
    Type.Null(),
  ]),
  headers: Headers,
  timeoutMs: Type.Union([Type.Integer({ minimum: 100, maximum: 60_000 }), Type.Null()]),
  retryPolicy: RetryPolicy,
  ordering: literals(['parallel', 'serial', 'per-key'] as const, {
    description:
      'parallel: no order; serial: one delivery at a time for the whole endpoint; per-key: one at a time per ordering key, keys in parallel up to maxConcurrency',
  }),
  orderingKeyPath: Type.Union([
    Type.String({
      minLength: 1,
      maxLength: 512,
      description:
        'per-key: the payload field (dotted path, e.g. `sender.id`) the key is read from, instead of the message’s orderingKey',
    }),
    Type.Null(),
  ]),
  filter: Type.Union([
    Type.Record(Type.String(), Type.Unknown(), {
      description:
        'Payload filter: only messages whose payload matches are delivered (equality, $eq, $neq, $in, $nin, $gt, $gte, $lt, $lte, $exists, $startsWith, $endsWith, $and, $or, $not); see docs/ordering.md',
    }),
    Type.Null(),
  ]),
  propagateTraceContext: Type.Boolean({
    description:
      "Requests carry the W3C `traceparent` of the message's trace (the producer's, continued by Hookline's spans when tracing is on); false sends none. Default true",
  }),
  maxConcurrency: Type.Integer({ minimum: 1, maximum: 1000 }),
  rateLimit: Type.Union([Type.Number({ exclusiveMinimum: 0, maximum: 100_000 }), Type.Null()]),
  format: Type.String({ minLength: 1, maxLength: 32 }),
  formatOptions: Type.Record(Type.String(), Type.Unknown()),
  metadata: Metadata,
};

export const EndpointCreate = Type.Object(
  {
    ...settings,
    description: Type.Optional(settings.description),
    disabled: Type.Optional(settings.disabled),
    filterTypes: Type.Optional(settings.filterTypes),
    headers: Type.Optional(settings.headers),
    timeoutMs: Type.Optional(settings.timeoutMs),
    retryPolicy: Type.Optional(settings.retryPolicy),
    ordering: Type.Optional(settings.ordering),
    orderingKeyPath: Type.Optional(settings.orderingKeyPath),
    filter: Type.Optional(settings.filter),
    propagateTraceContext: Type.Optional(settings.propagateTraceContext),
    maxConcurrency: Type.Optional(settings.maxConcurrency),
    rateLimit: Type.Optional(settings.rateLimit),
    format: Type.Optional(settings.format),
    formatOptions: Type.Optional(settings.formatOptions),
    metadata: Type.Optional(settings.metadata),
    secret: Type.Optional(
      Type.String({
        pattern: '^(whsec_[A-Za-z0-9+/]{32,88}={0,2}|whsk_[A-Za-z0-9+/]{43,86}={0,2})$',
        description:
          'whsec_ + base64 of 24–64 bytes (HMAC), or whsk_ + base64 of an ed25519 secret key; generated when omitted',
      }),
    ),
    signatureAlgorithm: Type.Optional(SignatureAlgorithm),
  },
  { $id: 'EndpointCreate', additionalProperties: false },
);

export const EndpointPatch = Type.Partial(
  Type.Object({
    ...settings,
    sendHeld: Type.Boolean({
      description:
        'With the endpoint enabled (e.g. `disabled: false`): send the deliveries held while it was disabled (as recover with state held, at most 1000 per call; the same request again continues). Default false: they stay held',
    }),
  }),
  { $id: 'EndpointPatch', additionalProperties: false },
);

export const EndpointVerificationOut = Type.Object(
  {
    binId: Type.String(),
    binUrl: Type.String({ description: 'Where deliveries go while it runs' }),
    startedAt: Type.String(),
    until: Type.String({ description: 'When the endpoint goes back to its URL by itself' }),
  },
  {
    $id: 'EndpointVerification',
    description: 'Webhook verification: deliveries go to a bin until `until`',
  },
);

export const EndpointOut = Type.Object(
  {
    id: Type.String(),
    appId: Type.String(),
    ...settings,
    disabledReason: Type.Union([literals(DISABLED_REASONS), Type.Null()], {
      description:
        'Why it is disabled: gone (its receiver answered 410 Gone), failing (no success for HOOKLINE_DISABLE_AFTER), manual (switched off through the API or console); null while enabled',
    }),
    disabledAt: Type.Union([Type.String(), Type.Null()], {
      description: 'When it was disabled; null while enabled',
    }),
    verification: Type.Union([EndpointVerificationOut, Type.Null()]),
    signatureAlgorithm: SignatureAlgorithm,
    health: Type.Optional(EndpointHealthOut),
    createdAt: Type.String(),
    updatedAt: Type.String(),
  },
  { $id: 'Endpoint' },
);

/** POST .../verification: switch the endpoint to a bin for a set time, or until stopped. */
export const VerificationStart = Type.Object(
  {
    durationSeconds: Type.Optional(
      Type.Integer({
        minimum: 10,
        maximum: 30 * 24 * 3600,
        description: 'How long; default: until stopped (at most until the bin expires)',
      }),
    ),
    binId: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 64,
        description: "One of the app's bins; default: a new bin",
      }),
    ),
  },
  { $id: 'VerificationStart', additionalProperties: false },
);

/** What a receiver verifies with: the HMAC secret, or the public key of an ed25519 secret key. */
export const VerificationKey = Type.Object({
  signatureAlgorithm: SignatureAlgorithm,
  secret: Type.Optional(
    Type.String({ description: 'hmac-sha256: the whsec_ secret, shown to the receiver' }),
  ),
  publicKey: Type.Optional(
    Type.String({
      description: 'ed25519: the whpk_ public key; the whsk_ secret key is never shown',
    }),
  ),
});

export const EndpointCreated = Type.Intersect(
  [
    EndpointOut,
    Type.Object({
      secret: VerificationKey.properties.secret,
      publicKey: VerificationKey.properties.publicKey,
    }),
  ],
  { $id: 'EndpointCreated' },
);

export const SecretRotate = Type.Object(
  {
    secret: Type.Optional(EndpointCreate.properties.secret),
    signatureAlgorithm: Type.Optional(SignatureAlgorithm),
    graceMs: Type.Optional(
      Type.Integer({ minimum: 0, maximum: 7 * 24 * 3600 * 1000, default: 24 * 3600 * 1000 }),
    ),
  },
  { $id: 'SecretRotate', additionalProperties: false },
);

export const SecretsOut = Type.Object(
  {
    secrets: Type.Array(
      Type.Object({
        ...VerificationKey.properties,
        createdAt: Type.String(),
        expiresAt: Type.Union([Type.String(), Type.Null()]),
      }),
    ),
  },
  { $id: 'EndpointSecrets' },
);

export const RecoverStates = Type.Array(literals(RECOVERABLE_STATES), {
  minItems: 1,
  uniqueItems: true,
  description: 'the states to send again; default ["failed"]',
});

export const RecoverLimit = Type.Integer({
  minimum: 1,
  maximum: RECOVER_MAX_LIMIT,
  description: `at most this many deliveries per call (default ${RECOVER_DEFAULT_LIMIT}); when \`done\` is false, send the same request again to continue`,
});

export const RecoverBody = Type.Object(
  {
    since: Type.String({ format: 'date-time' }),
    until: Type.Optional(Type.String({ format: 'date-time' })),
    states: Type.Optional(RecoverStates),
    limit: Type.Optional(RecoverLimit),
  },
  { $id: 'RecoverRequest', additionalProperties: false },
);

export const RecoverOut = Type.Object({
  requeued: Type.Integer({ description: 'deliveries re-queued by this call' }),
  requeuedTotal: Type.Integer({ description: 'by every call of the same request so far' }),
  done: Type.Boolean({
    description: 'false: more deliveries match; send the same request again to continue',
  }),
  until: Type.String({ description: 'the end of the window, fixed by the first call' }),
});

/** PATCH's answer: the endpoint, and with `sendHeld` what was sent of its held deliveries. */
export const EndpointPatched = Type.Intersect(
  [
    EndpointOut,
    Type.Object({
      heldSent: Type.Optional(RecoverOut),
    }),
  ],
  { $id: 'EndpointPatched' },
);
