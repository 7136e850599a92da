import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import type { ErrorCode } from '../lib/error-codes.js';
import { HooklineError, type ErrorDetail } from '../lib/errors.js';
import { isStorageFull, storageFull } from '../store/storage-full.js';

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

/**
 * A choice (a union of literals) fails with one `const` error per allowed value; gathered per field,
 * they become one "must be one of: a, b" message. `enum` errors carry the list themselves.
 */
function choicesByField(
  errors: Array<{ keyword?: string; instancePath?: string; params?: Record<string, unknown> }>,
  location: string,
): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const v of errors) {
    const values =
      v.keyword === 'const'
        ? [v.params?.allowedValue]
        : v.keyword === 'enum'
          ? ((v.params?.allowedValues as unknown[]) ?? [])
          : [];
    if (values.length === 0) continue;
    const field = fieldOf(v, location);
    out.set(field, [...(out.get(field) ?? []), ...values.map((x) => String(x))]);
  }
  return out;
}

/** Fastify's own 4xx errors, by status; any other 4xx it raises is a bad request. */
const FASTIFY_STATUS_CODES: Partial<Record<number, ErrorCode>> = {
  404: 'not_found',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
};

function send(reply: FastifyReply, error: HooklineError): FastifyReply {
  return reply.status(error.status).send(error.toBody());
}

/** One error body for everything: { code, message, details }. Never a stack trace. */
export function installErrorHandler(
  app: FastifyInstance,
  methodsOf: (path: string) => string[] = () => [],
): void {
  app.setErrorHandler((error: FastifyError & { validationContext?: string }, request, reply) => {
    if (error instanceof HooklineError) {
      if (error.status >= 500) request.log.warn({ code: error.code }, error.message);
      return send(reply, error);
    }
    if (error.validation) {
      const location = error.validationContext ?? 'body';
      const choices = choicesByField(error.validation, location);
      const details = dedupe(
        error.validation.map((v) => {
          const field = fieldOf(v, location);
          const allowed = choices.get(field);
          const extra = v.params?.additionalProperty
            ? 'unknown property'
            : allowed
              ? `must be one of: ${allowed.join(', ')}`
              : (v.message ?? 'invalid');
          return { field, message: extra };
        }),
      );
      const first = details[0] ?? { field: location, message: 'invalid' };
      const message = `${location === 'body' ? '' : `${location} `}${first.field}: ${first.message}`;
      return send(reply, new HooklineError('invalid_request', message, details));
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      const code = FASTIFY_STATUS_CODES[error.statusCode] ?? 'invalid_request';
      return send(reply, new HooklineError(code, error.message));
    }
    if (isStorageFull(error)) {
      request.log.warn({ err: { message: error.message } }, 'the store cannot write: storage full');
      return send(reply, storageFull());
    }
    if (error.name === 'EncryptionKeyError') {
      // A row sealed under a key this node lacks (names key ids, never a value): the operator's to fix.
      request.log.error({ err: { message: error.message } }, 'a stored secret cannot be decrypted');
      return send(
        reply,
        new HooklineError(
          'store_unavailable',
          'a stored secret cannot be decrypted with the configured encryption key; see the server log',
        ),
      );
    }
    request.log.error({ err: error }, 'unhandled error');
    return send(reply, new HooklineError('internal', 'internal error; see the server log'));
  });
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0];
    const allowed = methodsOf(path);
    // A route of this very method that let the request through to here: a plain not-found.
    if (allowed.length > 0 && !allowed.includes(request.method)) {
      reply.header('allow', allowed.join(', '));
      return send(
        reply,
        new HooklineError(
          'method_not_allowed',
          `${request.method} is not allowed on ${path}; allowed: ${allowed.join(', ')}`,
        ),
      );
    }
    return send(reply, new HooklineError('not_found', `no route ${request.method} ${path}`));
  });
}
