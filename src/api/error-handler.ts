import type { FastifyError, FastifyInstance } from 'fastify';
import { HooklineError, type ErrorDetail } from '../lib/errors.js';

/** ajv's instancePath (/payload/0/name) as a field name (payload[0].name), or the missing property. */
function fieldOf(
  v: { instancePath?: string; params?: Record<string, unknown> },
  location: string,
): string {
  const path = (v.instancePath ?? '')
    .split('/')
    .filter(Boolean)
    .map((p) => (/^\d+$/.test(p) ? `[${p}]` : `.${p}`))
    .join('')
    .replace(/^\./, '');
  const missing = v.params?.missingProperty ?? v.params?.additionalProperty;
  const leaf = typeof missing === 'string' ? (path ? `${path}.${missing}` : missing) : path;
  return leaf || location;
}

// A value failing a `T | null` union yields three messages; the first says what was wrong.
const UNION_NOISE = new Set([
  'must be null',
  'must match a schema in anyOf',
  'must match exactly one schema in oneOf',
]);

function dedupe(details: ErrorDetail[]): ErrorDetail[] {
  const byField = new Map<string, ErrorDetail>();
  for (const d of details) {
    const key = d.field ?? '';
    const seen = byField.get(key);
    if (!seen || (UNION_NOISE.has(seen.message) && !UNION_NOISE.has(d.message)))
      byField.set(key, d);
  }
  return [...byField.values()];
}

/** One error body for everything: { code, message, details }. Never a stack trace. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError & { validationContext?: string }, request, reply) => {
    if (error instanceof HooklineError) {
      if (error.status >= 500) request.log.warn({ code: error.code }, error.message);
      return reply.status(error.status).send(error.toBody());
    }
    if (error.validation) {
      const location = error.validationContext ?? 'body';
      const details = dedupe(
        error.validation.map((v) => {
          const extra = v.params?.additionalProperty
            ? 'unknown property'
            : (v.message ?? 'invalid');
          return { field: fieldOf(v, location), message: extra };
        }),
      );
      const first = details[0] ?? { field: location, message: 'invalid' };
      return reply.status(400).send({
        code: 'invalid_request',
        message: `${location === 'body' ? '' : `${location} `}${first.field}: ${first.message}`,
        details,
      });
    }
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return reply
        .status(413)
        .send({ code: 'payload_too_large', message: error.message, details: [] });
    }
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return reply
        .status(415)
        .send({ code: 'unsupported_media_type', message: error.message, details: [] });
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return reply
        .status(error.statusCode)
        .send({ code: 'invalid_request', message: error.message, details: [] });
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply
      .status(500)
      .send({ code: 'internal', message: 'internal error; see the server log', details: [] });
  });
  app.setNotFoundHandler((request, reply) =>
    reply.status(404).send({
      code: 'not_found',
      message: `no route ${request.method} ${request.url.split('?')[0]}`,
      details: [],
    }),
  );
}
