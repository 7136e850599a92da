import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { ServerResponse } from 'node:http';
import { isExpired } from '../../inspector/bin-service.js';
import { BinStream, type StreamSink } from '../../inspector/bin-stream.js';
import { HooklineError } from '../../lib/errors.js';
import type { ApiContext } from '../context.js';
import { viewerOf } from '../bin-viewer.js';
import { BinParams, StreamQuery } from '../schemas/bins.js';
import { errorBody, errorResponses } from '../schemas/common.js';

export interface BinStreamSettings {
  /** How often a stream re-reads the store (captures on other nodes, deletion, expiry). */
  pollMs?: number;
  heartbeatMs?: number;
}

const StreamHeaders = Type.Object({
  'last-event-id': Type.Optional(
    Type.String({ pattern: '^[0-9]{1,15}$', description: 'Resume after this request id' }),
  ),
});

function sinkOf(raw: ServerResponse): StreamSink {
  return {
    write: (chunk) =>
      new Promise((resolve) => {
        if (raw.destroyed || raw.writableEnded) return resolve();
        if (raw.write(chunk)) return resolve();
        const done = () => {
          raw.off('drain', done);
          raw.off('close', done);
          resolve();
        };
        raw.once('drain', done);
        raw.once('close', done);
      }),
    end: () => {
      if (!raw.writableEnded) raw.end();
    },
  };
}

/** GET /bins/:binId/stream: new captures as Server-Sent Events (see inspector/bin-stream.ts). */
export const binStreamRoutes =
  (ctx: ApiContext, settings: BinStreamSettings = {}): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      '/bins/:binId/stream',
      {
        schema: {
          tags: ['bins'],
          summary: 'Live stream of captured requests (text/event-stream)',
          description:
            'Events: `ready`, then `request` per capture (id = request id; reconnect with Last-Event-ID to miss nothing), and `deleted` or `expired` before the stream ends.',
          params: BinParams,
          querystring: StreamQuery,
          headers: StreamHeaders,
          response: {
            200: {
              description: 'Server-sent events until the bin is deleted or expires',
              content: { 'text/event-stream': { schema: Type.String() } },
            },
            410: errorBody(410),
            ...errorResponses,
          },
        },
      },
      async (request, reply) => {
        const { inspector } = ctx;
        const bin = await inspector.service.get(viewerOf(request), request.params.binId);
        if (isExpired(bin, ctx.clock.now()))
          throw new HooklineError('bin_expired', `bin ${bin.id} has expired`);
        const lastEventId = request.headers['last-event-id'];
        const afterId =
          lastEventId !== undefined
            ? Number(lastEventId)
            : (request.query.after ?? (await inspector.store.latestRequestId(bin.id)));

        reply.hijack();
        const raw = reply.raw;
        raw.writeHead(200, {
          'content-type': 'text/event-stream; charset=utf-8',
          'cache-control': 'no-cache, no-transform',
          connection: 'keep-alive',
          'x-accel-buffering': 'no',
        });
        const stream: BinStream = new BinStream({
          store: inspector.store,
          events: inspector.service.events,
          clock: ctx.clock,
          binId: bin.id,
          afterId,
          sink: sinkOf(raw),
          pollMs: settings.pollMs ?? 2000,
          heartbeatMs: settings.heartbeatMs ?? 15_000,
          onEnd: () => inspector.streams.delete(stream),
        });
        inspector.streams.add(stream);
        raw.on('close', () => stream.close());
        await stream.start();
      },
    );
  };
