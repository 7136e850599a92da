/** One error type, turned into one error body: { code, message, details }. */
export interface ErrorDetail {
  field?: string;
  message: string;
}

export class HooklineError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
    this.name = 'HooklineError';
  }

  toBody(): { code: string; message: string; details: ErrorDetail[] } {
    return { code: this.code, message: this.message, details: this.details };
  }
}

export const badRequest = (
  message: string,
  details: ErrorDetail[] = [],
  code = 'invalid_request',
) => new HooklineError(400, code, message, details);

export const invalidField = (field: string, message: string) =>
  new HooklineError(400, 'invalid_request', `${field}: ${message}`, [{ field, message }]);

export const notFound = (what: string, id: string) =>
  new HooklineError(404, 'not_found', `${what} ${id} not found`, []);

export const conflict = (message: string, code = 'conflict') =>
  new HooklineError(409, code, message);

export const unauthorized = (message = 'missing or invalid API token') =>
  new HooklineError(401, 'unauthorized', message);

export const payloadTooLarge = (limit: number) =>
  new HooklineError(413, 'payload_too_large', `payload exceeds the limit of ${limit} bytes`);

export const unavailable = (message: string, code = 'store_unavailable') =>
  new HooklineError(503, code, message);
