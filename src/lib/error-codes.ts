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
    description:
      'the body or a message payload is above the payload limit (`HOOKLINE_PAYLOAD_LIMIT_BYTES`, 256 KiB by default)',
  },
  unsupported_media_type: {
    status: 415,
    description: 'a body whose content type the route does not read',
  },
  rate_limited: {
    status: 429,
    description:
      'more requests with this credential than `HOOKLINE_API_RATE_LIMIT` allows per window; `Retry-After` says how many seconds until the next is accepted',
  },
  internal: {
    status: 500,
    description: 'an unexpected failure, a bug: the server log has the cause',
  },
  store_unavailable: {
    status: 503,
    description: 'the database cannot be reached right now; try again shortly',
  },
  storage_full: {
    status: 507,
    description:
      'the store cannot write: its disk (or `HOOKLINE_SQLITE_MAX_PAGES`) is full. Nothing of the request was written; send it again once space is freed (`GET /readyz` answers 503 meanwhile)',
  },
  store_not_migrated: {
    status: 503,
    description:
      'at start-up with --no-migrate: the PostgreSQL schema lacks migrations (`hookline migrate`)',
  },
} as const satisfies Record<string, CodeEntry>;

/** Codes of particular routes. */
export const ROUTE_ERRORS = {
  admin_required: {
    status: 403,
    description:
      'a route only the admin token may call (creating or deleting apps, ...), called with an app key',
  },
  method_not_allowed: {
    status: 405,
    description:
      'the path exists but not with this method; the `Allow` header lists the methods it has',
  },
  app_key_required: {
    status: 403,
    description:
      "bot connections belong to an app: call with the app's API key, or name the app with ?appId= when using the admin token",
  },
  portal_link_invalid: {
    status: 401,
    description:
      'a portal link token that is unknown, already used or expired (a link opens one session, once)',
  },
  portal_forbidden: {
    status: 403,
    description:
      "a portal session's credential on a route the portal may not use: admin routes and anything outside its own app",
  },
  not_supported: {
    status: 405,
    description:
      "an operation of the Svix-compatible API that Hookline does not serve (docs/svix-compatibility.md); Svix's `{ code, detail }` body",
  },
  update_conflict: {
    status: 409,
    description:
      'the record kept changing under concurrent updates and this one could not be applied; send it again',
  },
  endpoint_disabled: {
    status: 409,
    description:
      'recover on a disabled endpoint: its deliveries are held; enable it first (PATCH with `disabled: false`, and `sendHeld: true` to send them)',
  },
  idempotency_conflict: {
    status: 409,
    description:
      'an `Idempotency-Key` (or `idempotencyKey`, Svix `eventId`) seen within the idempotency window, sent with another request body; use a new key for a new message',
  },
  uid_taken: {
    status: 409,
    description:
      'the `uid` given to an app (or to an endpoint within its app) is already used by another one',
  },
  delivery_in_flight: {
    status: 409,
    description: 'retry of a delivery that is being sent right now; ask again once it is done',
  },
  unknown_format: {
    status: 409,
    description: 'simulate on an endpoint whose format this server does not know',
  },
  verification_running: {
    status: 409,
    description:
      'the endpoint is already switched to a bin (webhook verification); stop that one first',
  },
  bin_limit_reached: {
    status: 409,
    description: 'the app already has the most live bins; delete one or wait for one to expire',
  },
  payload_expired: {
    status: 410,
    description:
      "the message's payload was dropped by payload retention (`HOOKLINE_PAYLOAD_RETENTION_DAYS`): it cannot be sent again",
  },
  bin_expired: {
    status: 410,
    description: 'the bin has expired: its URL captures no more, its stream ends',
  },
} as const satisfies Record<string, CodeEntry>;

/** Saving a bot connection: why its receiver failed the verification handshake. */
export const HANDSHAKE_ERRORS = {
  verification_wrong_body: { status: 400, description: '200, but the body is not the challenge' },
  verification_status: {
    status: 400,
    description: 'any status but 200 (also 204 and redirects, which are never followed)',
  },
  verification_timeout: { status: 400, description: 'no complete answer within the timeout' },
  verification_unreachable: {
    status: 400,
    description:
      'connection refused or reset, DNS or TLS failure, or an address the egress policy (`HOOKLINE_EGRESS`) forbids',
  },
} as const satisfies Record<string, CodeEntry>;

/** Invoking a bot connection: why the receiver's answer cannot be used (also the invocation's outcome). */
export const INVOCATION_ERRORS = {
  reply_invalid: {
    status: 422,
    description:
      'the reply breaks the schema; `details` lists **every** violation, `{field, limit, message}`, e.g. `responses[0].buttons[2].title` / `1-20 characters`',
  },
  reply_not_json: { status: 422, description: 'the body (or an empty body) is not JSON' },
  reply_too_large: {
    status: 422,
    description: 'the body is larger than the reply limit (256 KiB)',
  },
  receiver_status: {
    status: 422,
    description:
      "a status outside 2xx (redirects are not followed); the message is ChatBot's `Request failed with status code <status>`",
  },
  receiver_unreachable: {
    status: 422,
    description: 'connection refused or dropped, DNS or TLS failure, egress policy',
  },
  reply_timeout: { status: 422, description: 'no complete answer within the timeout' },
} as const satisfies Record<string, CodeEntry>;

export const ERROR_CODES = {
  ...GENERAL_ERRORS,
  ...ROUTE_ERRORS,
  ...HANDSHAKE_ERRORS,
  ...INVOCATION_ERRORS,
} as const;

/** The catalogue's sections, in the order the docs show them. */
export const ERROR_SECTIONS = {
  general: { title: 'Any route', codes: GENERAL_ERRORS },
  routes: { title: 'Particular routes', codes: ROUTE_ERRORS },
  handshake: { title: 'Saving a bot connection (verification handshake)', codes: HANDSHAKE_ERRORS },
  invocation: { title: 'Invoking a bot connection', codes: INVOCATION_ERRORS },
} as const;

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
