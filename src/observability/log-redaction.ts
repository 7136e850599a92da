/**
 * What logs must never carry, as pino options: credentials are left out of what is logged (the
 * request serializer keeps method, path and address, never headers), and the usual fields that
 * hold one are censored wherever an object is logged whole, as a second line of defence.
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers["x-viber-auth-token"]',
  'req.headers.cookie',
  'headers.authorization',
  'headers["x-viber-auth-token"]',
  '*.authorization',
  '*.apiKey',
  '*.adminToken',
  '*.secret',
  '*.secrets',
  '*.token',
  '*.password',
  '*.viberAuthToken',
];

/** Query parameters whose values are credentials (portal links, bot tokens, signatures). */
const SECRET_PARAM = /token|key|secret|pass|auth|sig|session|code/i;

/** The request's path and query as sent, credential-looking parameter values replaced. */
export function loggableUrl(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url;
  const query = url
    .slice(q + 1)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const name = eq < 0 ? pair : pair.slice(0, eq);
      return eq >= 0 && SECRET_PARAM.test(safeDecode(name)) ? `${name}=[redacted]` : pair;
    });
  return `${url.slice(0, q)}?${query.join('&')}`;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

interface LoggedRequest {
  method?: string;
  url?: string;
  ip?: string;
  id?: unknown;
}

/** Fastify's request, as request logging shows it: no headers, no body, no credentials. */
export function requestSerializer(req: LoggedRequest) {
  return { method: req.method, url: loggableUrl(req.url ?? ''), remoteAddress: req.ip };
}
