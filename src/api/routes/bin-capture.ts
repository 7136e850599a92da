import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { METHODS, type IncomingMessage } from 'node:http';
import { readCappedBody, type CappedBody } from '../../inspector/body-reader.js';
import { BIN_LIMITS } from '../../inspector/bin-limits.js';
import { toNewBinRequest } from '../../inspector/capture.js';
import { badRequest, HooklineError, notFound } from '../../lib/errors.js';
import type { ApiContext } from '../context.js';

/** Whatever the request said its type was, the capture parser reads the bytes as they are. */
const CAPTURE_TYPE = 'application/x-hookline-capture';

function hasBody(raw: IncomingMessage): boolean {
  const length = raw.headers['content-length'];
  return raw.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/**
 * The public capture URL, /in/:binId and anything below it: any method, any content type, binary
 * bodies (kept up to the cap, the rest counted and marked truncated), no auth. Answers with the
 * bin's status, body and delay; 404 for an unknown bin, 410 once it expired.
 */
export const binCaptureRoutes =
  (ctx: ApiContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    await app.register(async (scope) => {
      // Every method Node parses (CONNECT is a tunnel, not a request).
      for (const method of METHODS) {
        if (method !== 'CONNECT' && !scope.supportedMethods.includes(method))
          scope.addHttpMethod(method, { hasBody: true });
      }
      // The JSON parser (and the content-type check, which refuses odd or empty types with 415) would
      // change or refuse bodies: here every body is read raw. The original header stays in rawHeaders.
      scope.removeAllContentTypeParsers();
      scope.addHook('onRequest', async (request) => {
        request.raw.headers['content-type'] = CAPTURE_TYPE;
      });
      scope.addContentTypeParser(CAPTURE_TYPE, (_request, payload, done) => {
        readCappedBody(payload, BIN_LIMITS.bodyCapBytes).then(
          (body) => done(null, body),
          () =>
            done(
              badRequest('body: the request body was cut off', [
                { field: 'body', message: 'cut off before its end' },
              ]),
              undefined,
            ),
        );
      });

      const capture = async (
        request: FastifyRequest<{ Params: { binId: string } }>,
        reply: FastifyReply,
      ) => {
        const { service, delays } = ctx.inspector;
        let body = request.body as CappedBody | undefined;
        // GET, HEAD and TRACE bodies are not parsed by fastify; a bin still keeps them.
        if (body === undefined && hasBody(request.raw))
          body = await readCappedBody(request.raw, BIN_LIMITS.bodyCapBytes);
        const result = await service.capture(
          toNewBinRequest({
            binId: request.params.binId,
            method: request.method,
            url: request.raw.url ?? '/',
            rawHeaders: request.raw.rawHeaders,
            body: body ?? null,
            remoteAddress: request.socket.remoteAddress ?? '',
            now: ctx.clock.now(),
          }),
        );
        if (result.kind === 'unknown') throw notFound('bin', request.params.binId);
        if (result.kind === 'expired')
          throw new HooklineError('bin_expired', `bin ${result.bin.id} has expired`);
        const { response } = result.bin;
        await delays.wait(response.delayMs);
        // A Buffer goes out exactly as configured (a string would get a charset appended).
        return reply
          .status(response.status)
          .header('content-type', response.contentType)
          .send(Buffer.from(response.body, 'utf8'));
      };

      scope.all('/in/:binId', { schema: { hide: true } }, capture);
      scope.all('/in/:binId/*', { schema: { hide: true } }, capture);
    });
  };
