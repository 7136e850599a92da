import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * Security headers for the console's pages (`/` and `/portal`, the static web app). The portal is
 * made to be embedded, so who may frame it is the operator's choice
 * (`HOOKLINE_PORTAL_FRAME_ANCESTORS`, CSP `frame-ancestors`); everything else is fixed: scripts,
 * styles, fonts and API calls from this origin only, images also from https (a session's logo).
 */

/** `'self'`, `'none'`, a scheme (`https:`), or a host source (`https://*.example.com:8443`). */
const SOURCE =
  /^(?:'self'|'none'|[a-z][a-z0-9+.-]*:|(?:[a-z][a-z0-9+.-]*:\/\/)?(?:\*\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*(?::(?:\d{1,5}|\*))?(?:\/[^\s;,'"]*)?)$/i;

/** A CSP source list as HOOKLINE_PORTAL_FRAME_ANCESTORS takes it; undefined when not one. */
export function parseFrameAncestors(raw: string): string | undefined {
  // Printable ASCII only: a line break in a header value must never get as far as the header.
  if (!/^[\x20-\x7e]*$/.test(raw)) return undefined;
  const sources = raw.trim().split(/ +/);
  if (sources.length === 0 || sources[0] === '') return undefined;
  if (!sources.every((s) => SOURCE.test(s))) return undefined;
  // 'none' means nobody: it cannot be combined with anything else.
  if (sources.includes("'none'") && sources.length > 1) return undefined;
  return sources.join(' ');
}

/** The headers every console page is served with. */
export function consoleHeaders(frameAncestors: string): Record<string, string> {
  const headers: Record<string, string> = {
    'content-security-policy': [
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data: https:",
      "font-src 'self' data:",
      "connect-src 'self'",
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      `frame-ancestors ${frameAncestors}`,
    ].join('; '),
    'x-content-type-options': 'nosniff',
    // The portal link carries its token in the fragment, which browsers never send; no referrer at
    // all keeps even the page's path to ourselves.
    'referrer-policy': 'no-referrer',
    'cross-origin-resource-policy': 'same-origin',
    'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=()',
  };
  // Older browsers read only X-Frame-Options, which can say "nobody" or "this origin" but no list.
  if (frameAncestors === "'none'") headers['x-frame-options'] = 'DENY';
  else if (frameAncestors === "'self'") headers['x-frame-options'] = 'SAMEORIGIN';
  return headers;
}

/**
 * An `onSend` hook that adds the console headers to every reply of the plugin it is added to
 * (the static web app: `app.addHook('onSend', consoleHeadersHook(config.portalFrameAncestors))`).
 */
export function consoleHeadersHook(frameAncestors: string) {
  const headers = consoleHeaders(frameAncestors);
  return async (_request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    reply.headers(headers);
    return payload;
  };
}
