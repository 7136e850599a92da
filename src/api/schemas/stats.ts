import { Type } from '@sinclair/typebox';
import { IsoDate, literals } from './common.js';

/** Endpoint health and delivery time series (issue 13, issue 14's console pages). */

const Figures = {
  attempts: Type.Integer({ description: 'Attempts made' }),
  succeeded: Type.Integer({ description: 'Attempts that succeeded' }),
  retrying: Type.Integer({ description: 'Failed attempts with another one to come' }),
  failed: Type.Integer({ description: 'Failed attempts that were the delivery’s last' }),
  successRate: Type.Union([Type.Number({ minimum: 0, maximum: 1 }), Type.Null()], {
    description: 'succeeded / attempts; null without attempts',
  }),
  latencyP50Ms: Type.Union([Type.Integer(), Type.Null()], {
    description: 'Median attempt duration, from the rollups’ latency histogram',
  }),
  latencyP95Ms: Type.Union([Type.Integer(), Type.Null()]),
};

export const StatsFigures = Type.Object(Figures);

export const LastError = Type.Union([
  Type.Object({
    at: Type.String(),
    message: Type.String(),
    statusCode: Type.Union([Type.Integer(), Type.Null()]),
    kind: Type.Union([Type.String(), Type.Null()], {
      description: 'timeout, connection, dns, status, tls or blocked',
    }),
  }),
  Type.Null(),
]);

export const EndpointHealthOut = Type.Object(
  {
    consecutiveFailures: Type.Integer({ description: 'Failed attempts since the last success' }),
    failingSince: Type.Union([Type.String(), Type.Null()], {
      description: 'The first failure after the last success; null while healthy',
    }),
    lastSuccessAt: Type.Union([Type.String(), Type.Null()]),
    lastError: LastError,
    lastHour: StatsFigures,
    lastDay: StatsFigures,
  },
  { description: 'Rolling figures, kept as attempt results are committed' },
);

export const StatsQuery = Type.Object(
  {
    since: Type.Optional(
      Type.String({
        format: 'date-time',
        description: 'Default: 1 hour before `until` (bucket 1m), 7 days before (bucket 1h)',
      }),
    ),
    until: Type.Optional(Type.String({ format: 'date-time', description: 'Default: now' })),
    bucket: Type.Optional(
      literals(['1m', '1h'] as const, { description: 'Bucket size; default 1m' }),
    ),
  },
  { additionalProperties: false },
);

const Point = Type.Object({ start: Type.String(), ...Figures });

const seriesFields = {
  bucket: literals(['1m', '1h'] as const),
  since: IsoDate,
  until: IsoDate,
  series: Type.Array(Point, {
    description: 'One point per bucket in [since, until), zeros where nothing was attempted',
  }),
  totals: StatsFigures,
};

export const EndpointStatsOut = Type.Object({ endpointId: Type.String(), ...seriesFields });

export const FailingEndpoint = Type.Object({
  id: Type.String(),
  url: Type.String(),
  description: Type.String(),
  disabled: Type.Boolean(),
  consecutiveFailures: Type.Integer(),
  failingSince: Type.Union([Type.String(), Type.Null()]),
  lastError: LastError,
});

export const AppStatsOut = Type.Object({
  appId: Type.String(),
  ...seriesFields,
  backlog: Type.Object(
    {
      pending: Type.Integer({ description: 'Waiting: due, for a retry, or parked' }),
      delivering: Type.Integer({ description: 'Being sent now' }),
    },
    { description: 'Deliveries not yet finished, now (not bounded by since/until)' },
  ),
  failingEndpoints: Type.Array(FailingEndpoint, {
    description: 'Endpoints failing since their last success, most failures first (at most 20)',
  }),
});
