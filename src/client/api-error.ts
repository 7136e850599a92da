/** The API's error body: `{ code, message, details }`. */
export interface ApiErrorBody {
  code: string;
  message: string;
  details: Array<{ field?: string; message: string }>;
}

/** Every error answer of the Hookline API, with the API's stable `code`. */
export class HooklineApiError extends Error {
  readonly code: string;
  readonly details: ApiErrorBody['details'];

  constructor(
    readonly status: number,
    body: unknown,
  ) {
    const parsed = asErrorBody(body, status);
    super(parsed.message);
    this.name = 'HooklineApiError';
    this.code = parsed.code;
    this.details = parsed.details;
  }
}

function asErrorBody(body: unknown, status: number): ApiErrorBody {
  const b = (typeof body === 'object' && body !== null ? body : {}) as Partial<ApiErrorBody>;
  return {
    code: typeof b.code === 'string' ? b.code : `http_${status}`,
    message:
      typeof b.message === 'string'
        ? b.message
        : `HTTP ${status}${typeof body === 'string' && body ? `: ${body.slice(0, 200)}` : ''}`,
    details: Array.isArray(b.details) ? b.details : [],
  };
}
