import type { FastifyError, FastifyInstance } from 'fastify';
import { HooklineError } from '../../lib/errors.js';

/**
 * Svix's error bodies: `{ code, detail }` (HttpErrorOut) for most errors, and 422
 * `{ detail: [{ loc, msg, type }] }` (HTTPValidationError) for invalid input, which the Svix SDKs
 * raise as ApiException with that body.
 */
type Loc = string[];

/** Fastify's validation contexts under the names Svix's `loc` uses. */
const LOCATIONS: Record<string, string> = {
  querystring: 'query',
  params: 'path',
  headers: 'header',
};

/** Invalid input outside the body (a query parameter): its 422 `loc` says where. */
export class SvixInputError extends HooklineError {
  constructor(
    readonly location: 'query' | 'path',
    field: string,
    message: string,
  ) {
    super('invalid_request', `${field}: ${message}`, [{ field, message }]);
  }
}

const locOf = (location: string, field: string | undefined): Loc => [
  location,
  ...(field ?? '')
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter(Boolean),
];

function validationBody(location: string, details: Array<{ field?: string; message: string }>) {
  return {
    detail: details.map((d) => ({
      loc: locOf(location, d.field),
      msg: d.message,
      type: 'value_error',
    })),
  };
}

function instancePathField(v: { instancePath?: string; params?: Record<string, unknown> }): string {
  const path = (v.instancePath ?? '').split('/').filter(Boolean).join('.');
  const missing = v.params?.missingProperty ?? v.params?.additionalProperty;
  return typeof missing === 'string' ? (path ? `${path}.${missing}` : missing) : path;
}

export function installSvixErrorHandler(scope: FastifyInstance): void {
  scope.setErrorHandler((error: FastifyError & { validationContext?: string }, request, reply) => {
    if (error.validation) {
      const context = error.validationContext ?? 'body';
      const location = LOCATIONS[context] ?? context;
      return reply.status(422).send(
        validationBody(
          location,
          error.validation.map((v) => ({
            field: instancePathField(v),
            message: v.params?.additionalProperty ? 'unknown property' : (v.message ?? 'invalid'),
          })),
        ),
      );
    }
    if (error instanceof HooklineError) {
      if (error.status >= 500) request.log.warn({ code: error.code }, error.message);
      if (error.status === 400 && error.details.some((d) => d.field !== undefined))
        return reply
          .status(422)
          .send(
            validationBody(
              error instanceof SvixInputError ? error.location : 'body',
              error.details,
            ),
          );
      return reply.status(error.status).send({ code: error.code, detail: error.message });
    }
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
      return reply.status(413).send({ code: 'payload_too_large', detail: error.message });
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500)
      return reply
        .status(error.statusCode)
        .send({ code: 'invalid_request', detail: error.message });
    request.log.error({ err: error }, 'unhandled error');
    return reply
      .status(500)
      .send({ code: 'internal', detail: 'internal error; see the server log' });
  });
}
