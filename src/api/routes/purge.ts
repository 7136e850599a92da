import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { MAX_STEP_SIZE, noTotals } from '../../delivery/retention.js';
import { invalidField } from '../../lib/errors.js';
import type { PurgeCursor } from '../../store/store.js';
import { requireAdmin } from '../auth.js';
import type { ApiContext } from '../context.js';
import { errorBody, errorResponses } from '../schemas/common.js';

/** Messages one request looks at by default; the cursor it returns continues from there. */
const DEFAULT_LIMIT = 5000;

const PurgeIn = Type.Object(
  {
    before: Type.String({
      format: 'date-time',
      description:
        'Settled messages created before this time go, with their deliveries, attempts, idempotency keys and webhook_id mappings; so do older stats rollups and recover runs. Not in the future.',
    }),
    limit: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 10_000,
        default: DEFAULT_LIMIT,
        description: 'Messages looked at by this request, in steps of at most 200',
      }),
    ),
    cursor: Type.Optional(
      Type.String({
        maxLength: 512,
        description: 'The `cursor` of the previous answer, to continue the same purge',
      }),
    ),
  },
  { additionalProperties: false },
);

const Count = Type.Integer({ minimum: 0 });
const PurgeOut = Type.Object({
  before: Type.String(),
  messages: Count,
  deliveries: Count,
  attempts: Count,
  history: Type.Integer({
    minimum: 0,
    description: 'Stats rollups, recover and replay runs and simulator test attempts deleted',
  }),
  pagesReclaimed: Type.Integer({
    minimum: 0,
    description: 'SQLite pages given back to the file system (incremental auto-vacuum)',
  }),
  done: Type.Boolean({ description: 'false: more remains; send the same request with `cursor`' }),
  cursor: Type.Union([Type.String(), Type.Null()]),
});

const encode = (c: PurgeCursor) =>
  Buffer.from(JSON.stringify([c.createdAt, c.id])).toString('base64url');

function decode(cursor: string): PurgeCursor {
  try {
    const [createdAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as unknown[];
    if (Number.isSafeInteger(createdAt) && typeof id === 'string')
      return { createdAt: createdAt as number, id };
  } catch {
    // falls through to the 400 below
  }
  throw invalidField('cursor', 'not a cursor this route returned');
}

/**
 * POST /api/v1/purge (admin): retention by hand, bounded per request. Only settled messages go;
 * pending, retrying and in-flight work is never touched. `hookline purge` calls it until done.
 */
export const purgeRoutes =
  (ctx: ApiContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.post(
      '/purge',
      {
        schema: {
          tags: ['retention'],
          summary: 'Delete settled messages created before a time (bounded per call; repeat)',
          body: PurgeIn,
          response: {
            200: PurgeOut,
            ...errorResponses,
            403: errorBody(403, ['admin_required', 'portal_forbidden']),
          },
        },
      },
      async (request) => {
        requireAdmin(request);
        const now = ctx.clock.now();
        const before = Date.parse(request.body.before);
        if (Number.isNaN(before)) throw invalidField('before', 'not a date-time');
        if (before > now)
          throw invalidField('before', 'is in the future: only the past can be purged');
        const after = request.body.cursor === undefined ? null : decode(request.body.cursor);
        const limit = request.body.limit ?? DEFAULT_LIMIT;
        const run = await ctx.retention.purgeSteps(before, after, now, limit, MAX_STEP_SIZE);
        const totals = { ...noTotals(), ...run.totals };
        if (run.next === null) await ctx.retention.finish(before, totals);
        return {
          before: new Date(before).toISOString(),
          messages: totals.messages,
          deliveries: totals.deliveries,
          attempts: totals.attempts,
          history: totals.history,
          pagesReclaimed: totals.pagesReclaimed,
          done: run.next === null,
          cursor: run.next === null ? null : encode(run.next),
        };
      },
    );
  };
