/**
 * Every error code the API answers, with its HTTP status and what it means: the one place a code is
 * defined (docs/api.md's error table is generated from it). A code not listed here does not
 * compile. Viber's /pa replies are HTTP 200 with Viber's own statuses: see api/viber/status.ts.
 */

interface CodeEntry {
  status: number;
  description: string;
}

/** Codes any route may answer. */
export const GENERAL_ERRORS = {
  invalid_request: {
    status: 400,
    description:
      'a body, query, path parameter or header breaks a rule; `details` names each field',
  },
  invalid_json: { status: 400, description: 'the body is not valid JSON' },
  unauthorized: {
    status: 401,
    description: 'no token, or a token that is neither the admin token nor an app key',
  },
  not_found: {
    status: 404,
    description: "no such resource (another app's resource answers the same), or no such route",
  },
  payload_too_large: {
    status: 413,
    description: 'the body or a message payload is above the payload limit',
  },
  unsupported_media_type: {
    status: 415,
    description: 'a body whose content type the route does not read',
  },
  internal: { status: 500, description: 'a bug: the server log has the cause' },
  store_unavailable: {
    status: 503,
    description: 'the database cannot be reached right now; try again shortly',
  },
  store_not_migrated: {
    status: 503,
    description:
      'at start-up with --no-migrate: the PostgreSQL schema lacks migrations (`hookline migrate`)',
  },
} as const satisfies Record<string, CodeEntry>;

/** Codes of particular resources. */
export const RESOURCE_ERRORS = {
  delivery_in_flight: {
    status: 409,
    description: 'retry of a delivery that is being sent right now; ask again once it is done',
  },
  unknown_format: {
    status: 409,
    description: 'simulate on an endpoint whose format this server does not know',
  },
  bin_limit_reached: {
    status: 409,
    description: 'the app already has the most live bins; delete one or wait for one to expire',
  },
  bin_expired: { status: 410, description: 'the bin has expired: it captures and streams no more' },
  bins_unsupported: { status: 501, description: 'the store does not keep bins' },
  app_key_required: {
    status: 403,
    description: 'bot connections belong to an app: call with its API key, not the admin token',
  },
} as const satisfies Record<string, CodeEntry>;

/** Saving a bot connection: why its receiver failed the verification handshake. */
export const HANDSHAKE_ERRORS = {
  verification_wrong_body: {
    status: 400,
    description: 'the receiver answered 200, but its body is not the challenge',
  },
  verification_status: {
    status: 400,
    description: 'the receiver answered a status other than 200',
  },
  verification_timeout: { status: 400, description: 'no complete answer within the timeout' },
  verification_unreachable: {
    status: 400,
    description:
      'connection refused or reset, DNS or TLS failure, or an address the egress policy refuses',
  },
} as const satisfies Record<string, CodeEntry>;

/** Invoking a bot connection: why the receiver's answer cannot be used (also the invocation's outcome). */
export const INVOCATION_ERRORS = {
  reply_invalid: {
    status: 422,
    description: 'the reply breaks the schema; `details` lists every violation with its `limit`',
  },
  reply_not_json: { status: 422, description: 'the body (or an empty body) is not JSON' },
  reply_too_large: { status: 422, description: 'the body is larger than the reply limit' },
  receiver_status: {
    status: 422,
    description: 'a status outside 2xx (redirects are not followed)',
  },
  receiver_unreachable: {
    status: 422,
    description:
      'connection refused or dropped, DNS or TLS failure, or an address the egress policy refuses',
  },
  reply_timeout: { status: 422, description: 'no complete answer within the timeout' },
} as const satisfies Record<string, CodeEntry>;

export const ERROR_CODES = {
  ...GENERAL_ERRORS,
  ...RESOURCE_ERRORS,
  ...HANDSHAKE_ERRORS,
  ...INVOCATION_ERRORS,
} as const;

/** The catalogue's sections, in the order the docs show them. */
export const ERROR_SECTIONS = [
  { title: 'Any route', codes: GENERAL_ERRORS },
  { title: 'Resources', codes: RESOURCE_ERRORS },
  { title: 'Bot connections: verification handshake', codes: HANDSHAKE_ERRORS },
  { title: 'Bot connections: invocation', codes: INVOCATION_ERRORS },
] as const;

export type ErrorCode = keyof typeof ERROR_CODES;
export type HandshakeFailure = keyof typeof HANDSHAKE_ERRORS;
export type InvocationFailure = keyof typeof INVOCATION_ERRORS;

/** The HTTP status the catalogue fixes for a code. */
export type StatusOf<C extends ErrorCode> = (typeof ERROR_CODES)[C]['status'];
export type ErrorStatus = StatusOf<ErrorCode>;

/** The codes answered with one HTTP status, e.g. `CodeWithStatus<409>`. */
export type CodeWithStatus<S extends ErrorStatus> = {
  [C in ErrorCode]: StatusOf<C> extends S ? C : never;
}[ErrorCode];

export const statusOf = <C extends ErrorCode>(code: C): StatusOf<C> => ERROR_CODES[code].status;

export const isErrorCode = (value: unknown): value is ErrorCode =>
  typeof value === 'string' && Object.hasOwn(ERROR_CODES, value);

/** Every code answered with `status`, in catalogue order. */
export const codesWithStatus = <S extends ErrorStatus>(status: S): CodeWithStatus<S>[] =>
  (Object.keys(ERROR_CODES) as ErrorCode[]).filter(
    (code) => ERROR_CODES[code].status === status,
  ) as CodeWithStatus<S>[];
