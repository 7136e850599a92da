import { statusOf, type CodeWithStatus, type ErrorCode, type StatusOf } from './error-codes.js';

/** One error type, turned into one error body: { code, message, details }. */
export interface ErrorDetail {
  field?: string;
  message: string;
}

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  details: ErrorDetail[];
}

/** An error the API answers as is: its code comes from the catalogue, which fixes its status. */
export class HooklineError<C extends ErrorCode = ErrorCode> extends Error {
  readonly status: StatusOf<C>;

  constructor(
    readonly code: C,
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
    this.name = 'HooklineError';
    this.status = statusOf(code);
  }

  toBody(): ErrorBody {
    return { code: this.code, message: this.message, details: this.details };
  }
}

export const badRequest = (
  message: string,
  details: ErrorDetail[] = [],
  code: CodeWithStatus<400> = 'invalid_request',
) => new HooklineError(code, message, details);

export const invalidField = (field: string, message: string) =>
  new HooklineError('invalid_request', `${field}: ${message}`, [{ field, message }]);

export const notFound = (what: string, id: string) =>
  new HooklineError('not_found', `${what} ${id} not found`, []);

export const conflict = (message: string, code: CodeWithStatus<409>) =>
  new HooklineError(code, message);

export const unauthorized = (message = 'missing or invalid API token') =>
  new HooklineError('unauthorized', message);

export const payloadTooLarge = (limit: number) =>
  new HooklineError('payload_too_large', `payload exceeds the limit of ${limit} bytes`);

export const unavailable = (message: string, code: CodeWithStatus<503> = 'store_unavailable') =>
  new HooklineError(code, message);
