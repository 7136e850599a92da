import { errorBody } from './schemas/common.js';

/**
 * The errors any route may answer beyond those it declares, added to its documentation only
 * (the error handler answers them whatever the route's schema says): a body too large or of a
 * content type the route does not read, where the route takes a body; the store out of reach or
 * out of room; and a bug. Viber's /pa API is left alone: it answers HTTP 200 with Viber's own statuses.
 */
const ANY_ROUTE = {
  500: errorBody(500, ['internal']),
  503: errorBody(503, ['store_unavailable']),
  // Reads answer it too where they tidy up on the way (expired bins, say).
  507: errorBody(507, ['storage_full']),
};
/** The management API counts requests per credential (HOOKLINE_API_RATE_LIMIT). */
const RATE_LIMITED = { 429: errorBody(429, ['rate_limited']) };
const WITH_BODY = {
  413: errorBody(413, ['payload_too_large']),
  415: errorBody(415, ['unsupported_media_type']),
};

export function withGeneralErrors(
  schema: Record<string, unknown>,
  url: string,
): Record<string, unknown> {
  if (url.startsWith('/pa/') || url === '/healthz' || url === '/readyz') return schema;
  const general = {
    ...ANY_ROUTE,
    ...(url.startsWith('/api/') ? RATE_LIMITED : {}),
    ...(schema.body === undefined ? {} : WITH_BODY),
  };
  // What the route declares itself wins.
  return { ...schema, response: { ...general, ...(schema.response as object | undefined) } };
}
